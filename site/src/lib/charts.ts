/**
 * Server-rendered SVG line charts (a reform index over the years), without a chart
 * library: the page puts the string in with set:html, so every piece of text is escaped
 * here and the output is deterministic (ids derive from the caller's prefix).
 */
import { formatNumber } from '@cchc/shared';
import { escapeXml } from './feeds';

/** What an empty chart says. */
export const CHART_EMPTY_TEXT = 'Chưa có số liệu';

/**
 * Line colours and dash patterns, one per series: the Okabe–Ito palette (colour-blind safe),
 * its orange darkened, every colour at least 3:1 against white (WCAG 1.4.11), and a dash
 * pattern each so that colour is never the only cue.
 */
export const SERIES_STYLES = [
  { colour: '#0072B2', dash: '' },
  { colour: '#D55E00', dash: '8 4' },
  { colour: '#009E73', dash: '2 3' },
  { colour: '#CC79A7', dash: '10 3 2 3' },
  { colour: '#000000', dash: '4 2' },
  { colour: '#A87200', dash: '12 3 2 3 2 3' },
] as const;

/** One line of a chart: a value (or null for a missing year) per year. */
export interface ChartSeries {
  name: string;
  points: readonly { x: number; y: number | null }[];
}

/** What lineChartSvg draws. */
export interface LineChartOptions {
  title: string;
  description: string;
  series: readonly ChartSeries[];
  /** Label of the value axis, written above it. */
  yLabel: string;
  /** Lower end of the value axis (it still extends to hold every value). */
  yMin?: number;
  yMax?: number;
  /** Smaller values on top, for ranks (1 is best). */
  invertY?: boolean;
  width?: number;
  height?: number;
  /** Unique on the page; ids of the title and description derive from it. */
  idPrefix: string;
  formatY?: (n: number) => string;
}

/** The stroke attributes of a series' line. */
const stroke = (style: (typeof SERIES_STYLES)[number]): string =>
  `stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;

/**
 * Text size in viewBox units. The chart scales with its container, text with it: a 480-unit
 * default width keeps 14-unit text near 10 px on a 340 px phone screen; pages cap the width with CSS.
 */
const FONT_SIZE = 14;
/** Rough width of a digit or letter, for layout: the server cannot measure text. */
const CHAR_WIDTH = 0.6 * FONT_SIZE;

/** Rounds a coordinate to one decimal, which is finer than a screen shows. */
const r = (n: number): number => Math.round(n * 10) / 10;

/**
 * 4 to 6 round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max]; integer steps only when `integer`.
 * @example niceTicks(61.2, 68.9) → [60, 62, 64, 66, 68, 70]
 */
export function niceTicks(min: number, max: number, integer = false): number[] {
  if (min === max) [min, max] = [min - 1, max + 1];
  const magnitude = 10 ** Math.floor(Math.log10((max - min) / 5));
  for (const multiple of [1, 2, 5, 10, 20, 50]) {
    const step = multiple * magnitude;
    if (integer && step < 1) continue;
    let lo = Math.floor(min / step);
    let hi = Math.ceil(max / step);
    if (hi - lo + 1 > 6) continue;
    // A coarse step can leave only 2 or 3 ticks: widen downwards unless that would cross below zero.
    while (hi - lo + 1 < 4) {
      if (lo > 0 || min < 0) lo -= 1;
      else hi += 1;
    }
    // Multiply integers, then trim float noise (3 × 0.2 = 0.6000000000000001).
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    return Array.from({ length: hi - lo + 1 }, (_, i) => Number(((lo + i) * step).toFixed(decimals)));
  }
  return [min, max]; // unreachable: a step of 50 × magnitude always fits in 6 ticks
}

type Point = { x: number; y: number };

const finiteOr = (n: number | undefined, fallback: number): number => (n !== undefined && Number.isFinite(n) ? n : fallback);

/** The runs of consecutive values of a series, in year order: a missing value (null) ends a run. */
function valueRuns(points: ChartSeries['points']): Point[][] {
  const runs: Point[][] = [[]];
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y !== null && Number.isFinite(p.y) && Number.isFinite(p.x)) runs.at(-1)?.push({ x: p.x, y: p.y });
    else if (runs.at(-1)?.length) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/** A small chart that says there is no data, keeping the accessible name. */
function emptySvg(id: string, title: string, width: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} 60" width="100%">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${CHART_EMPTY_TEXT}</desc>` +
    `<text x="${r(width / 2)}" y="34" text-anchor="middle" font-size="${FONT_SIZE}" fill="#333333">${CHART_EMPTY_TEXT}</text></svg>`
  );
}

/**
 * An accessible, responsive SVG line chart as a string for set:html: year ticks on x,
 * round value ticks on y, one line per series split where a value is missing, a marker
 * with a native tooltip per value, a legend when there are several series.
 * @throws RangeError with more series than SERIES_STYLES has styles
 */
