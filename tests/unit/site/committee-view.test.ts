import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CommitteeEvent, CommitteeMember } from '../../../shared/src/index.js';
import { calendarResponse, eventsCalendar, planTaskHref, toCalEvent } from '../../../site/src/lib/committee/events.js';
import {
  channelLink,
  demoteHeadings,
  eventIsOver,
  eventTimeText,
  indexChangeText,
  indexRankText,
  weekdayVi,
} from '../../../site/src/lib/committee/format.js';
import { groupMembers } from '../../../site/src/lib/committee/members.js';

const event = (overrides: Partial<CommitteeEvent> = {}): CommitteeEvent => ({
  slug: 'hoi-nghi-giao-ban',
  title: 'Hội nghị giao ban công tác cải cách hành chính',
  kind: 'hoi-nghi',
  startsAt: '2026-12-11T01:00:00.000Z',
  endsAt: '2026-12-11T04:30:00.000Z',
  place: 'Hội trường, địa điểm minh họa',
  onlineUrl: '',
  organiser: 'Cơ quan thường trực',
  description: 'Rà soát tin, bài trong quý.',
  planTask: null,
  report: null,
  demo: true,
  updatedAt: '2026-11-01T02:00:00.000Z',
  ...overrides,
});

describe('event times in Vietnam', () => {
  it.each([
    ['one morning', '2026-12-11T01:00:00.000Z', '2026-12-11T04:30:00.000Z', '08:00–11:30, thứ Sáu, 11/12/2026'],
    // 17:30 UTC on 11 December is already 00:30 on Saturday 12 December in Vietnam.
    ['after midnight in Vietnam', '2026-12-11T17:30:00.000Z', '2026-12-11T19:00:00.000Z', '00:30–02:00, thứ Bảy, 12/12/2026'],
    ['several days', '2024-11-05T00:30:00.000Z', '2024-11-06T09:30:00.000Z', '07:30, thứ Ba, 05/11/2024 – 16:30, thứ Tư, 06/11/2024'],
    ['no end', '2026-12-13T01:00:00.000Z', '', '08:00, Chủ nhật, 13/12/2026'],
    ['end before start', '2026-12-13T01:00:00.000Z', '2026-12-13T00:00:00.000Z', '08:00, Chủ nhật, 13/12/2026'],
    ['unreadable start', 'không rõ', '', ''],
  ])('%s', (_, startsAt, endsAt, expected) => {
    expect(eventTimeText(startsAt, endsAt)).toBe(expected);
  });

  it.each([
    ['2026-12-07T01:00:00Z', 'thứ Hai'],
    ['2026-12-08T01:00:00Z', 'thứ Ba'],
    ['2026-12-09T01:00:00Z', 'thứ Tư'],
    ['2026-12-10T01:00:00Z', 'thứ Năm'],
    ['2026-12-11T01:00:00Z', 'thứ Sáu'],
    ['2026-12-12T01:00:00Z', 'thứ Bảy'],
    // Midnight in Vietnam: already Sunday.
    ['2026-12-12T17:00:00Z', 'Chủ nhật'],
  ])('%s is %s', (instant, day) => {
    expect(weekdayVi(new Date(instant))).toBe(day);
  });

  it('an event is over once its end has passed', () => {
    const at = new Date('2026-12-11T04:00:00.000Z');
    expect(eventIsOver(event(), at)).toBe(false);
    expect(eventIsOver(event(), new Date('2026-12-11T04:31:00.000Z'))).toBe(true);
    expect(eventIsOver(event({ endsAt: '' }), at)).toBe(true);
  });
});

describe('index results in words', () => {
  it.each([
    ['score and rank up', { score: 87.9, rank: 9 }, { year: 2023, score: 86.05, rank: 11 }, 'tăng 1,85 điểm, tăng 2 bậc so với năm 2023'],
    ['score down, rank down', { score: 75.9, rank: 9 }, { year: 2023, score: 76.8, rank: 8 }, 'giảm 0,9 điểm, giảm 1 bậc so với năm 2023'],
    ['no change', { score: 0.5, rank: 3 }, { year: 2021, score: 0.5, rank: 3 }, 'điểm không đổi, giữ nguyên thứ hạng so với năm 2021'],
    ['a year without a score', { score: 82.6, rank: 30 }, { year: 2021, score: null, rank: 24 }, 'giảm 6 bậc so với năm 2021'],
    ['nothing comparable', { score: null, rank: null }, { year: 2021, score: 1, rank: 1 }, 'Chưa có kết quả năm trước để so sánh'],
    ['no previous result', { score: 80, rank: 5 }, null, 'Chưa có kết quả năm trước để so sánh'],
    ['three decimals kept', { score: 0.523, rank: null }, { year: 2023, score: 0.47, rank: null }, 'tăng 0,053 điểm so với năm 2023'],
  ] as const)('%s', (_, latest, previous, expected) => {
    expect(indexChangeText(latest, previous)).toBe(expected);
  });

  it.each([
    [9, 63, '9/63'],
    [9, null, '9'],
    [null, 63, 'Không công bố thứ hạng'],
  ] as const)('rank %s of %s', (rank, outOf, expected) => {
    expect(indexRankText(rank, outOf)).toBe(expected);
  });
});

