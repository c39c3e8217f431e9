/**
 * The quarterly compliance report (GET /cchc/compliance) against the seeded demo data:
 * every figure is recomputed here from the seed JSON, independently of the plugin.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ARTICLE_FORMATS, GetCompliance, quarterOf, type ComplianceReport } from '../../shared/src/index.js';
import { contentManager } from '../support/api.js';
import { seed, type SeedArticle } from '../support/seed.js';

// exceljs is CommonJS without named exports Node can detect: required, with its own types.
const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

const YEAR = seed.plan.year;
const QUARTERS = [1, 2, 3, 4] as const;
const SILENT_AGENCY = 'ubnd-huyen-vinh-thanh';
const EXEMPTION_UID = 'plugin::cchc.compliance-exemption';

/** The seed files carry more fields than tests/support/seed.ts types. */
const agencies = seed.agencies as Array<{ slug: string; name: string; active: boolean }>;
const areas = seed.taxonomy.reformAreas as Array<{ code: string; name: string }>;
const tasks = seed.plan.tasks as Array<{ number: string; leadAgencies: string[] }>;

/** The plan's appendix: the reform areas of each task 5.x ([] means counted by its lead agencies). */
const TASK_AREAS: Record<string, string[]> = {
  '5.1': ['the-che'],
  '5.2': ['thu-tuc-hanh-chinh'],
  '5.3': ['to-chuc-bo-may', 'cong-vu'],
  '5.4': ['tai-chinh-cong'],
  '5.5': ['chinh-quyen-so'],
  '5.6': [],
};

const url = (query: string) => `${inject('cmsUrl')}/cchc/compliance?${query}`;
const auth = (token = inject('adminTokens').admin) => ({ authorization: `Bearer ${token}` });

async function report(quarter: number, token?: string): Promise<ComplianceReport> {
  const res = await fetch(url(`year=${YEAR}&quarter=${quarter}`), { headers: auth(token) });
  expect(res.status).toBe(200);
  return GetCompliance.ResponseSchema.parse(await res.json()).data;
}

/** Seeded articles dated in a quarter of the plan's year (Asia/Ho_Chi_Minh); the seed sends in and publishes them that day. */
const inQuarter = (quarter: number) =>
  seed.articles.filter((a) => {
    const q = quarterOf(new Date(a.publishedAt));
    return q.year === YEAR && q.quarter === quarter;
  });

const countBy = <T,>(items: T[], keys: string[], has: (item: T, key: string) => boolean) => Object.fromEntries(keys.map((k) => [k, items.filter((i) => has(i, k)).length]));

/** What a row should say, from the seed alone. */
function expectedRow(slug: string, articles: SeedArticle[]) {
  const own = articles.filter((a) => a.agency === slug);
  return {
    submitted: own.length,
    published: own.length,
    byArea: countBy(own, areas.map((a) => a.code), (a, code) => a.areas.includes(code)),
    byFormat: countBy(own, ARTICLE_FORMATS.map((f) => f.code), (a, format) => a.format === format),
    status: own.length > 0 ? 'met' : 'not-met',
  };
}

