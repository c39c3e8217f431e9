/**
 * The Steering Committee website's home, about, contact and event pages, its calendar
 * files and its English pages, rendered by the built site from a seeded Strapi, over HTTP.
 * Expectations come from the seed (cms/seed/demo/committee.json) and from the CMS API.
 */
import ICAL from 'ical.js';
import { describe, expect, inject, test } from 'vitest';
import {
  CHANNEL_KINDS,
  MEMBER_POSITIONS,
  REFORM_INDICES,
  documentSlug,
  formatNumber,
  slugify,
  type CommitteeEvent,
} from '../../shared/src/index.js';
import { getPage } from '../support/html.js';
import { seed } from '../support/seed.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;
const cms = (path: string) => `${inject('cmsUrl')}${path}`;
const data = seed.committee;
type SeedEvent = (typeof data.events)[number];

/** A string as a regular expression that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const telOf = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
const eventPath = (title: string) => `/ban-chi-dao/su-kien/${slugify(title)}`;

/** The inside of the element with this id, up to its first closing </section> (the page's sections are not nested). */
function section(html: string, id: string): string {
  const match = new RegExp(`<section[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  expect(match, `section #${id}`).not.toBeNull();
  return match![1]!;
}

/** The page's <main>. */
function main(html: string): string {
  const match = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html);
  expect(match, '<main>').not.toBeNull();
  return match![1]!;
}

