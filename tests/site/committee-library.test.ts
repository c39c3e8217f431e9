/**
 * The Steering Committee website's documents library, plan tracker and reform indices,
 * rendered by the built site from the seeded CMS, over HTTP.
 */
import { describe, expect, inject, test } from 'vitest';
import { ListIndices, ListPlanYears, documentSlug, foldForSearch, formatDateLong, type IndexSeries } from '../../shared/src/index.js';
import { getJson } from '../support/api.js';
import { getPage } from '../support/html.js';
import { seed, type SeedArticle, type SeedPlanTask } from '../support/seed.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;
const cms = (path: string) => `${inject('cmsUrl')}${path}`;
const LIBRARY = '/ban-chi-dao/van-ban';
/** Documents per page of the library (site/src/lib/committee/documents.ts). */
const PAGE_SIZE = 20;

const docs = seed.committee.documents;
type SeedDocument = (typeof docs)[number];
const slugOf = (d: SeedDocument) => documentSlug(d.number, d.issuedOn);
const newestFirst = [...docs].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
const planDecision = docs.find((d) => d.number === seed.plan.code)!;

/** The slugs of the documents a library page lists, in page order. */
function listedSlugs(html: string): string[] {
  return [...html.matchAll(/class="document-item__title">\s*<a href="\/ban-chi-dao\/van-ban\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

/** The seeded documents a search matches: every folded word in the number or abstract. */
function seedSearch(q: string): SeedDocument[] {
  const terms = foldForSearch(q).split(' ').filter(Boolean);
  return docs.filter((d) => terms.every((t) => foldForSearch(`${d.number} ${d.abstract}`).includes(t)));
}

/** The tags of a response's Cache-Tag header. */
const tagsOf = (headers: Headers) => (headers.get('cache-tag') ?? '').split(' ');

describe('documents library', () => {
  test('lists the seeded documents, newest first, with their facts and the demo label', async () => {
    const { status, headers, html } = await getPage(site(LIBRARY));
    expect(status).toBe(200);
    expect(tagsOf(headers)).toContain('committee');
    expect(listedSlugs(html)).toEqual(newestFirst.slice(0, PAGE_SIZE).map(slugOf));
    expect(html).toContain(`${docs.length} văn bản`);
    expect(html).toContain(planDecision.abstract);
    expect(html).toContain(planDecision.issuer);
    expect(html).toContain(planDecision.issuedOn.split('-').reverse().join('/'));
    expect(html).toContain('Dữ liệu minh họa');
    expect(html).toContain('Số ký hiệu hoặc trích yếu');
  });

  test.each(['ke hoach truyen thong', 'Kế hoạch truyền thông', '854/qd'])('"%s" finds the plan decision and nothing unrelated', async (q) => {
    const expected = seedSearch(q);
    expect(expected.map((d) => d.number)).toContain(planDecision.number);
    const { status, html } = await getPage(site(`${LIBRARY}?q=${encodeURIComponent(q)}`));
    expect(status).toBe(200);
    expect(listedSlugs(html).sort()).toEqual(expected.map(slugOf).sort());
  });

  const filters: Array<[string, string, (d: SeedDocument) => boolean]> = [
    ...[...new Set(docs.map((d) => d.type))].map((type): [string, string, (d: SeedDocument) => boolean] => ['loai', type, (d) => d.type === type]),
    ...[...new Set(docs.map((d) => d.issuedOn.slice(0, 4)))].map((year): [string, string, (d: SeedDocument) => boolean] => ['nam', year, (d) => d.issuedOn.startsWith(`${year}-`)]),
    ...[...new Set(docs.map((d) => d.issuer))].map((issuer): [string, string, (d: SeedDocument) => boolean] => ['co-quan-ban-hanh', issuer, (d) => d.issuer === issuer]),
    ...seed.taxonomy.reformAreas.map(({ code }): [string, string, (d: SeedDocument) => boolean] => ['linh-vuc', code, (d) => d.areas.includes(code)]),
  ];

  test.each(filters)('%s=%s lists exactly the seeded documents that match', async (name, value, matches) => {
    const { status, html } = await getPage(site(`${LIBRARY}?${new URLSearchParams({ [name]: value })}`));
    expect(status).toBe(200);
    const expected = newestFirst.filter(matches);
    expect(listedSlugs(html)).toEqual(expected.slice(0, PAGE_SIZE).map(slugOf));
    expect(html).toContain(expected.length > 0 ? `Tìm thấy ${expected.length} văn bản` : 'Không có văn bản nào phù hợp');
  });

  test.each(['loai=sac-lenh', 'nam=abc', 'nam=1800', `linh-vuc=${encodeURIComponent('Thể chế')}`, 'linh-vuc=khong-co-linh-vuc', 'loai=ke-hoach&loai=quyet-dinh'])(
    '?%s answers 400 with a Vietnamese message and the form',
    async (qs) => {
      const { status, html } = await getPage(site(`${LIBRARY}?${qs}`));
      expect(status).toBe(400);
      expect(html).toContain('Yêu cầu lọc văn bản chưa hợp lệ');
      expect(html).toContain('name="q"');
      expect(listedSlugs(html)).toEqual([]);
    },
  );

  test.each(['trang=0', 'trang=abc', `trang=${Math.ceil(docs.length / PAGE_SIZE) + 1}`])('?%s is the 404 page', async (qs) => {
    const { status } = await getPage(site(`${LIBRARY}?${qs}`));
    expect(status).toBe(404);
  });

  test('a document page shows every field and its files, and the PDF downloads', async () => {
    const slug = slugOf(planDecision);
    const { status, headers, html } = await getPage(site(`${LIBRARY}/${slug}`));
    expect(status).toBe(200);
    expect(tagsOf(headers)).toContain('committee');
    for (const text of [planDecision.number, planDecision.abstract, planDecision.issuer, planDecision.signer, formatDateLong(new Date(planDecision.issuedOn))]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`href="/ban-chi-dao/ke-hoach/${seed.plan.year}"`);
    const api = await getJson<{ data: { files: Array<{ url: string; name: string; mime: string }> } }>(cms(`/api/cchc/committee/documents/${slug}`));
    expect(api.body.data.files.length).toBe(planDecision.files.length);
    for (const file of api.body.data.files) {
      expect(html).toContain(file.name);
      expect(html).toMatch(new RegExp(`href="[^"]*${file.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" download`));
    }
    const pdf = api.body.data.files.find((f) => f.mime === 'application/pdf')!;
    const res = await fetch(cms(pdf.url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  test('an unknown document is the 404 page', async () => {
    expect((await getPage(site(`${LIBRARY}/khong-co-van-ban-nay`))).status).toBe(404);
  });
});

/**
 * Actual counts of the seeded plan's measured tasks in quarters I–IV, computed once by hand
 * from cms/seed/demo/articles.json and plan.json (pieces by publishedAt in Vietnam's time;
 * task 6 counts distinct sending agencies).
 */
const ACTUAL_BY_HAND: Record<string, readonly [number, number, number, number]> = {
  '3': [17, 21, 20, 19],
  '4': [1, 1, 1, 1],
  '5.1': [3, 2, 2, 2],
  '5.2': [9, 10, 9, 9],
  '5.3': [2, 7, 5, 6],
  '5.4': [2, 3, 2, 2],
  '5.5': [6, 8, 7, 6],
  '5.6': [2, 2, 3, 1],
  '6': [14, 15, 15, 13],
};

type Measure = Extract<NonNullable<SeedPlanTask['progress']>, { mode: 'measured' }>;
const measuredTasks = seed.plan.tasks.filter((t): t is SeedPlanTask & { progress: Measure } => t.progress?.mode === 'measured');

/** The year and quarter of an instant in Vietnam (UTC+7 all year), written out here rather than imported. */
function vietnamQuarter(iso: string): { year: number; quarter: number } {
  const shifted = new Date(Date.parse(iso) + 7 * 3600_000);
  return { year: shifted.getUTCFullYear(), quarter: Math.floor(shifted.getUTCMonth() / 3) + 1 };
}

/** The seed's count for one measure: every non-empty criterion must match. */
function recount(measure: Measure, articles: readonly SeedArticle[], year: number): number[] {
  const any = (wanted: readonly string[], have: readonly string[]) => wanted.length === 0 || have.some((x) => wanted.includes(x));
  const perQuarter = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
  articles.forEach((a, i) => {
    const when = vietnamQuarter(a.publishedAt);
    if (when.year !== year) return;
    if (!any(measure.formats, [a.format]) || !any(measure.areas, a.areas) || !any(measure.topics, a.topics) || !any(measure.agencies, [a.agency])) return;
    perQuarter[when.quarter - 1]!.add(measure.unit === 'agencies' ? a.agency : String(i));
  });
  return perQuarter.map((s) => s.size);
}

/** The rows of a task's progress table on the plan page: quarter label, expected, actual, verdict text. */
function progressRows(html: string, number: string): Array<{ quarter: string; expected: number; actual: number; verdict: string }> {
  const id = `tien-do-nhiem-vu-${number.replace(/\./g, '-')}`;
  const table = html.slice(html.indexOf(`id="${id}"`), html.indexOf('</table>', html.indexOf(`id="${id}"`)));
  const cell = '<td class="num">\\s*(\\d+)\\s*</td>';
  const row = new RegExp(`<th scope="row">\\s*(Quý [IV]+)\\s*</th>\\s*${cell}\\s*${cell}\\s*<td>(.*?)</td>`, 'gs');
  return [...table.matchAll(row)].map((m) => ({
    quarter: m[1]!,
    expected: Number(m[2]),
    actual: Number(m[3]),
    verdict: m[4]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
  }));
}

describe('plan tracker', () => {
  const path = `/ban-chi-dao/ke-hoach/${seed.plan.year}`;

  test('the hand-computed fixture is what the seed files give (a changed seed shows up here first)', () => {
    expect(Object.keys(ACTUAL_BY_HAND).sort()).toEqual(measuredTasks.map((t) => t.number).sort());
    for (const task of measuredTasks) expect(recount(task.progress, seed.articles, seed.plan.year), task.number).toEqual([...ACTUAL_BY_HAND[task.number]!]);
  });

  test('/ban-chi-dao/ke-hoach redirects to the newest plan year', async () => {
    const years = ListPlanYears.ResponseSchema.parse((await getJson(cms('/api/cchc/committee/plans'))).body).data;
    const res = await fetch(site('/ban-chi-dao/ke-hoach'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!, site('/')).pathname).toBe(`/ban-chi-dao/ke-hoach/${Math.max(...years)}`);
  });

  test('shows the plan, its eleven top-level tasks and 5.1–5.6 inside task 5', async () => {
    const { status, headers, html } = await getPage(site(path));
    expect(status).toBe(200);
    expect(tagsOf(headers)).toEqual(expect.arrayContaining(['committee', 'latest']));
    expect(html).toContain(seed.plan.title);
    expect(html).toContain(`href="/ban-chi-dao/van-ban/${slugOf(planDecision)}"`);
    const topLevel = [...html.matchAll(/<section id="(nhiem-vu-[\d-]+)" class="plan-task plan-task--level-3"/g)].map((m) => m[1]);
    expect(topLevel).toEqual(Array.from({ length: 11 }, (_, i) => `nhiem-vu-${i + 1}`));
    const five = html.slice(html.indexOf('id="nhiem-vu-5"'), html.indexOf('id="nhiem-vu-6"'));
    for (const n of [1, 2, 3, 4, 5, 6]) expect(five).toContain(`<section id="nhiem-vu-5-${n}" class="plan-task plan-task--level-4"`);
  });

  test('every quarter of every measured task shows the hand-computed actual count, the plan and the verdict in words', async () => {
    const { html } = await getPage(site(path));
    // The seeded year is over: every quarter is past, so met or missed.
    expect(seed.plan.year).toBeLessThan(new Date(Date.now() + 7 * 3600_000).getUTCFullYear());
    for (const task of measuredTasks) {
      const rows = progressRows(html, task.number);
      expect(rows.map((r) => r.quarter), task.number).toEqual(['Quý I', 'Quý II', 'Quý III', 'Quý IV']);
      const hand = ACTUAL_BY_HAND[task.number]!;
      rows.forEach((row, i) => {
        expect(row.actual, `${task.number} ${row.quarter}`).toBe(hand[i]);
        expect(row.expected).toBe(task.progress.expectedPerQuarter);
        expect(row.verdict).toBe(hand[i]! >= task.progress.expectedPerQuarter ? '✓ Đạt' : '✗ Chưa đạt');
      });
    }
    // Quý II of the CCHC-column task (3) and of the agencies' task (6), spelled out.
    expect(progressRows(html, '3')[1]).toMatchObject({ quarter: 'Quý II', actual: 21 });
    expect(progressRows(html, '6')[1]).toMatchObject({ quarter: 'Quý II', actual: 15 });
  });

  test('the at-a-glance table repeats each measured quarter as mark, words and actual/plan', async () => {
    const { html } = await getPage(site(path));
    const glance = html.slice(html.indexOf('class="data-table plan-glance"'), html.indexOf('</table>', html.indexOf('class="data-table plan-glance"')));
    expect(glance).toMatch(/<caption>[^<]+<\/caption>/);
    for (const task of measuredTasks) {
      const anchor = `href="#nhiem-vu-${task.number.replace(/\./g, '-')}"`;
      const start = glance.indexOf(anchor);
      expect(start, task.number).toBeGreaterThan(0);
      const row = glance.slice(start, glance.indexOf('</tr>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const expected = task.progress.expectedPerQuarter;
      const cells = ACTUAL_BY_HAND[task.number]!.map((actual) => `${actual >= expected ? '✓ Đạt' : '✗ Chưa đạt'} (${actual}/${expected})`);
      expect(row, task.number).toContain(cells.join(' '));
    }
  });

  test.each(['1999', 'abc', '20245'])('/ban-chi-dao/ke-hoach/%s is the 404 page', async (year) => {
    expect((await getPage(site(`/ban-chi-dao/ke-hoach/${year}`))).status).toBe(404);
  });
});

/** Parses CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF after every record). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field === '' && row.length === 0, 'the file ends with CRLF').toBe(true);
  return rows;
}

/** The API's index series. */
async function apiIndices(): Promise<IndexSeries[]> {
  return ListIndices.ResponseSchema.parse((await getJson(cms('/api/cchc/committee/indices'))).body).data;
}

describe('reform indices', () => {
  test('the PAR Index data table carries every year, score and rank of the API, in Vietnamese notation', async () => {
    const par = (await apiIndices()).find((s) => s.code === 'par-index')!;
    expect(par.results.length).toBeGreaterThan(0);
    const { status, headers, html } = await getPage(site('/ban-chi-dao/chi-so'));
    expect(status).toBe(200);
    expect(tagsOf(headers)).toContain('committee');
    const table = html.slice(html.indexOf('id="bang-par-index"'), html.indexOf('</table>', html.indexOf('id="bang-par-index"')));
    expect(table).toMatch(/<caption>[^<]+<\/caption>/);
    const rows = [...table.matchAll(/<tr>\s*<th scope="row">(\d{4})<\/th>\s*<th scope="row"[^>]*>([^<]*)<\/th>\s*<td class="num">(.*?)<\/td>\s*<td class="num">(.*?)<\/td>/gs)].map(
      (m) => [Number(m[1]), m[2], m[3]!.replace(/<[^>]+>/g, ''), m[4]!.replace(/<[^>]+>/g, '')],
    );
    const missing = '—Không có số liệu';
    expect(rows).toEqual(
      par.results.map((r) => [
        r.year,
        r.subject,
        r.score === null ? missing : String(r.score).replace('.', ','),
        r.rank === null ? missing : r.outOf === null ? String(r.rank) : `${r.rank}/${r.outOf}`,
      ]),
    );
  });

  test('every index has its heading, score chart, table, CSV link and, when demo, the demo label', async () => {
    const series = await apiIndices();
    const { html } = await getPage(site('/ban-chi-dao/chi-so'));
    for (const s of series) {
      const start = html.indexOf(`<h2 id="chi-so-${s.code}">`);
      expect(start, s.code).toBeGreaterThan(0);
      const section = html.slice(start, html.indexOf('</section>', start));
      expect(section).toContain(s.label);
      expect(section).toContain(`aria-labelledby="chi-so-${s.code}-diem-title chi-so-${s.code}-diem-desc"`);
      expect(section).toContain(`id="bang-${s.code}"`);
      expect(section).toContain(`href="/ban-chi-dao/chi-so/${s.code}.csv"`);
      if (s.results.some((r) => r.demo)) expect(section).toContain('Dữ liệu minh họa');
      if (s.results.some((r) => r.rank !== null)) expect(section).toContain(`chi-so-${s.code}-hang-title`);
    }
  });

  test('each CSV parses and equals the API values, with dot decimals', async () => {
    for (const s of await apiIndices()) {
      const res = await fetch(site(`/ban-chi-dao/chi-so/${s.code}.csv`));
      expect(res.status, s.code).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.csv"$/);
      expect(tagsOf(res.headers)).toContain('committee');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(['Năm', 'Đối tượng', 'Điểm', 'Xếp hạng', 'Trên tổng số', 'Nguồn', 'Minh họa']);
      expect(rows).toEqual(
        s.results.map((r) => [String(r.year), r.subject, r.score === null ? '' : String(r.score), r.rank === null ? '' : String(r.rank), r.outOf === null ? '' : String(r.outOf), r.sourceNote, r.demo ? 'có' : 'không']),
      );
      for (const [row, r] of rows.map((row, i) => [row, s.results[i]!] as const)) if (r.score !== null) expect(Number(row[2])).toBe(r.score);
    }
  });

  test('an unknown index CSV is a 404', async () => {
    expect((await fetch(site('/ban-chi-dao/chi-so/khong-co.csv'))).status).toBe(404);
  });
});
