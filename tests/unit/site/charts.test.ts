// fast-xml-parser is not a direct dependency: it comes with @rowanmanning/feed-parser (a root
// devDependency) and is hoisted to node_modules. It is a real XML parser and validator.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { CHART_EMPTY_TEXT, SERIES_STYLES, lineChartSvg, niceTicks, type LineChartOptions } from '../../../site/src/lib/charts.js';

/** An element as fast-xml-parser gives it: attributes as `@_name`, text as `#text`, children by tag. */
interface Node {
  [key: string]: string | Node[] | undefined;
  '#text'?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  // Every element as an array, so a lone circle reads like many.
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/** Parses a chart after checking it is well-formed XML; returns the <svg> element. */
function parseSvg(svg: string): Node {
  expect(XMLValidator.validate(svg)).toBe(true);
  const root = parser.parse(svg) as { svg?: Node[] };
  expect(root.svg).toHaveLength(1);
  return root.svg?.[0] ?? {};
}

const children = (node: Node | undefined, tag: string): Node[] => (node?.[tag] as Node[] | undefined) ?? [];
const attr = (node: Node | undefined, name: string): string => String(node?.[`@_${name}`] ?? '');
const text = (node: Node | undefined, tag: string): string => children(node, tag)[0]?.['#text'] ?? '';
const groups = (svg: Node, cls: string) => children(svg, 'g').filter((g) => attr(g, 'class') === cls);
const markers = (svg: Node) => groups(svg, 'series').flatMap((g) => children(g, 'circle'));
const tooltips = (svg: Node) => markers(svg).map((c) => text(c, 'title'));
const cyOf = (svg: Node, tooltip: string) => Number(attr(markers(svg).find((c) => text(c, 'title') === tooltip), 'cy'));

const base: LineChartOptions = {
  title: 'Chỉ số cải cách hành chính qua các năm',
  description: 'Điểm PAR INDEX của tỉnh từ 2019 đến 2023.',
  yLabel: 'Điểm',
  idPrefix: 'par-index',
  series: [
    {
      name: 'PAR INDEX',
      points: [
        { x: 2019, y: 80.12 },
        { x: 2020, y: 65.41 },
        { x: 2021, y: 88 },
        { x: 2022, y: 90.5 },
        { x: 2023, y: 91.25 },
      ],
    },
  ],
};

const twoSeries: LineChartOptions = {
  ...base,
  series: [
    ...base.series,
    { name: 'Trung bình cả nước', points: [2019, 2020, 2021, 2022, 2023].map((x) => ({ x, y: 75 + x - 2019 })) },
  ],
};

describe('lineChartSvg: accessible, responsive SVG', () => {
  test('is well-formed and labelled by its title and description', () => {
    const svg = parseSvg(lineChartSvg(base));
    expect(attr(svg, 'xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-labelledby')).toBe('par-index-title par-index-desc');
    expect(children(svg, 'title')[0]?.['@_id']).toBe('par-index-title');
    expect(text(svg, 'title')).toBe(base.title);
    expect(children(svg, 'desc')[0]?.['@_id']).toBe('par-index-desc');
    expect(text(svg, 'desc')).toBe(base.description);
  });

  test('scales with its container: a viewBox and width 100%, no fixed pixel size', () => {
    const output = lineChartSvg({ ...base, width: 500, height: 300 });
    const svg = parseSvg(output);
    expect(attr(svg, 'viewBox')).toBe('0 0 500 300');
    expect(attr(svg, 'width')).toBe('100%');
    expect(attr(svg, 'height')).toBe('');
    expect(output).not.toMatch(/px/);
  });

  test('is deterministic, with ids from the prefix made safe for aria-labelledby', () => {
    expect(lineChartSvg(twoSeries)).toBe(lineChartSvg(twoSeries));
    const svg = parseSvg(lineChartSvg({ ...base, idPrefix: 'chỉ số 2"x' }));
    const [titleId, descId, ...rest] = attr(svg, 'aria-labelledby').split(' ');
    expect(rest).toEqual([]);
    expect(titleId).toBe(attr(children(svg, 'title')[0], 'id'));
    expect(descId).toBe(attr(children(svg, 'desc')[0], 'id'));
  });

  test('rounds every coordinate to at most one decimal', () => {
    const output = lineChartSvg({ ...twoSeries, width: 613, height: 287 });
    const numbers = [...output.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy|points)="([^"]*)"/g)].flatMap((m) => m[1]?.split(/[ ,]/) ?? []);
    expect(numbers.length).toBeGreaterThan(50);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });
});