/** Heading levels in document order: one h1 first, never a level skipped going deeper (WCAG 1.3.1). */
function expectHeadingsInOrder(raw: string): void {
  const levels = [...raw.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  expect(levels[0], 'first heading').toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i} after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

/** The first paragraph of a Markdown text, checked to be plain prose so it appears verbatim in the HTML. */
function firstParagraph(markdown: string): string {
  const paragraph = markdown.split('\n\n')[0]!.trim();
  expect(paragraph, 'fixture: a plain first paragraph').not.toMatch(/[*_`#[\]<>]/);
  return paragraph;
}

/** Seeded events relative to the day the seed ran: `inDays` ones ahead (soonest first), dated ones in the past. */
const upcomingSeed = data.events
  .filter((e): e is SeedEvent & { time: { inDays: number; startTime: string } } => 'inDays' in e.time && e.time.inDays > 0)
  .sort((a, b) => a.time.inDays - b.time.inDays || a.time.startTime.localeCompare(b.time.startTime));
const pastSeed = data.events.filter((e) => 'startsAt' in e.time && new Date(e.time.endsAt).getTime() < Date.now());

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/**
 * How a one-day event written in +07:00 in the seed is shown: "08:00–11:30, thứ Năm, 21/03/2024",
 * read straight from its wall-clock text; null for other events.
 */
function shownTime(e: SeedEvent): string | null {
  if (!('startsAt' in e.time)) return null;
  const start = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):\d{2}\+07:00$/.exec(e.time.startsAt);
  const end = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}\+07:00$/.exec(e.time.endsAt);
  if (!start || !end || end[1] !== `${start[1]}-${start[2]}-${start[3]}`) return null;
  const [, y, m, d, from] = start;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  return `${from}–${end[2]}, ${weekday}, ${d}/${m}/${y}`;
}

async function apiEvents(): Promise<CommitteeEvent[]> {
  const res = await fetch(cms('/api/cchc/committee/events'));
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: CommitteeEvent[] }).data;
}

/** Parses a calendar with ical.js, the reference parser. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('fixture', () => {
  test('has upcoming and past events, every position, a hotline and an e-mail channel', () => {
    expect(upcomingSeed.length).toBeGreaterThan(0);
    expect(pastSeed.length).toBeGreaterThan(0);
    for (const p of MEMBER_POSITIONS) expect(data.members.some((m) => m.position === p.code), p.code).toBe(true);
    expect(data.channels.some((c) => c.kind === 'duong-day-nong' && c.phone)).toBe(true);
  });
});

describe('committee home /ban-chi-dao', () => {
  test('names the committee, shows its news, upcoming events, indices, documents and channels', async () => {
    const { status, headers, html, raw } = await getPage(site('/ban-chi-dao'));
    expect(status).toBe(200);
    expect(html).toContain('<html lang="vi"');
    expect(html).toMatch(new RegExp(`<h1[^>]*>${literal(data.committee.name)}</h1>`));
    expectHeadingsInOrder(raw);
    expect(headers.get('cache-tag')?.split(' ')).toEqual(expect.arrayContaining(['committee', 'latest', `topic:${data.committee.newsTopic}`]));

    // Steering news: the newest article of the committee's topic, and the topic page.
    const news = seed.articles.filter((a) => a.topics.includes(data.committee.newsTopic!)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    expect(news.length).toBeGreaterThan(0);
    expect(html).toContain(`href="/bai-viet/${slugify(news[0]!.title)}"`);
    expect(html).toContain(`href="/chu-de/${data.committee.newsTopic}"`);

    // The soonest upcoming events, linked to their pages.
    for (const e of upcomingSeed.slice(0, 3)) {
      expect(html).toContain(e.title);
      expect(html).toContain(`href="${eventPath(e.title)}"`);
    }

    // Indices at a glance: every index about the main subject (the one most results are about), not
    // DDCI's agencies; the PAR Index's latest score, rank and change in words.
    const subjects = new Map<string, number>();
    for (const r of data.indices) subjects.set(r.subject, (subjects.get(r.subject) ?? 0) + 1);
    const main = [...subjects].sort((a, b) => b[1] - a[1])[0]![0];
    for (const code of new Set(data.indices.map((r) => r.index))) {
      const label = new RegExp(`>${literal(REFORM_INDICES.find((i) => i.code === code)!.label)}</h3>`);
      if (data.indices.some((r) => r.index === code && r.subject === main)) expect(html).toMatch(label);
      else expect(html).not.toMatch(label);
    }
    const par = data.indices.filter((r) => r.index === 'par-index').sort((a, b) => a.year - b.year);
    const [previous, latest] = par.slice(-2) as [(typeof par)[number], (typeof par)[number]];
    expect(html).toContain(formatNumber(latest.score!));
    expect(html).toContain(`${latest.rank}/${latest.outOf}`);
    const points = formatNumber(Math.abs(Math.round((latest.score! - previous.score!) * 100) / 100));
    const scoreWords = latest.score! > previous.score! ? `tăng ${points} điểm` : `giảm ${points} điểm`;
    expect(html).toContain(`${scoreWords}, `);
    expect(html).toContain(`so với năm ${previous.year}`);
    expect(html).toContain('href="/ban-chi-dao/chi-so"');
    expect(html).toContain('Dữ liệu minh họa');

    // The newest document, on its page in the library.
    const newestDocument = [...data.documents].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0]!;
    expect(html).toContain(`href="/ban-chi-dao/van-ban/${documentSlug(newestDocument.number, newestDocument.issuedOn)}"`);

    // Channels, with the hotline as a tel: link.
    for (const c of data.channels) expect(html).toContain(c.name);
    const hotline = data.channels.find((c) => c.kind === 'duong-day-nong' && c.phone)!;
    expect(html).toContain(`href="${telOf(hotline.phone)}"`);
    expect(html).toContain(`>${hotline.phone}</a>`);
  });
});

describe('about /ban-chi-dao/gioi-thieu', () => {
  test('shows functions and structure, and every member under the heading of their position', async () => {
    const { status, headers, html, raw } = await getPage(site('/ban-chi-dao/gioi-thieu'));
    expect(status).toBe(200);
    expect(headers.get('cache-tag')?.split(' ')).toContain('committee');
    expectHeadingsInOrder(raw);
    expect(html).toContain(data.committee.name);
    expect(html).toContain(firstParagraph(data.committee.functions));
    // The Markdown's own headings sit one level under the section's h2.
    for (const [, heading] of data.committee.functions.matchAll(/^## (.+)$/gm)) expect(html).toMatch(new RegExp(`<h3[^>]*>${literal(heading!)}</h3>`));

    for (const position of MEMBER_POSITIONS) {
      const group = section(html, `thanh-phan-${position.code}`);
      expect(group).toMatch(new RegExp(`<h3[^>]*>${literal(position.label)}</h3>`));
      for (const m of data.members) {
        if (m.position === position.code) {
          expect(group, `${m.name} under ${position.label}`).toContain(m.name);
          expect(group).toContain(m.officeTitle);
          if (m.agency) expect(group).toContain(`href="/co-quan/${m.agency}"`);
        } else {
          expect(group, `${m.name} not under ${position.label}`).not.toContain(m.name);
        }
      }
    }
    // Positions in the structure's order.
    const order = MEMBER_POSITIONS.map((p) => html.indexOf(`id="thanh-phan-${p.code}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('Dữ liệu minh họa');
    expect(html).toMatch(/<link rel="alternate" hreflang="en" href="[^"]*\/en\/steering-committee"/);
  });
});