export function lineChartSvg(options: LineChartOptions): string {
  const { series, width = 480, height = 300, invertY = false, formatY = formatNumber } = options;
  if (series.length > SERIES_STYLES.length) throw new RangeError(`lineChartSvg draws at most ${SERIES_STYLES.length} series`);
  // Ids go into aria-labelledby, a space-separated list: keep them to name characters.
  const id = options.idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  const runs = series.map((s) => valueRuns(s.points));
  const values = runs.flat(2);
  if (values.length === 0) return emptySvg(id, options.title, width);

  const ys = values.map((p) => p.y);
  const [lower, upper] = [Math.min(finiteOr(options.yMin, Infinity), ...ys), Math.max(finiteOr(options.yMax, -Infinity), ...ys)];
  // Whole-number data (ranks) gets whole-number ticks.
  const yTicks = niceTicks(lower, upper, [lower, upper].every(Number.isInteger));
  const yLo = yTicks[0] ?? 0;
  const yHi = yTicks.at(-1) ?? 1;
  const xFirst = Math.floor(Math.min(...values.map((p) => p.x)));
  const xLast = Math.ceil(Math.max(...values.map((p) => p.x)));
  const years = Array.from({ length: xLast - xFirst + 1 }, (_, i) => xFirst + i);

  const yTickLabels = yTicks.map(formatY);
  const left = Math.max(40, r(12 + CHAR_WIDTH * Math.max(...yTickLabels.map((l) => l.length))));
  const [top, right, bottom, rowHeight] = [36, 20, height - 40, FONT_SIZE + 8];
  const legendHeight = series.length > 1 ? 12 + rowHeight * series.length : 0;
  const xOf = (x: number) => r(xFirst === xLast ? (left + width - right) / 2 : left + ((x - xFirst) / (xLast - xFirst)) * (width - right - left));
  const yOf = (y: number) => r(invertY ? top + ((y - yLo) / (yHi - yLo)) * (bottom - top) : bottom - ((y - yLo) / (yHi - yLo)) * (bottom - top));
  // Where year labels (4 characters and a gap) would collide, label every k-th year but keep every tick.
  const labelEvery = years.length > 1 ? Math.ceil((5 * CHAR_WIDTH) / ((width - right - left) / (years.length - 1))) : 1;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height + legendHeight}" width="100%" font-size="${FONT_SIZE}" class="line-chart">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
    `<text x="${left}" y="${FONT_SIZE + 4}" fill="#333333">${escapeXml(options.yLabel)}</text>`,
    '<g class="y-axis" fill="#333333">',
    ...yTicks.map(
      (tick, i) =>
        `<line x1="${left}" x2="${width - right}" y1="${yOf(tick)}" y2="${yOf(tick)}" stroke="#dddddd"/>` +
        `<text x="${left - 6}" y="${r(yOf(tick) + FONT_SIZE / 3)}" text-anchor="end">${escapeXml(yTickLabels[i] ?? '')}</text>`,
    ),
    '</g>',
    '<g class="x-axis" fill="#333333">',
    `<line x1="${left}" x2="${width - right}" y1="${bottom}" y2="${bottom}" stroke="#767676"/>`,
    ...years.map(
      (year, i) =>
        `<line x1="${xOf(year)}" x2="${xOf(year)}" y1="${bottom}" y2="${bottom + 5}" stroke="#767676"/>` +
        (i % labelEvery === 0 ? `<text x="${xOf(year)}" y="${bottom + FONT_SIZE + 8}" text-anchor="middle">${year}</text>` : ''),
    ),
    '</g>',
  ];

  series.forEach((s, i) => {
    const style = SERIES_STYLES[i] ?? SERIES_STYLES[0];
    parts.push(`<g class="series" fill="${style.colour}">`);
    const seriesRuns = runs[i] ?? [];
    for (const run of seriesRuns.filter((run) => run.length > 1)) {
      const points = run.map((p) => `${xOf(p.x)},${yOf(p.y)}`).join(' ');
      parts.push(`<polyline points="${points}" fill="none" ${stroke(style)}/>`);
    }
    for (const p of seriesRuns.flat()) {
      const tip = `${s.name}, ${p.x}: ${formatY(p.y)}`;
      parts.push(`<circle cx="${xOf(p.x)}" cy="${yOf(p.y)}" r="4"><title>${escapeXml(tip)}</title></circle>`);
    }
    parts.push('</g>');
  });

  if (legendHeight > 0) {
    parts.push('<g class="legend" fill="#333333">');
    series.forEach((s, i) => {
      const style = SERIES_STYLES[i] ?? SERIES_STYLES[0];
      const y = height + 12 + rowHeight * i;
      parts.push(
        `<line x1="${left}" x2="${left + 36}" y1="${y}" y2="${y}" ${stroke(style)}/>` +
          `<circle cx="${left + 18}" cy="${y}" r="4" fill="${style.colour}"/>` +
          `<text x="${left + 44}" y="${r(y + FONT_SIZE / 3)}">${escapeXml(s.name)}</text>`,
      );
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
