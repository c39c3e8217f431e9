/** Paths of the Steering Committee website's pages, in one place. */

/** Root of the committee's pages on the shared site. */
export const COMMITTEE_ROOT = '/ban-chi-dao';

export const committeePaths = {
  home: COMMITTEE_ROOT,
  about: `${COMMITTEE_ROOT}/gioi-thieu`,
  documents: `${COMMITTEE_ROOT}/van-ban`,
  document: (slug: string) => `${COMMITTEE_ROOT}/van-ban/${slug}`,
  plans: `${COMMITTEE_ROOT}/ke-hoach`,
  plan: (year: number) => `${COMMITTEE_ROOT}/ke-hoach/${year}`,
  indices: `${COMMITTEE_ROOT}/chi-so`,
  indexCsv: (code: string) => `${COMMITTEE_ROOT}/chi-so/${code}.csv`,
  events: `${COMMITTEE_ROOT}/su-kien`,
  eventsCalendar: `${COMMITTEE_ROOT}/su-kien.ics`,
  event: (slug: string) => `${COMMITTEE_ROOT}/su-kien/${slug}`,
  eventCalendar: (slug: string) => `${COMMITTEE_ROOT}/su-kien/${slug}.ics`,
  contact: `${COMMITTEE_ROOT}/lien-he`,
  english: '/en/steering-committee',
  englishContact: '/en/steering-committee/contact',
} as const;