describe('contact /ban-chi-dao/lien-he', () => {
  test("shows the committee's phone and e-mail and every channel with its kind, number and address", async () => {
    const { status, headers, html, raw } = await getPage(site('/ban-chi-dao/lien-he'));
    expect(status).toBe(200);
    expect(headers.get('cache-tag')?.split(' ')).toContain('committee');
    expectHeadingsInOrder(raw);
    const body = main(html);
    expect(body).toContain(`href="${telOf(data.committee.phone)}"`);
    expect(body).toContain(`href="mailto:${data.committee.email}"`);
    for (const c of data.channels) {
      expect(body).toContain(c.name);
      expect(body).toContain(CHANNEL_KINDS.find((k) => k.code === c.kind)!.label);
      if (c.phone) expect(body).toMatch(new RegExp(`<a href="${literal(telOf(c.phone))}"[^>]*>${literal(c.phone)}</a>`));
      if (/^https?:/.test(c.url)) expect(body).toMatch(new RegExp(`<a href="${literal(c.url)}"[^>]*>\\s*${literal(new URL(c.url).host)}\\s*<`));
    }
    expect(html).toMatch(/<link rel="alternate" hreflang="en" href="[^"]*\/en\/steering-committee\/contact"/);
  });
});

describe('events /ban-chi-dao/su-kien', () => {
  test('lists upcoming events soonest first and past events in their own section', async () => {
    const { status, headers, html, raw } = await getPage(site('/ban-chi-dao/su-kien'));
    expect(status).toBe(200);
    expect(headers.get('cache-tag')?.split(' ')).toContain('committee');
    expectHeadingsInOrder(raw);
    const upcoming = section(html, 'sap-dien-ra');
    const past = section(html, 'da-dien-ra');
    for (const e of upcomingSeed) {
      expect(upcoming, e.title).toContain(`href="${eventPath(e.title)}"`);
      expect(past).not.toContain(e.title);
    }
    const positions = upcomingSeed.map((e) => upcoming.indexOf(e.title));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const e of pastSeed) {
      expect(past, e.title).toContain(`href="${eventPath(e.title)}"`);
      expect(upcoming).not.toContain(e.title);
      expect(past).toContain(e.organiser);
      const time = shownTime(e);
      if (time) expect(past).toContain(time);
    }
    expect(html).toContain('href="/ban-chi-dao/su-kien.ics"');
    for (const e of data.events) expect(html).toContain(`href="${eventPath(e.title)}.ics"`);
  });

  test.each(data.events.map((e) => [e.title, e] as const))('%s has its page', async (_, e) => {
    const { status, html, raw } = await getPage(site(eventPath(e.title)));
    expect(status).toBe(200);
    expectHeadingsInOrder(raw);
    expect(html).toMatch(new RegExp(`<h1[^>]*>${literal(e.title)}</h1>`));
    expect(html).toContain(e.organiser);
    expect(html).toContain(e.place || new URL(e.onlineUrl).host);
    expect(html).toContain(`href="${eventPath(e.title)}.ics"`);
    expect(html).toContain('Thêm vào lịch (.ics)');
    if (e.planTask) expect(html).toContain(`href="/ban-chi-dao/ke-hoach/${seed.plan.year}#nhiem-vu-${e.planTask.replace(/\./g, '-')}"`);
    if (e.report) expect(html).toContain(`href="/bai-viet/${e.report}"`);
  });

  test.each(['/ban-chi-dao/su-kien/khong-co-su-kien-nay', '/ban-chi-dao/su-kien/Khong%20Co'])('%s is the 404 page', async (path) => {
    const { status, html } = await getPage(site(path));
    expect(status).toBe(404);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Không tìm thấy');
  });
});