describe('lineChartSvg: markers and values', () => {
  test('draws one marker per value with a "name, year: value" tooltip in Vietnamese number format', () => {
    const svg = parseSvg(lineChartSvg(base));
    expect(tooltips(svg)).toEqual([
      'PAR INDEX, 2019: 80,12',
      'PAR INDEX, 2020: 65,41',
      'PAR INDEX, 2021: 88',
      'PAR INDEX, 2022: 90,5',
      'PAR INDEX, 2023: 91,25',
    ]);
  });

  test('formats values with formatY', () => {
    const svg = parseSvg(lineChartSvg({ ...base, formatY: (n) => `${n.toFixed(1)} điểm` }));
    expect(tooltips(svg)[1]).toBe('PAR INDEX, 2020: 65.4 điểm');
    const yLabels = groups(svg, 'y-axis').flatMap((g) => children(g, 'text')).map((t) => t['#text']);
    expect(yLabels.every((label) => label?.endsWith(' điểm'))).toBe(true);
  });

  test('puts a higher score above a lower one', () => {
    const svg = parseSvg(lineChartSvg(base));
    expect(cyOf(svg, 'PAR INDEX, 2021: 88')).toBeLessThan(cyOf(svg, 'PAR INDEX, 2020: 65,41'));
  });

  test('with invertY, puts rank 1 above rank 10', () => {
    const ranks = { name: 'Xếp hạng', points: [{ x: 2020, y: 10 }, { x: 2021, y: 4 }, { x: 2022, y: 1 }] };
    const svg = parseSvg(lineChartSvg({ ...base, yLabel: 'Thứ hạng', invertY: true, series: [ranks] }));
    expect(cyOf(svg, 'Xếp hạng, 2022: 1')).toBeLessThan(cyOf(svg, 'Xếp hạng, 2021: 4'));
    expect(cyOf(svg, 'Xếp hạng, 2021: 4')).toBeLessThan(cyOf(svg, 'Xếp hạng, 2020: 10'));
  });

  test('escapes every piece of text', () => {
    const evil = `<script>&"'`;
    const output = lineChartSvg({
      title: evil,
      description: evil,
      yLabel: evil,
      idPrefix: 'x',
      series: [{ name: evil, points: [{ x: 2020, y: 1 }] }, { name: 'b', points: [{ x: 2021, y: 2 }] }],
      formatY: () => evil,
    });
    expect(output).not.toContain('<script');
    const svg = parseSvg(output);
    expect(text(svg, 'title')).toBe(evil);
    expect(text(svg, 'desc')).toBe(evil);
    expect(text(svg, 'text')).toBe(evil);
    expect(tooltips(svg)[0]).toBe(`${evil}, 2020: ${evil}`);
    expect(groups(svg, 'legend').flatMap((g) => children(g, 'text'))[0]?.['#text']).toBe(evil);
  });
});

