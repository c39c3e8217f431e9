/**
 * The URL paths of the public site's pages, in one place: the site links its pages
 * with them and the CMS names the site's pages with them. Paths are root-relative,
 * without a trailing slash; slugs, codes and file names go in as given.
 */

/** Paths of the column's pages, feeds and sitemaps. */
export const SITE_PATHS = {
  /** The column's home page. */
  home: '/',
  /**
   * An article.
   * @example SITE_PATHS.article('mot-cua-lien-thong') === '/bai-viet/mot-cua-lien-thong'
   */
  article: (slug: string) => `/bai-viet/${slug}`,
  /**
   * The articles of a reform area.
   * @example SITE_PATHS.area('the-che') === '/linh-vuc/the-che'
   */
  area: (code: string) => `/linh-vuc/${code}`,
  /**
   * The RSS feed of a reform area.
   * @example SITE_PATHS.areaFeed('the-che') === '/linh-vuc/the-che/rss.xml'
   */
  areaFeed: (code: string) => `/linh-vuc/${code}/rss.xml`,
  /** The articles of a topic. */
  topic: (slug: string) => `/chu-de/${slug}`,
  /** The index of agencies. */
  agencies: '/co-quan',
  /** An agency and its articles. */
  agency: (slug: string) => `/co-quan/${slug}`,
  /** The RSS feed of an agency. */
  agencyFeed: (slug: string) => `/co-quan/${slug}/rss.xml`,
  /** The search page (its query string carries the search). */
  search: '/tim-kiem',
  /** The video page. */
  video: '/video',
  /** A WebVTT caption file of the CMS's upload folder (its name) or of the media bucket (its path under MEDIA_PUBLIC_URL), served through the site's own origin. */
  captions: (file: string) => `/video/phu-de/${file}`,
  /** The radio page (audio bulletins). */
  radio: '/phat-thanh',
  /** The podcast feed of the audio bulletins. */
  podcast: '/phat-thanh/podcast.xml',
  /** The infographic gallery. */
  infographic: '/infographic',
  /** The RSS feed of the whole column. */
  feed: '/rss.xml',
  /** The sitemaps.org sitemap. */
  sitemap: '/sitemap.xml',
  /** The Google News sitemap. */
  newsSitemap: '/sitemap-news.xml',
} as const;

/** Root of the Steering Committee website's pages on the shared site. */
export const COMMITTEE_ROOT = '/ban-chi-dao';

/** Paths of the Steering Committee website's pages. */
export const committeePaths = {
  /** The committee's home page. */
  home: COMMITTEE_ROOT,
  /** About the committee. */
  about: `${COMMITTEE_ROOT}/gioi-thieu`,
  /** The steering documents (its query string carries the filters). */
  documents: `${COMMITTEE_ROOT}/van-ban`,
  /**
   * One steering document.
   * @example committeePaths.document('ke-hoach-2024') === '/ban-chi-dao/van-ban/ke-hoach-2024'
   */
  document: (slug: string) => `${COMMITTEE_ROOT}/van-ban/${slug}`,
  /** The plans (redirects to the newest plan year). */
  plans: `${COMMITTEE_ROOT}/ke-hoach`,
  /**
   * The tracker of one plan year.
   * @example committeePaths.plan(2030) === '/ban-chi-dao/ke-hoach/2030'
   */
  plan: (year: number) => `${COMMITTEE_ROOT}/ke-hoach/${year}`,
  /** The reform indices. */
  indices: `${COMMITTEE_ROOT}/chi-so`,
  /** One index's results as CSV. */
  indexCsv: (code: string) => `${COMMITTEE_ROOT}/chi-so/${code}.csv`,
  /** The events. */
  events: `${COMMITTEE_ROOT}/su-kien`,
  /** Every event as one iCalendar file. */
  eventsCalendar: `${COMMITTEE_ROOT}/su-kien.ics`,
  /** One event. */
  event: (slug: string) => `${COMMITTEE_ROOT}/su-kien/${slug}`,
  /** One event as an iCalendar file. */
  eventCalendar: (slug: string) => `${COMMITTEE_ROOT}/su-kien/${slug}.ics`,
  /** The committee's contact page. */
  contact: `${COMMITTEE_ROOT}/lien-he`,
  /** The committee's English page. */
  english: '/en/steering-committee',
  /** The committee's English contact page. */
  englishContact: '/en/steering-committee/contact',
} as const;

/** Root of the online contest's pages. */
export const CONTEST_ROOT = '/cuoc-thi';