describe.each(QUARTERS)(`report of quarter %i of the seeded year`, (quarter) => {
  let data: ComplianceReport;
  const articles = inQuarter(quarter);
  beforeAll(async () => {
    data = await report(quarter);
  });

  test('a row per active agency, each equal to a count of the seed', () => {
    const active = agencies.filter((a) => a.active !== false);
    expect(data.rows.map((r) => r.agency.slug).sort()).toEqual(active.map((a) => a.slug).sort());
    for (const row of data.rows) {
      const { submitted, published, byArea, byFormat, status } = row;
      expect({ submitted, published, byArea, byFormat, status }, row.agency.slug).toEqual(expectedRow(row.agency.slug, articles));
    }
  });

  test('some agencies met the quarter and some did not; the silent ones are listed', () => {
    expect(data.totals.met).toBeGreaterThan(0);
    expect(data.totals.notMet).toBeGreaterThan(0);
    expect(data.totals.submitted).toBe(articles.length);
    expect(data.rows.find((r) => r.agency.slug === SILENT_AGENCY)?.status).toBe('not-met');
    const silent = agencies.filter((a) => a.active !== false && !articles.some((x) => x.agency === a.slug)).map((a) => a.slug);
    expect(data.silent.map((s) => s.slug).sort()).toEqual(silent.sort());
  });

  test("task 4 counts the radio-TV station's reportages (the lead of task 4 in the plan)", () => {
    const leads = tasks.find((t) => t.number === '4')!.leadAgencies;
    const count = articles.filter((a) => a.format === 'phong-su' && leads.includes(a.agency)).length;
    expect(data.reportage).toMatchObject({ number: '4', count, met: count >= 1, target: 1 });
    expect(data.reportage?.leadAgencies.map((a) => a.slug)).toEqual(leads);
  });

  test('tasks 5.1–5.6 count the published pieces of their areas, each piece once', () => {
    expect(data.areaTasks.map((t) => t.number)).toEqual(Object.keys(TASK_AREAS));
    for (const task of data.areaTasks) {
      const leads = tasks.find((t) => t.number === task.number)!.leadAgencies;
      const codes = TASK_AREAS[task.number]!;
      const counted = codes.length > 0 ? articles.filter((a) => a.areas.some((c) => codes.includes(c))) : articles.filter((a) => leads.includes(a.agency));
      expect(task.areas.map((a) => a.code), task.number).toEqual(codes);
      expect(task.leadAgencies.map((a) => a.slug), task.number).toEqual(leads);
      expect([task.count, task.fromLeadAgencies], task.number).toEqual([counted.length, counted.filter((a) => leads.includes(a.agency)).length]);
    }
  });
});

test(`${SILENT_AGENCY} sent nothing all year`, async () => {
  for (const quarter of QUARTERS) {
    const data = await report(quarter);
    expect(data.silent.map((s) => s.slug), `Q${quarter}`).toContain(SILENT_AGENCY);
  }
});

describe('exemptions', () => {
  const created: string[] = [];
  let exemptions: ReturnType<typeof contentManager>;

  beforeAll(() => {
    exemptions = contentManager(inject('cmsUrl'), inject('adminTokens').admin, EXEMPTION_UID);
  });

  afterAll(async () => {
    for (const documentId of created) expect((await exemptions.remove(documentId)).status).toBe(200);
  });

  test('an exemption made in the Content Manager turns the agency exempt for that quarter only', async () => {
    const agencyList = contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.agency');
    const found = await agencyList.list(`&filters[slug][$eq]=${SILENT_AGENCY}`);
    const reason = 'Đang kiện toàn bộ phận phụ trách truyền thông';
    const made = await exemptions.create({ agency: { connect: [{ documentId: found.body.results[0].documentId }] }, year: YEAR, quarter: 2, reason });
    expect(made.status).toBe(201);
    created.push(made.body.data.documentId);

    const q2 = await report(2);
    const row = q2.rows.find((r) => r.agency.slug === SILENT_AGENCY)!;
    expect([row.status, row.exemptionReason]).toEqual(['exempt', reason]);
    expect(q2.silent.find((s) => s.slug === SILENT_AGENCY)?.exempt).toBe(true);
    expect(q2.totals.exempt).toBe(1);
    const q1 = await report(1);
    expect(q1.rows.find((r) => r.agency.slug === SILENT_AGENCY)?.status).toBe('not-met');
  });
});

/** Splits CSV text (RFC 4180: CRLF records, quoted fields with doubled quotes) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** The first columns of the agencies table, then the area and format columns, then status. */
function expectedRecords(data: ComplianceReport): string[][] {
  const status = { met: 'Đạt', 'not-met': 'Chưa đạt', exempt: 'Miễn' } as const;
  return data.rows.map((r) => [
    r.agency.name,
    String(r.submitted),
    String(r.published),
    ...data.areas.map((a) => String(r.byArea[a.code])),
    ...data.formats.map((f) => String(r.byFormat[f.code])),
    status[r.status],
  ]);
}

/** Drops the kind column and the reason column of an exported record. */
const comparable = (record: string[]) => [record[0]!, ...record.slice(2, -1)];