describe('links', () => {
  it.each([
    ['https://dichvucong.gov.vn/p/home', { href: 'https://dichvucong.gov.vn/p/home', text: 'dichvucong.gov.vn' }],
    ['dichvucong.example.gov.vn', { href: 'https://dichvucong.example.gov.vn', text: 'dichvucong.example.gov.vn' }],
    ['mailto:bcd@example.gov.vn', { href: 'mailto:bcd@example.gov.vn', text: 'bcd@example.gov.vn' }],
    ['bcd@example.gov.vn', { href: 'mailto:bcd@example.gov.vn', text: 'bcd@example.gov.vn' }],
    ['javascript:alert(1)', null],
    ['', null],
  ])('%s', (value, expected) => {
    expect(channelLink(value)).toEqual(expected);
  });

  it.each([
    ['8', 'nhiem-vu-8'],
    ['5.1', 'nhiem-vu-5-1'],
    ['5.1.2', 'nhiem-vu-5-1-2'],
  ])('plan task %s is anchored at #%s', (number, anchor) => {
    expect(planTaskHref({ number, planYear: 2030 })).toBe(`/ban-chi-dao/ke-hoach/2030#${anchor}`);
  });
});

describe('demoteHeadings', () => {
  it('moves every heading one level down and leaves text alone', () => {
    expect(demoteHeadings('<h2>Nhiệm vụ</h2><p>&lt;h2&gt; là thẻ</p><h3 id="a">b</h3><h4>c</h4>')).toBe(
      '<h3>Nhiệm vụ</h3><p>&lt;h2&gt; là thẻ</p><h4 id="a">b</h4><h5>c</h5>',
    );
  });
});

describe('groupMembers', () => {
  const member = (name: string, position: CommitteeMember['position'], order: number): CommitteeMember => ({
    name, position, order, officeTitle: '', officeTitleEn: '', agency: null, photo: null, demo: true,
  });

  it('groups by position in the structure order, each by order, and drops empty positions', () => {
    const groups = groupMembers([
      member('Tổ viên', 'to-giup-viec', 9),
      member('Phó hai', 'pho-truong-ban', 3),
      member('Trưởng', 'truong-ban', 1),
      member('Phó một', 'pho-truong-ban', 2),
    ]);
    expect(groups.map((g) => [g.label, g.members.map((m) => m.name)])).toEqual([
      ['Trưởng ban', ['Trưởng']],
      ['Phó Trưởng ban', ['Phó một', 'Phó hai']],
      ['Tổ giúp việc', ['Tổ viên']],
    ]);
  });
});

describe('event calendars', () => {
  const origin = 'https://cchc.example.gov.vn:8443';

  it('an event is named by slug and host, located at its place, linked to its page', () => {
    expect(toCalEvent(event({ onlineUrl: 'https://hop.example.gov.vn/a' }), origin)).toEqual({
      uid: 'hoi-nghi-giao-ban@cchc.example.gov.vn',
      title: 'Hội nghị giao ban công tác cải cách hành chính',
      description: 'Rà soát tin, bài trong quý.\n\nĐơn vị tổ chức: Cơ quan thường trực\n\nTrực tuyến: https://hop.example.gov.vn/a',
      location: 'Hội trường, địa điểm minh họa',
      url: 'https://cchc.example.gov.vn:8443/ban-chi-dao/su-kien/hoi-nghi-giao-ban',
      startsAt: '2026-12-11T01:00:00.000Z',
      endsAt: '2026-12-11T04:30:00.000Z',
      updatedAt: '2026-11-01T02:00:00.000Z',
    });
  });

  it('an online event is located at its address', () => {
    expect(toCalEvent(event({ place: '', onlineUrl: 'https://hop.example.gov.vn/a' }), origin).location).toBe('https://hop.example.gov.vn/a');
  });

  it('parses with ical.js: one VEVENT per event, same titles and instants', () => {
    const events = [event(), event({ slug: 'cuoc-thi', title: 'Cuộc thi; trực tuyến, 2026', startsAt: '2026-08-05T01:00:00.000Z', endsAt: '2026-09-22T16:59:00.000Z' })];
    const text = eventsCalendar(events, 'Ban Chỉ đạo minh họa', origin, new Date('2026-11-01T00:00:00Z'));
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents.map((v) => v.summary)).toEqual(events.map((e) => e.title));
    expect(vevents.map((v) => v.startDate.toJSDate().getTime())).toEqual(events.map((e) => Date.parse(e.startsAt)));
    expect(vevents.map((v) => v.uid)).toEqual(['hoi-nghi-giao-ban@cchc.example.gov.vn', 'cuoc-thi@cchc.example.gov.vn']);
  });

  it('is served as a download tagged committee', () => {
    const response = calendarResponse('BEGIN:VCALENDAR\r\n', 'su-kien.ics');
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="su-kien.ics"');
    expect(response.headers.get('cache-tag')).toBe('committee');
  });
});