/** Paths of the online contest's pages. */
export const contestPaths = {
  /** The contests and their rounds. */
  list: CONTEST_ROOT,
  /**
   * A contest: rules, rounds, registration, results.
   * @example contestPaths.contest('tim-hieu-cchc') === '/cuoc-thi/tim-hieu-cchc'
   */
  contest: (slug: string) => `${CONTEST_ROOT}/${slug}`,
  /**
   * An entrant's attempt (private: answered per visitor, never cached).
   * @example contestPaths.attempt('a1b2') === '/cuoc-thi/bai-thi/a1b2'
   */
  attempt: (id: string) => `${CONTEST_ROOT}/bai-thi/${id}`,
  /** Where the attempt page's script saves one answer (JSON). */
  answer: (id: string) => `${CONTEST_ROOT}/bai-thi/${id}/tra-loi`,
  /**
   * Where the registration form's widget fetches its proof-of-work challenge (JSON, a new one
   * each time). Under bai-thi/ so that it is private like the attempts: never cached, on the
   * private budget. (Attempt ids are hex, so no attempt is called "xac-minh".)
   */
  challenge: `${CONTEST_ROOT}/bai-thi/xac-minh`,
} as const;

/** Root of citizens' questions and feedback. */
export const QUESTIONS_ROOT = '/hoi-dap';

/** Paths of citizens' questions and feedback. */
export const questionPaths = {
  /** Where to ask, and the published answers. */
  list: QUESTIONS_ROOT,
  /** The form that sends a question (its POST is private). */
  send: `${QUESTIONS_ROOT}/gui`,
  /**
   * A submission looked up with its code and contact (private: the answer is per visitor).
   * @example questionPaths.lookup('PAKN.20241105.0007') === '/hoi-dap/tra-cuu?ma=PAKN.20241105.0007'
   */
  lookup: (code?: string) => `${QUESTIONS_ROOT}/tra-cuu${code ? `?ma=${encodeURIComponent(code)}` : ''}`,
  /**
   * A published question and its answer.
   * @example questionPaths.item('PAKN.20241105.0007') === '/hoi-dap/PAKN.20241105.0007'
   */
  item: (code: string) => `${QUESTIONS_ROOT}/${encodeURIComponent(code)}`,
  /** The RSS feed of published answers. */
  feed: `${QUESTIONS_ROOT}/rss.xml`,
} as const;

/** Root of drafts' previews (the edit view's panel and share links): private, never cached or indexed. */
export const PREVIEW_ROOT = '/xem-truoc';

/** Paths of previews. */
export const previewPaths = {
  /**
   * The preview a token opens.
   * @example previewPaths.page('s1.abc') === '/xem-truoc/s1.abc'
   */
  page: (token: string) => `${PREVIEW_ROOT}/${encodeURIComponent(token)}`,
} as const;

/**
 * True for a preview's path (framed by the admin panel, never cached).
 * @example isPreviewPath('/xem-truoc/s1.abc') === true
 */
export function isPreviewPath(pathname: string): boolean {
  return pathname.startsWith(`${PREVIEW_ROOT}/`);
}

/**
 * A path percent-decoded as a router reads it; a malformed escape leaves it as it came.
 * @example decodedPath('/%78em-truoc/a') === '/xem-truoc/a'
 */
export function decodedPath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A path safe to write in a log: a preview's token (a secret for as long as it lives) is left out.
 * @example pathForLog('/xem-truoc/s1.secret') === '/xem-truoc/…'
 */
export function pathForLog(raw: string): string {
  return isPreviewPath(decodedPath(raw.split('?', 1)[0]!)) ? `${PREVIEW_ROOT}/…` : raw;
}

/** Set by the front server on every private request it hands to Astro (overwriting what the visitor sent): the answer is never stored. */
export const PRIVATE_REQUEST_HEADER = 'x-cchc-private';
/** Set with it: `https` when the visitor's connection was (directly or through the trusted proxy), else `http`. */
export const VISITOR_SCHEME_HEADER = 'x-cchc-scheme';

/**
 * True for requests the site answers per visitor and never from its page cache: an
 * entrant's attempt pages, a question's lookup, a draft's preview, and every form sent to the contest or
 * the questions. Everything else is a public page, the same for everyone.
 * @example isPrivateRequest('POST', '/cuoc-thi/tim-hieu-cchc') === true
 */
export function isPrivateRequest(method: string, raw: string): boolean {
  // Decided on the path as the router reads it: percent-decoded, without a trailing slash
  // (`/%78em-truoc/…` is routed to the preview page, so it is private too).
  const decoded = decodedPath(raw);
  const pathname = decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
  if (pathname.startsWith(`${CONTEST_ROOT}/bai-thi/`) || pathname === questionPaths.lookup() || isPreviewPath(pathname)) return true;
  const under = (root: string) => pathname === root || pathname.startsWith(`${root}/`);
  return method !== 'GET' && method !== 'HEAD' && (under(CONTEST_ROOT) || under(QUESTIONS_ROOT));
}
