/**
 * Display text of the Steering Committee website: event times in Vietnam's time zone,
 * index results and their change over a year, the host shown for a channel's link.
 */
import { formatDateShort, vietnamParts, type IndexScore } from '@cchc/shared';
import { safeWebsite } from '../agencies';
import { formatExact, formatRank } from './indices';
import { CUI } from './messages';

/** Vietnamese day names, Sunday first (as Date#getUTCDay counts). */
const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Reads an ISO instant; null when unreadable. */
function readInstant(value: string): Date | null {
  const date = new Date(value);
  return value.trim() === '' || Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The day of the week of an instant, in Vietnam.
 * @example weekdayVi(new Date('2026-12-12T01:00:00Z')) === 'thứ Bảy'
 */
export function weekdayVi(instant: Date): string {
  return WEEKDAYS[vietnamParts(instant).weekday]!;
}

/**
 * Time of day in Vietnam, 24-hour.
 * @example clockVi(new Date('2026-12-11T17:05:00Z')) === '00:05'
 */
export function clockVi(instant: Date): string {
  const { hour, minute } = vietnamParts(instant);
  return `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * Day of the week and date in Vietnam.
 * @example dayVi(new Date('2026-12-11T01:00:00Z')) === 'thứ Sáu, 11/12/2026'
 */
export function dayVi(instant: Date): string {
  return `${weekdayVi(instant)}, ${formatDateShort(instant)}`;
}

/**
 * When an event takes place, in Vietnam's time zone: one day as "start–end, day", several
 * days with both ends in full, and the start alone when the end is missing or not after it.
 * Empty when the start is unreadable.
 * @example eventTimeText('2026-12-11T01:00:00Z', '2026-12-11T04:30:00Z') === '08:00–11:30, thứ Sáu, 11/12/2026'
 * @example eventTimeText('2026-12-11T01:00:00Z', '2026-12-12T10:00:00Z') === '08:00, thứ Sáu, 11/12/2026 – 17:00, thứ Bảy, 12/12/2026'
 */
export function eventTimeText(startsAt: string, endsAt: string): string {
  const start = readInstant(startsAt);
  if (!start) return '';
  const end = readInstant(endsAt);
  if (!end || end <= start) return `${clockVi(start)}, ${dayVi(start)}`;
  if (formatDateShort(start) === formatDateShort(end)) return `${clockVi(start)}–${clockVi(end)}, ${dayVi(start)}`;
  return `${clockVi(start)}, ${dayVi(start)} – ${clockVi(end)}, ${dayVi(end)}`;
}

/**
 * True when an event has ended at `now` (its end, or its start when the end is unreadable).
 * @example eventIsOver({ startsAt: '2024-05-01T01:00:00Z', endsAt: '2024-05-01T04:00:00Z' }, new Date('2024-06-01')) === true
 */
export function eventIsOver(event: { startsAt: string; endsAt: string }, now: Date): boolean {
  const end = readInstant(event.endsAt) ?? readInstant(event.startsAt);
  return end !== null && end.getTime() < now.getTime();
}

/**
 * A score in Vietnamese notation with every decimal it has (as the indices page writes it), or the "not published" text.
 * @example indexScoreText(83.45) === '83,45'
 */
export function indexScoreText(score: number | null): string {
  return score === null ? CUI.homeIndexNoScore : formatExact(score);
}

/**
 * A rank as "x/y" (or "x" when the number ranked is unknown), or the "not published" text.
 * @example indexRankText(12, 63) === '12/63'
 */
export function indexRankText(rank: number | null, outOf: number | null): string {
  return formatRank({ rank, outOf }) ?? CUI.homeIndexNoRank;
}

/** How many decimals a number is written with (0 for exponent notation's tiny or huge values). */
const decimalsOf = (value: number): number => /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;

/**
 * How a result changed since the previous one, in words: the score up or down by how many
 * points, the rank up or down by how many places (a lower rank number is a better place).
 * @example indexChangeText({ year: 2024, score: 85.5, rank: 10, outOf: 63 }, { year: 2023, score: 84.25, rank: 14, outOf: 63 }) === 'tăng 1,25 điểm, tăng 4 bậc so với năm 2023'
 */
export function indexChangeText(
  latest: Pick<IndexScore, 'score' | 'rank'>,
  previous: Pick<IndexScore, 'year' | 'score' | 'rank'> | null,
): string {
  if (!previous) return CUI.homeIndexNoPrevious;
  const changes: string[] = [];
  if (latest.score !== null && previous.score !== null) {
    // The difference has no more decimals than its terms: rounding to them drops binary noise (84.1 − 83.9 = 0.19999…).
    const decimals = Math.min(20, Math.max(decimalsOf(latest.score), decimalsOf(previous.score)));
    const diff = Number((latest.score - previous.score).toFixed(decimals));
    const points = formatExact(Math.abs(diff));
    changes.push(diff > 0 ? CUI.homeIndexScoreUp(points) : diff < 0 ? CUI.homeIndexScoreDown(points) : CUI.homeIndexScoreSame);
  }
  if (latest.rank !== null && previous.rank !== null) {
    const steps = previous.rank - latest.rank;
    changes.push(steps > 0 ? CUI.homeIndexRankUp(steps) : steps < 0 ? CUI.homeIndexRankDown(-steps) : CUI.homeIndexRankSame);
  }
  return changes.length === 0 ? CUI.homeIndexNoPrevious : CUI.homeIndexComparedWith(changes.join(', '), previous.year);
}

/**
 * A channel's or event's web address as a safe link and the host readers see, or null
 * when the value is not a web address.
 * @example webLink('https://dichvucong.gov.vn/p/home') // { href: 'https://dichvucong.gov.vn/p/home', host: 'dichvucong.gov.vn' }
 */
export function webLink(value: string): { href: string; host: string } | null {
  const href = safeWebsite(value);
  if (!href) return null;
  return { href, host: new URL(href).host };
}

const EMAIL = /^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/;

/**
 * A channel's address as a link: an e-mail address (bare or mailto:) as a mailto link
 * showing the address, a web address showing its host; null for anything else.
 * @example channelLink('mailto:bcd@example.gov.vn') // { href: 'mailto:bcd@example.gov.vn', text: 'bcd@example.gov.vn' }
 * @example channelLink('https://dichvucong.gov.vn/p/home') // { href: 'https://dichvucong.gov.vn/p/home', text: 'dichvucong.gov.vn' }
 */
export function channelLink(value: string): { href: string; text: string } | null {
  const address = value.trim().replace(/^mailto:/i, '');
  if (EMAIL.test(address)) return { href: `mailto:${address}`, text: address };
  const web = webLink(value);
  return web && { href: web.href, text: web.host };
}

/**
 * Moves the headings of rendered Markdown one level down, for texts shown under a section's
 * own h2 (the renderer starts them at h2). Runs on sanitised HTML, where a literal "<h2" can
 * only be a tag: text has its "<" escaped.
 * @example demoteHeadings('<h2>Nhiệm vụ</h2><h4>a</h4>') === '<h3>Nhiệm vụ</h3><h5>a</h5>'
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([2-5])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}
