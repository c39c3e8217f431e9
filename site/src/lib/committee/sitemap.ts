/** The Steering Committee website's entries in the sitemap. */
import { ListDocuments, ListEvents, ListPlanYears, MAX_PAGE_SIZE, committeePaths } from '@cchc/shared';
import { call } from '../cms';

/** Every page of the committee's site: fixed pages, each plan year, each document and event. */
export async function committeeSitemapPaths(): Promise<string[]> {
  const [{ data: years }, { data: events }, first] = await Promise.all([
    call(ListPlanYears.Endpoint),
    call(ListEvents.Endpoint, { query: { when: 'all' } }),
    call(ListDocuments.Endpoint, { query: { pageSize: MAX_PAGE_SIZE } }),
  ]);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.meta.pagination.pageCount - 1) }, (_, i) => call(ListDocuments.Endpoint, { query: { pageSize: MAX_PAGE_SIZE, page: i + 2 } })),
  );
  const documents = [first, ...rest].flatMap((page) => page.data);
  return [
    committeePaths.home,
    committeePaths.about,
    committeePaths.documents,
    committeePaths.indices,
    committeePaths.events,
    committeePaths.contact,
    committeePaths.english,
    committeePaths.englishContact,
    ...years.map(committeePaths.plan),
    ...documents.map((d) => committeePaths.document(d.slug)),
    ...events.map((e) => committeePaths.event(e.slug)),
  ];
}
