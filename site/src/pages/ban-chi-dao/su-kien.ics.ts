/** GET /ban-chi-dao/su-kien.ics: every event of the committee as one iCalendar file. */
import type { APIRoute } from 'astro';
import { getCommittee, listEvents } from '../../lib/cms';
import { ALL_EVENTS_FILE_NAME, calendarResponse, eventsCalendar } from '../../lib/committee/events';
import { siteOrigin } from '../../lib/urls';

export const GET: APIRoute = async ({ url }) => {
  const [{ committee }, events] = await Promise.all([getCommittee(), listEvents('all')]);
  return calendarResponse(eventsCalendar(events, committee.name, siteOrigin(url), new Date()), ALL_EVENTS_FILE_NAME);
};
