/**
 * Cache tags: the vocabulary shared by the site, whose pages name the content
 * they show, and the CMS, which names the content that changed when it asks the
 * site to purge (see purge.ts).
 */

/** Tag names, one family per kind of content. */
export const TAG = {
  /** Pages listing the newest articles of the whole column (home, article neighbours, feeds, sitemap). */
  latest: 'latest',
  /** Pages that show taxonomies or agency names: every page (the navigation lists the reform areas). */
  taxonomy: 'taxonomy',
  /** Pages of the Steering Committee website (committee, members, channels, documents, indices, events). */
  committee: 'committee',
  /** Pages of the online contest that may be cached: the list of contests, rules and published results. */
  contest: 'contest',
  /** Pages of published citizens' questions and answers (the list, each item, the feed). */
  questions: 'questions',
  /** @example TAG.article('mot-cua') === 'article:mot-cua' */
  article: (slug: string) => `article:${slug}`,
  /** @example TAG.area('the-che') === 'area:the-che' */
  area: (code: string) => `area:${code}`,
  /** @example TAG.agency('so-tu-phap') === 'agency:so-tu-phap' */
  agency: (slug: string) => `agency:${slug}`,
  /** @example TAG.topic('chi-so') === 'topic:chi-so' */
  topic: (slug: string) => `topic:${slug}`,
  /** @example TAG.format('infographic') === 'format:infographic' */
  format: (code: string) => `format:${code}`,
} as const;

/** What an article is tagged with wherever it is shown. */
export interface TaggedArticle {
  slug: string;
  format: string;
  areas: readonly string[];
  topics: readonly string[];
  agency: string | null;
}

/**
 * Every tag a change to this article must purge: its own page, the lists it appears in.
 * @example articleTags({ slug: 'a', format: 'tin-ngan', areas: ['the-che'], topics: [], agency: null }) // ['article:a', 'latest', 'format:tin-ngan', 'area:the-che']
 */
export function articleTags(article: TaggedArticle): string[] {
  return [
    TAG.article(article.slug),
    TAG.latest,
    TAG.format(article.format),
    ...article.areas.map(TAG.area),
    ...article.topics.map(TAG.topic),
    ...(article.agency ? [TAG.agency(article.agency)] : []),
  ];
}
