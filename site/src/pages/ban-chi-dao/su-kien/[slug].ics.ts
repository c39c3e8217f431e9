/** GET /ban-chi-dao/su-kien/:slug.ics: one event as an iCalendar file; 404 for an unknown event. */
import type { APIRoute } from 'astro';
import { GetCommittee, GetEvent } from '@cchc/shared';
import { call } from '../../../lib/cms';
import { calendarNotFound, calendarResponse, eventsCalendar } from '../../../lib/committee/events';
import { siteOrigin } from '../../../lib/deployment';

export const GET: APIRoute = async ({ params, url }) => {
  const [found, about] = await Promise.all([call(GetEvent.Endpoint, { params: { slug: params.slug } }), call(GetCommittee.Endpoint)]);
  if (!found) return calendarNotFound();
  const event = found.data;
  const { committee } = about.data;
  return calendarResponse(eventsCalendar([event], committee.name, siteOrigin(url), new Date()), `${event.slug}.ics`);
};
