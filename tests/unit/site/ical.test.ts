import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { ICS_CONTENT_TYPE, escapeText, foldLine, icalDateTime, toICalendar, type CalEvent } from '../../../site/src/lib/ical.js';

const OPTIONS = { prodId: '-//CCHC//Chuyên mục CCHC//VI', calendarName: 'Sự kiện cải cách hành chính', now: new Date('2024-03-14T08:09:10.123Z') };

const event = (overrides: Partial<CalEvent> = {}): CalEvent => ({
  uid: 'su-kien-1@cchc.example.gov.vn',
  title: 'Hội nghị triển khai công tác cải cách hành chính năm 2024',
  description: 'Tổng kết năm 2023; triển khai nhiệm vụ năm 2024.',
  location: 'Hội trường UBND tỉnh, số 1 Trần Phú, Quy Nhơn',
  url: 'https://cchc.example.gov.vn/su-kien/hoi-nghi-trien-khai-2024',
  startsAt: '2024-03-20T01:30:00.000Z',
  endsAt: '2024-03-20T04:00:00.000Z',
  updatedAt: '2024-03-01T02:03:04.000Z',
  ...overrides,
});

/** Parses with ical.js, the reference parser: the calendar component and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

/** The physical lines of the output as bytes, split at CRLF. */
function byteLines(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length); // the text ends with CRLF
  return lines;
}

const tricky = [
  ['commas and semicolons', 'Hỏi, đáp; thủ tục hành chính, dịch vụ công; một cửa'],
  ['backslashes', 'Đường dẫn C:\\CCHC\\2024 và \\n không phải xuống dòng'],
  ['newlines of every kind', 'Dòng một\nDòng hai\r\nDòng ba\rDòng bốn'],
  ['long Vietnamese text', 'Ủy ban nhân dân tỉnh Bình Định tổ chức hội nghị trực tuyến về chuyển đổi số, '.repeat(6)],
  ['letters of 3 bytes next to the fold', 'ế'.repeat(40) + 'ộ'.repeat(40)],
  ['characters of 4 bytes', 'Hội nghị 📅🗓️ và 𠀀 chữ Nôm '.repeat(8)],
] as const;