describe('exports carry the numbers of the JSON', () => {
  let data: ComplianceReport;
  beforeAll(async () => {
    data = await report(1);
  });

  test('CSV: UTF-8 with BOM, Vietnamese headers, an attachment named after the quarter', async () => {
    const res = await fetch(url(`year=${YEAR}&quarter=1&format=csv`), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-tuan-thu-${YEAR}-q1.csv"; filename*=UTF-8''bao-cao-tuan-thu-${YEAR}-q1.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [headers, ...records] = parseCsv(new TextDecoder().decode(bytes) /* drops the BOM */);
    expect(headers).toEqual([
      'Cơ quan, đơn vị', 'Loại', 'Đã gửi', 'Đã đăng',
      ...data.areas.map((a) => a.name), ...data.formats.map((f) => f.label),
      'Trạng thái', 'Lý do miễn',
    ]);
    expect(records.slice(0, -1).map(comparable)).toEqual(expectedRecords(data));
    expect(records.at(-1)?.slice(0, 4)).toEqual(['Tổng cộng', '', String(data.totals.submitted), String(data.totals.published)]);
  });

  test('XLSX: the same headers and numbers, and a sheet for tasks 4 and 5.x', async () => {
    const res = await fetch(url(`year=${YEAR}&quarter=1&format=xlsx`), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-tuan-thu-${YEAR}-q1.xlsx"; filename*=UTF-8''bao-cao-tuan-thu-${YEAR}-q1.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const values = (sheet: import('exceljs').Worksheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const agenciesSheet = workbook.getWorksheet('Báo cáo quý');
    expect(agenciesSheet).toBeDefined();
    const [headers, ...records] = values(agenciesSheet!);
    expect(headers?.slice(0, 4)).toEqual(['Cơ quan, đơn vị', 'Loại', 'Đã gửi', 'Đã đăng']);
    expect(headers?.at(-2)).toBe('Trạng thái');
    expect(records.slice(0, -1).map((r) => comparable(r.length < headers!.length ? [...r, ''] : r))).toEqual(expectedRecords(data));

    const tasksSheet = workbook.worksheets[1]!;
    const [, ...taskRows] = values(tasksSheet);
    expect(taskRows.map((r) => [r[0], r[4]])).toEqual([
      ['4', String(data.reportage?.count)],
      ...data.areaTasks.map((t) => [t.number, String(t.count)]),
    ]);
  });
});

describe('the quarter the admin page opens on', () => {
  test('is that of the latest piece sent in', async () => {
    const res = await fetch(`${inject('cmsUrl')}/cchc/compliance/latest-period`, { headers: auth() });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { year: number; quarter: number } };
    const latestSeeded = quarterOf(new Date(seed.articles.map((a) => a.publishedAt).sort().at(-1)!));
    // Other suites may have sent pieces in today, which would make today's quarter the latest.
    expect([latestSeeded, quarterOf(new Date())]).toContainEqual(data);
  });

  test('is not for agency contributors', async () => {
    const res = await fetch(`${inject('cmsUrl')}/cchc/compliance/latest-period`, { headers: auth(inject('adminTokens').tuPhap) });
    expect(res.status).toBe(403);
  });
});

describe('access and validation', () => {
  test.each([
    ['an editor', 'editor'],
    ['an agency contributor', 'tuPhap'],
  ] as const)('%s may not read it, and is told why', async (_who, account) => {
    const res = await fetch(url(`year=${YEAR}&quarter=1`), { headers: auth(inject('adminTokens')[account]) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('Ban chỉ đạo');
  });

  test.each([
    ['no token', {}],
    ['a forged token', { authorization: 'Bearer not-a-token' }],
  ])('%s is answered 401', async (_, headers) => {
    const res = await fetch(url(`year=${YEAR}&quarter=1`), { headers });
    expect(res.status).toBe(401);
  });

  test.each([
    ['quarter=1', 'year'],
    ['year=1989&quarter=1', 'year'],
    ['year=abc&quarter=1', 'year'],
    [`year=${YEAR}`, 'quarter'],
    [`year=${YEAR}&quarter=5`, 'quarter'],
    [`year=${YEAR}&quarter=1&format=pdf`, 'format'],
  ])('%s is answered 400 naming "%s" in Vietnamese', async (query, parameter) => {
    const res = await fetch(url(query), { headers: auth() });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`Tham số "${parameter}"`);
  });
});
