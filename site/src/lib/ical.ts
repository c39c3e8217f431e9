/**
 * An RFC 5545 iCalendar feed of events, for readers to subscribe to from their calendar
 * app. Pure functions: the endpoint loads the events and passes absolute URLs in.
 * Times are written in UTC, so no time-zone definitions are referenced.
 */

/** The MIME type calendars are served with. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** One event of the calendar; empty text fields are left out. */
export interface CalEvent {
  /** Globally unique and stable, so an updated event replaces the old copy in the reader's calendar. */
  uid: string;
  title: string;
  description: string;
  location: string;
  /** Absolute URL of the event's page. */
  url: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  updatedAt: string;
}

/** What a calendar says about itself, and the time it is written. */
export interface ICalendarOptions {
  prodId: string;
  calendarName: string;
  now: Date;
}

const CRLF = '\r\n';
/** RFC 5545 §3.1: content lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;
/** Control characters RFC 5545 TEXT cannot carry (HTAB, CR and LF are handled apart). */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const utf8 = new TextEncoder();

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`.
 * @example escapeText('Hà Nội; 1,5\nngày') === 'Hà Nội\\; 1\\,5\\nngày'
 */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets of UTF-8 (CRLF and one space before each continuation),
 * never inside a character: iterating code points keeps a multi-byte letter or a surrogate pair whole.
 * @example foldLine('SUMMARY:' + 'a'.repeat(70)) === 'SUMMARY:' + 'a'.repeat(67) + '\r\n ' + 'aaa'
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${CRLF} `;
      octets = 1; // the leading space counts towards the next line's 75
    }
    out += char;
    octets += size;
  }
  return out;
}

/**
 * An instant in UTC date-time form (RFC 5545 §3.3.5, form 2), to the second.
 * @example icalDateTime(new Date('2024-03-14T01:02:03.456Z')) === '20240314T010203Z'
 */
export function icalDateTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Parses an event's ISO instant: null when empty. */
function instant(value: string, field: string, uid: string): Date | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Event ${uid}: ${field} is not a date: ${value}`);
  return date;
}

/** The content lines of one event, unfolded. */
function eventLines(event: CalEvent, now: Date): string[] {
  const start = instant(event.startsAt, 'startsAt', event.uid);
  if (!start) throw new RangeError(`Event ${event.uid}: startsAt is empty`);
  const end = instant(event.endsAt, 'endsAt', event.uid);
  const updated = instant(event.updatedAt, 'updatedAt', event.uid);
  const text = (name: string, value: string) => (value.trim() ? [`${name}:${escapeText(value)}`] : []);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icalDateTime(now)}`,
    `DTSTART:${icalDateTime(start)}`,
    // RFC 5545 wants DTEND after DTSTART; without it the event ends when it starts.
    ...(end && end > start ? [`DTEND:${icalDateTime(end)}`] : []),
    ...(updated ? [`LAST-MODIFIED:${icalDateTime(updated)}`] : []),
    ...text('SUMMARY', event.title),
    ...text('DESCRIPTION', event.description),
    ...text('LOCATION', event.location),
    // A URI is not TEXT: no escaping, but no control character may break the line either.
    ...(event.url.trim() ? [`URL:${event.url.trim().replace(CONTROL_CHARS, '').replace(/[\r\n]/g, '')}`] : []),
    'END:VEVENT',
  ];
}

/**
 * A whole iCalendar object (RFC 5545) of the events, times in UTC, CRLF line endings,
 * lines folded at 75 octets. It always holds a VTIMEZONE for Asia/Ho_Chi_Minh (no
 * daylight saving, UTC+7), so a calendar without events still has the one component the
 * grammar requires, and X-WR-TIMEZONE names a zone that is defined.
 * @throws RangeError when an event's start is empty or a date is unreadable
 */
export function toICalendar(events: readonly CalEvent[], options: ICalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Ho_Chi_Minh',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:+07',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events.flatMap((event) => eventLines(event, options.now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