describe('toICalendar', () => {
  test('declares the calendar: version, product, scale, method, name, zone', () => {
    const { calendar } = parse(toICalendar([event()], OPTIONS));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(OPTIONS.prodId);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(OPTIONS.calendarName);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
    expect(ICS_CONTENT_TYPE).toBe('text/calendar; charset=utf-8');
  });

  test('writes every field of an event, times as UTC instants', () => {
    const input = event();
    const text = toICalendar([input], OPTIONS);
    const [parsed] = parse(text).events;
    expect(parsed?.uid).toBe(input.uid);
    expect(parsed?.summary).toBe(input.title);
    expect(parsed?.description).toBe(input.description);
    expect(parsed?.location).toBe(input.location);
    expect(parsed?.component.getFirstPropertyValue('url')).toBe(input.url);
    expect(parsed?.startDate.toJSDate().getTime()).toBe(Date.parse(input.startsAt));
    expect(parsed?.endDate.toJSDate().getTime()).toBe(Date.parse(input.endsAt));
    expect(parsed?.startDate.isDate).toBe(false);
    expect(text).toContain('\r\nDTSTAMP:20240314T080910Z\r\n');
    expect(text).toContain('\r\nDTSTART:20240320T013000Z\r\n');
    expect(text).toContain('\r\nDTEND:20240320T040000Z\r\n');
    expect(text).toContain('\r\nLAST-MODIFIED:20240301T020304Z\r\n');
  });

  test.each(tricky)('round-trips %s through ical.js', (_name, value) => {
    const input = event({ title: value, description: `${value}\n${value}`, location: value });
    const [parsed] = parse(toICalendar([input], OPTIONS)).events;
    const expected = (s: string) => s.replace(/\r\n|\r/g, '\n');
    expect(parsed?.summary).toBe(expected(value));
    expect(parsed?.description).toBe(expected(`${value}\n${value}`));
    expect(parsed?.location).toBe(expected(value));
  });

  test.each(tricky)('with %s, keeps every physical line within 75 octets of whole UTF-8 characters, ended by CRLF', (_name, value) => {
    const text = toICalendar([event({ title: value, description: value, location: value }), event({ uid: 'b', description: value })], OPTIONS);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const lines = byteLines(text);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(line)).not.toThrow();
    }
    // Folding happened (the values are long), and taking out each CRLF + one space gives back whole content lines.
    expect(lines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(0);
    for (const line of text.replace(/\r\n /g, '').split('\r\n').slice(0, -1)) expect(line).toMatch(/^[A-Z-]+:/);
  });

  test('writes several events in order', () => {
    const inputs = ['a', 'b', 'c'].map((uid, i) =>
      event({ uid: `${uid}@cchc`, title: `Sự kiện ${uid}`, startsAt: `2024-0${i + 4}-01T02:00:00Z`, endsAt: `2024-0${i + 4}-01T03:00:00Z` }),
    );
    const { events } = parse(toICalendar(inputs, OPTIONS));
    expect(events.map((e) => e.uid)).toEqual(['a@cchc', 'b@cchc', 'c@cchc']);
    expect(events.map((e) => e.summary)).toEqual(['Sự kiện a', 'Sự kiện b', 'Sự kiện c']);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(inputs.map((e) => new Date(e.startsAt).toISOString()));
  });

  test('leaves out empty fields', () => {
    const text = toICalendar([event({ description: '', location: '  ', url: '', updatedAt: '', endsAt: '' })], OPTIONS);
    expect(text).not.toMatch(/^(DESCRIPTION|LOCATION|URL|LAST-MODIFIED|DTEND)[:;]/m);
    const [parsed] = parse(text).events;
    expect(parsed?.description).toBeNull();
    expect(parsed?.location).toBeNull();
    expect(parsed?.component.getFirstProperty('url')).toBeNull();
    expect(parsed?.summary).toBe(event().title);
  });

  test('leaves out an end that is not after the start', () => {
    const text = toICalendar([event({ endsAt: event().startsAt })], OPTIONS);
    expect(text).not.toContain('DTEND');
  });

  test('writes composed (NFC) text from decomposed input', () => {
    const text = toICalendar([event({ title: 'Cải cách hành chính'.normalize('NFD') })], OPTIONS);
    expect(text).toBe(text.normalize('NFC'));
    expect(parse(text).events[0]?.summary).toBe('Cải cách hành chính');
  });

  test('is a valid calendar without events', () => {
    const { calendar, events } = parse(toICalendar([], OPTIONS));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(OPTIONS.calendarName);
  });

  test('refuses an unreadable date', () => {
    expect(() => toICalendar([event({ startsAt: 'ngày mai' })], OPTIONS)).toThrow(RangeError);
  });
});

describe('escapeText', () => {
  test.each([
    ['Hà Nội; 1,5', 'Hà Nội\\; 1\\,5'],
    ['C:\\CCHC', 'C:\\\\CCHC'],
    ['a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
    ['\\n', '\\\\n'],
    ['tab\tstays, bell\u0007 goes', 'tab\tstays\\, bell goes'],
    ['Cải cách'.normalize('NFD'), 'Cải cách'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;

  test.each([
    ['short', 'SUMMARY:Hội nghị', ['SUMMARY:Hội nghị']],
    ['exactly 75 octets', 'X'.repeat(75), ['X'.repeat(75)]],
    ['76 octets', 'X'.repeat(76), ['X'.repeat(75), ' X']],
    ['a 2-byte letter across the limit', `${'X'.repeat(74)}ă`, ['X'.repeat(74), ' ă']],
    ['a 3-byte letter across the limit', `${'X'.repeat(73)}ế`, ['X'.repeat(73), ' ế']],
    ['a 4-byte character across the limit', `${'X'.repeat(72)}📅`, ['X'.repeat(72), ' 📅']],
  ])('%s', (_name, line, expected) => {
    const folded = foldLine(line);
    expect(folded.split('\r\n')).toEqual(expected);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  test('fills continuation lines to 75 octets including the leading space', () => {
    const lines = foldLine('ộ'.repeat(100)).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 73, 73, 73, 1 + 3 * (100 - 25 - 24 * 3)]);
  });
});

describe('icalDateTime', () => {
  test.each([
    ['2024-03-14T01:02:03.456Z', '20240314T010203Z'],
    ['2024-03-14T08:00:00+07:00', '20240314T010000Z'],
    ['2024-12-31T23:59:59.999+07:00', '20241231T165959Z'],
  ])('%s → %s', (iso, expected) => {
    expect(icalDateTime(new Date(iso))).toBe(expected);
  });
});
