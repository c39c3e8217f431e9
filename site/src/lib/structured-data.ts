/**
 * JSON-LD for search engines: NewsArticle on article pages, BreadcrumbList on pages
 * with a breadcrumb. Serialised so that no value can end the <script> element it sits in.
 */
import type { ArticleDetail, PublishedQuestion } from '@cchc/shared';
import { absoluteUrl } from './urls';

/** A JSON-LD object. */
export type JsonLd = { [key: string]: unknown };

/** One step of a breadcrumb trail, as shown on the page. */
export interface Crumb {
  name: string;
  /** Root-relative path. */
  href: string;
  /** True for the page being shown (aria-current="page"). */
  current?: boolean;
}

const SCRIPT_UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a <script type="application/ld+json"> element: `<`, `>` and `&` as \u escapes
 * (still the same JSON), so "</script>" or "<!--" in a title cannot close or confuse the element.
 * @example serializeJsonLd({ headline: '</script>' }) === '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: JsonLd | readonly JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c);
}

/** A schema.org BreadcrumbList of a trail, with absolute URLs. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], origin: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(origin, crumb.href),
    })),
  };
}

/** What a NewsArticle needs besides the article. */
export interface NewsArticleContext {
  /** The article's canonical URL. */
  url: string;
  /** Name of the column, the publisher. */
  publisherName: string;
  /** Turns a CMS media path into an absolute URL. */
  resolve: (path: string) => string;
}

/**
 * A schema.org NewsArticle. The author is the byline when there is one, else the
 * contributing agency, else the column itself.
 */
export function newsArticleJsonLd(article: ArticleDetail, context: NewsArticleContext): JsonLd {
  const publisher = { '@type': 'Organization', name: context.publisherName };
  const author = article.byline
    ? { '@type': 'Person', name: article.byline }
    : article.agency
      ? { '@type': 'Organization', name: article.agency.name }
      : publisher;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    datePublished: article.publicationDate,
    dateModified: article.updatedAt,
    author: [author],
    publisher,
    ...(article.cover ? { image: [context.resolve(article.cover.url)] } : {}),
    inLanguage: 'vi',
    mainEntityOfPage: context.url,
    url: context.url,
  };
}

/** A schema.org QAPage for a published question: the question and its one accepted answer, by the answering agency. */
export function qaPageJsonLd(question: PublishedQuestion, url: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    url,
    mainEntity: {
      '@type': 'Question',
      name: question.title,
      text: question.question,
      dateCreated: question.askedAt,
      answerCount: 1,
      acceptedAnswer: {
        '@type': 'Answer',
        text: question.answer,
        dateCreated: question.publishedAt,
        url,
        ...(question.agency ? { author: { '@type': 'GovernmentOrganization', name: question.agency.name } } : {}),
      },
    },
  };
}