describe('lineChartSvg: lines and gaps', () => {
  const polylines = (svg: Node) => groups(svg, 'series').flatMap((g) => children(g, 'polyline'));
  const pointCount = (line: Node) => attr(line, 'points').split(' ').length;

  test.each([
    ['no gap', [1, 2, 3, 4, 5], [5]],
    ['a gap splits the line', [1, 2, null, 4, 5], [2, 2]],
    ['two gaps', [1, 2, null, 4, 5, null, 7, 8], [2, 2, 2]],
    ['a lone value between gaps has its marker only', [1, null, 3, null, 5, 6], [2]],
    ['leading and trailing nulls', [null, 2, 3, null], [2]],
    ['a single point is just a marker', [7], []],
  ])('%s', (_name, values, runs) => {
    const points = values.map((y, i) => ({ x: 2015 + i, y }));
    const svg = parseSvg(lineChartSvg({ ...base, series: [{ name: 'S', points }] }));
    expect(polylines(svg).map(pointCount)).toEqual(runs);
    expect(markers(svg)).toHaveLength(values.filter((y) => y !== null).length);
  });

  test('draws points in year order whatever the input order', () => {
    const svg = parseSvg(lineChartSvg({ ...base, series: [{ name: 'S', points: [{ x: 2022, y: 3 }, { x: 2020, y: 1 }, { x: 2021, y: 2 }] }] }));
    const xs = attr(polylines(svg)[0], 'points').split(' ').map((p) => Number(p.split(',')[0]));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  test.each([
    ['no series', []],
    ['only nulls', [{ name: 'S', points: [{ x: 2020, y: null }, { x: 2021, y: null }] }]],
  ])('with %s, says there is no data', (_name, series) => {
    const svg = parseSvg(lineChartSvg({ ...base, series }));
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-labelledby')).toBe('par-index-title par-index-desc');
    expect(text(svg, 'title')).toBe(base.title);
    expect(text(svg, 'text')).toBe(CHART_EMPTY_TEXT);
    expect(CHART_EMPTY_TEXT).toBe('Chưa có số liệu');
    expect(markers(svg)).toEqual([]);
  });
});

describe('lineChartSvg: axes and legend', () => {
  test('ticks every year from the first to the last, labelled as plain years', () => {
    const svg = parseSvg(lineChartSvg({ ...base, series: [{ name: 'S', points: [{ x: 2016, y: 1 }, { x: 2023, y: 2 }] }] }));
    const axis = groups(svg, 'x-axis')[0];
    expect(children(axis, 'line')).toHaveLength(1 + 8); // the axis and a tick per year
    expect(children(axis, 'text').map((t) => t['#text'])).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']);
  });

  test('on a crowded axis, keeps a tick per year but labels every k-th year from the first', () => {
    const points = Array.from({ length: 25 }, (_, i) => ({ x: 2000 + i, y: i }));
    const axis = groups(parseSvg(lineChartSvg({ ...base, series: [{ name: 'S', points }] })), 'x-axis')[0];
    expect(children(axis, 'line')).toHaveLength(1 + 25);
    const labels = children(axis, 'text').map((t) => Number(t['#text']));
    expect(labels[0]).toBe(2000);
    expect(labels.length).toBeLessThan(25);
    const step = (labels[1] ?? 0) - (labels[0] ?? 0);
    expect(step).toBeGreaterThan(1);
    labels.forEach((year, i) => expect(year).toBe(2000 + i * step));
  });

  test('labels 4 to 6 nice values on the y axis', () => {
    const svg = parseSvg(lineChartSvg({ ...base, formatY: String }));
    const ticks = groups(svg, 'y-axis').flatMap((g) => children(g, 'text')).map((t) => Number(t['#text']));
    expect(ticks).toEqual(niceTicks(65.41, 91.25));
    expect(ticks).toEqual([60, 70, 80, 90, 100]);
  });

  test('shows a legend only for several series, one entry each with its dash pattern', () => {
    expect(groups(parseSvg(lineChartSvg(base)), 'legend')).toEqual([]);
    const legend = groups(parseSvg(lineChartSvg(twoSeries)), 'legend')[0];
    expect(children(legend, 'text').map((t) => t['#text'])).toEqual(['PAR INDEX', 'Trung bình cả nước']);
    expect(children(legend, 'line').map((l) => attr(l, 'stroke-dasharray'))).toEqual(['', SERIES_STYLES[1].dash]);
  });

  test('refuses more series than it has styles', () => {
    const series = Array.from({ length: SERIES_STYLES.length + 1 }, (_, i) => ({ name: `S${i}`, points: [{ x: 2020, y: i }] }));
    expect(() => lineChartSvg({ ...base, series })).toThrow(RangeError);
  });
});

describe('SERIES_STYLES', () => {
  /** WCAG relative luminance of #rrggbb. */
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  test.each(SERIES_STYLES.map((s) => [s.colour]))('%s has at least 3:1 contrast against white', (colour) => {
    expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(3);
  });

  test('gives each of the 6 series its own colour and dash pattern', () => {
    expect(SERIES_STYLES).toHaveLength(6);
    expect(new Set(SERIES_STYLES.map((s) => s.colour)).size).toBe(6);
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(6);
  });
});

describe('niceTicks', () => {
  test.each([
    [61.2, 68.9, false, [60, 62, 64, 66, 68, 70]],
    [0, 100, false, [0, 20, 40, 60, 80, 100]],
    [65.41, 91.25, false, [60, 70, 80, 90, 100]],
    [0.12, 0.93, false, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [1, 10, true, [0, 2, 4, 6, 8, 10]],
    [1, 3, true, [0, 1, 2, 3]],
    [5.5, 14.5, false, [0, 5, 10, 15]],
    [-3, 4, false, [-4, -2, 0, 2, 4]],
    [1200, 56000, false, [0, 20000, 40000, 60000]],
  ])('niceTicks(%d, %d, %s) → %j', (min, max, integer, expected) => {
    expect(niceTicks(min, max, integer)).toEqual(expected);
  });

  test.each([
    [0.001, 0.0042], [3, 3], [0, 0], [65.41, 65.41], [1, 63], [17.3, 17.9], [-120, -7], [0, 1e6], [42, 9999],
  ])('niceTicks(%d, %d): 4 to 6 evenly spaced ticks of 1, 2 or 5 × 10ⁿ covering the range', (min, max) => {
    const ticks = niceTicks(min, max);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBeLessThanOrEqual(min);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
    ticks.forEach((tick, i) => {
      expect(tick).toBeCloseTo((ticks[0] ?? 0) + i * step, 9);
      // A nice tick is a whole multiple of the step, written without float noise.
      expect(Math.abs(tick / step - Math.round(tick / step))).toBeLessThan(1e-9);
      expect(String(tick).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
    });
  });
});