describe('calendar files', () => {
  test('/ban-chi-dao/su-kien.ics holds every event with the API’s titles and instants', async () => {
    const res = await fetch(site('/ban-chi-dao/su-kien.ics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="su-kien.ics"');
    expect(res.headers.get('cache-tag')?.split(' ')).toContain('committee');
    const vevents = parseCalendar(await res.text());
    const api = await apiEvents();
    expect(api).toHaveLength(data.events.length);
    expect(vevents).toHaveLength(api.length);
    for (const e of api) {
      const vevent = vevents.find((v) => v.uid.startsWith(`${e.slug}@`));
      expect(vevent, e.slug).toBeDefined();
      expect(vevent!.summary).toBe(e.title);
      expect(vevent!.startDate.toJSDate().getTime()).toBe(Date.parse(e.startsAt));
      expect(vevent!.endDate.toJSDate().getTime()).toBe(Date.parse(e.endsAt));
      expect(vevent!.location).toBe(e.place || e.onlineUrl);
      const url = String(vevent!.component.getFirstPropertyValue('url'));
      expect(url).toMatch(new RegExp(`^https?://[^/]+/ban-chi-dao/su-kien/${e.slug}$`));
      expect(vevent!.uid).toBe(`${e.slug}@${new URL(url).hostname}`);
    }
  });

  test('/ban-chi-dao/su-kien/{slug}.ics holds that one event', async () => {
    const [e] = await apiEvents();
    const res = await fetch(site(`/ban-chi-dao/su-kien/${e!.slug}.ics`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${e!.slug}.ics"`);
    expect(res.headers.get('cache-tag')?.split(' ')).toContain('committee');
    const vevents = parseCalendar(await res.text());
    expect(vevents).toHaveLength(1);
    expect(vevents[0]!.summary).toBe(e!.title);
    expect(vevents[0]!.startDate.toJSDate().getTime()).toBe(Date.parse(e!.startsAt));
  });

  test.each(['/ban-chi-dao/su-kien/khong-co-su-kien-nay.ics', '/ban-chi-dao/su-kien/Khong%20Co.ics'])('%s is 404', async (path) => {
    const res = await fetch(site(path));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('text/calendar');
  });
});

describe('English pages', () => {
  test('/en/steering-committee is English: functions, structure, members by position', async () => {
    const { status, headers, html, raw } = await getPage(site('/en/steering-committee'));
    expect(status).toBe(200);
    expect(headers.get('cache-tag')?.split(' ')).toContain('committee');
    expect(html).toContain('<html lang="en"');
    expectHeadingsInOrder(raw);
    expect(html).toContain(data.committee.nameEn);
    expect(html).toContain(firstParagraph(data.committee.functionsEn));
    const body = main(html);
    for (const position of MEMBER_POSITIONS) {
      const group = section(body, `thanh-phan-${position.code}`);
      expect(group).toMatch(new RegExp(`<h3[^>]*>${literal(position.labelEn)}</h3>`));
      for (const m of data.members.filter((x) => x.position === position.code)) {
        expect(group).toContain(m.name);
        expect(group).toContain(m.officeTitleEn);
      }
      // No Vietnamese interface text in the English content.
      expect(body).not.toMatch(new RegExp(`>${literal(position.label)}<`));
    }
    expect(body).not.toContain('Dữ liệu minh họa');
    expect(html).toMatch(/<link rel="alternate" hreflang="vi" href="[^"]*\/ban-chi-dao\/gioi-thieu"/);
  });

  test('/en/steering-committee/contact gives phone, e-mail and the channels, their names marked Vietnamese', async () => {
    const { status, headers, html, raw } = await getPage(site('/en/steering-committee/contact'));
    expect(status).toBe(200);
    expect(headers.get('cache-tag')?.split(' ')).toContain('committee');
    expect(html).toContain('<html lang="en"');
    expectHeadingsInOrder(raw);
    const body = main(html);
    expect(body).toContain(`href="${telOf(data.committee.phone)}"`);
    expect(body).toContain(`href="mailto:${data.committee.email}"`);
    for (const c of data.channels) expect(body).toMatch(new RegExp(`<h3[^>]*lang="vi"[^>]*>\\s*${literal(c.name)}\\s*</h3>`));
    expect(html).toMatch(/<link rel="alternate" hreflang="vi" href="[^"]*\/ban-chi-dao\/lien-he"/);
  });
});
