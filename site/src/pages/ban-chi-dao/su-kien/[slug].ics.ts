/** GET /ban-chi-dao/su-kien/:slug.ics: one event as an iCalendar file; 404 for an unknown event. */
import type { APIRoute } from 'astro';
import { getCommittee, getEvent } from '../../../lib/cms';
import { calendarNotFound, calendarResponse, eventsCalendar } from '../../../lib/committee/events';
import { siteOrigin } from '../../../lib/urls';

export const GET: APIRoute = async ({ params, url }) => {
  const [event, { committee }] = await Promise.all([getEvent(params.slug ?? ''), getCommittee()]);
  if (!event) return calendarNotFound();
  return calendarResponse(eventsCalendar([event], committee.name, siteOrigin(url), new Date()), `${event.slug}.ics`);
};
