/** GET /ban-chi-dao/su-kien.ics: every event of the committee as one iCalendar file. */
import type { APIRoute } from 'astro';
import { GetCommittee, ListEvents } from '@cchc/shared';
import { call } from '../../lib/cms';
import { ALL_EVENTS_FILE_NAME, calendarResponse, eventsCalendar } from '../../lib/committee/events';
import { siteOrigin } from '../../lib/deployment';

export const GET: APIRoute = async ({ url }) => {
  const [{ data: { committee } }, { data: events }] = await Promise.all([call(GetCommittee.Endpoint), call(ListEvents.Endpoint, { query: { when: 'all' } })]);
  return calendarResponse(eventsCalendar(events, committee.name, siteOrigin(url), new Date()), ALL_EVENTS_FILE_NAME);
};
