/**
 * The committee's events outside their pages: as iCalendar files readers add to their
 * calendar app, as schema.org JSON-LD, and the link to the plan task an event carries out.
 */
import { committeePaths, type CommitteeEvent } from '@cchc/shared';
import { TAG } from '../cache-tags';
import { textResponse } from '../http';
import { ICS_CONTENT_TYPE, toICalendar, type CalEvent } from '../ical';
import type { JsonLd } from '../structured-data';
import { absoluteUrl } from '../urls';
import { CUI } from './messages';
import { taskAnchor } from './plan';

/** PRODID of the calendars: names the software, never a deployment. */
export const CALENDAR_PROD_ID = '-//CCHC platform//Steering Committee events//VI';

/** File name of the calendar of all events. */
export const ALL_EVENTS_FILE_NAME = 'su-kien.ics';

/**
 * The plan tracker link of the task an event carries out.
 * @example planTaskHref({ number: '5.1', planYear: 2030 }) === '/ban-chi-dao/ke-hoach/2030#nhiem-vu-5-1'
 */
export function planTaskHref(task: { number: string; planYear: number }): string {
  return `${committeePaths.plan(task.planYear)}#${taskAnchor(task.number)}`;
}

/**
 * An event as a calendar entry: UID `{slug}@{host}` (stable, so a re-import replaces it),
 * the page's absolute URL, the place or else the online address as location; the
 * organiser, and the online address when there is also a place, go into the description.
 */
export function toCalEvent(event: CommitteeEvent, origin: string): CalEvent {
  const online = event.onlineUrl.trim();
  const description = [
    event.description.trim(),
    event.organiser.trim() ? `${CUI.eventOrganiser}: ${event.organiser.trim()}` : '',
    online && event.place.trim() ? `${CUI.eventOnline}: ${online}` : '',
  ].filter(Boolean);
  return {
    uid: `${event.slug}@${new URL(origin).hostname}`,
    title: event.title,
    description: description.join('\n\n'),
    location: event.place.trim() || online,
    url: absoluteUrl(origin, committeePaths.event(event.slug)),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    updatedAt: event.updatedAt,
  };
}

/** The iCalendar text of events, named after the committee. */
export function eventsCalendar(events: readonly CommitteeEvent[], committeeName: string, origin: string, now: Date): string {
  return toICalendar(
    events.map((e) => toCalEvent(e, origin)),
    { prodId: CALENDAR_PROD_ID, calendarName: CUI.calendarName(committeeName), now },
  );
}

/** A calendar file as a download (Content-Disposition: attachment), tagged as committee content. */
export function calendarResponse(body: string, fileName: string): Response {
  const response = textResponse(body, ICS_CONTENT_TYPE, [TAG.committee]);
  response.headers.set('Content-Disposition', `attachment; filename="${fileName}"`);
  return response;
}

/** The answer to a calendar of an unknown event: a plain 404 a calendar app can show. */
export function calendarNotFound(): Response {
  return new Response(CUI.eventNotFound, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A schema.org Event for the event's page. */
export function eventJsonLd(event: CommitteeEvent, origin: string): JsonLd {
  const place = event.place.trim();
  const online = event.onlineUrl.trim();
  const mode = place && online ? 'Mixed' : online ? 'Online' : 'Offline';
  const locations = [
    ...(place ? [{ '@type': 'Place', name: place, address: place }] : []),
    ...(online ? [{ '@type': 'VirtualLocation', url: online }] : []),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    startDate: event.startsAt,
    ...(event.endsAt ? { endDate: event.endsAt } : {}),
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    eventStatus: 'https://schema.org/EventScheduled',
    ...(locations.length > 0 ? { location: locations } : {}),
    ...(event.organiser.trim() ? { organizer: { '@type': 'Organization', name: event.organiser.trim() } } : {}),
    ...(event.description.trim() ? { description: event.description.trim() } : {}),
    url: absoluteUrl(origin, committeePaths.event(event.slug)),
    inLanguage: 'vi',
  };
}
