/**
 * The quarterly compliance arithmetic against a fixture computed by hand (the expected
 * figures below were counted from the cells, not produced by the code).
 */
import { describe, expect, test } from 'vitest';
import {
  COMPLIANCE_HEADERS,
  GetCompliance,
  areasOfTask,
  complianceFileName,
  complianceStatus,
  complianceTable,
  computeCompliance,
  csvField,
  tasksTable,
  toCsv,
  type ComplianceInput,
  reportTallies,
  type PublishedTally,
  type ComplianceRow,
  type CompliancePlanTaskInput,
} from '../../../shared/src/index.js';

const agency = (slug: string, name: string, kind: ComplianceInput['agencies'][number]['kind'], active = true) => ({ slug, name, shortName: name, kind, active });

/** Seven active agencies of four kinds, and one retired agency that still leads task 5.6. */
/** Published pieces of the fixture's quarter (2024 Q2), counted by group. */
const tally = (t: Pick<PublishedTally, 'agency' | 'format' | 'areas' | 'count'>): PublishedTally => ({ year: 2024, quarter: 2, topics: [], ...t });

const FIXTURE: ComplianceInput = {
  year: 2024,
  quarter: 2,
  agencies: [
    agency('dai-ptth', 'Đài Phát thanh và Truyền hình', 'press'),
    agency('so-tu-phap', 'Sở Tư pháp', 'department'),
    agency('ubnd-b', 'UBND huyện Vĩnh Thạnh', 'district-committee'),
    agency('so-noi-vu', 'Sở Nội vụ', 'department'),
    agency('van-phong', 'Văn phòng UBND tỉnh', 'department'),
    agency('so-cu', 'Sở Cũ', 'department', false),
    agency('ubnd-a', 'UBND huyện An Lão', 'district-committee'),
    agency('so-ke-hoach', 'Sở Kế hoạch và Đầu tư', 'department'),
  ],
  areas: [
    { code: 'cong-vu', name: 'Cải cách chế độ công vụ', order: 4, leadAgency: 'so-noi-vu' },
    { code: 'the-che', name: 'Cải cách thể chế', order: 1, leadAgency: 'so-tu-phap' },
    // No lead agency recorded: task 5.2 finds this area through the fallback table.
    { code: 'thu-tuc-hanh-chinh', name: 'Cải cách thủ tục hành chính', order: 2, leadAgency: null },
    { code: 'to-chuc-bo-may', name: 'Cải cách tổ chức bộ máy', order: 3, leadAgency: 'so-noi-vu' },
  ],
  tasks: [
    { number: '5.3', title: 'Tổ chức bộ máy, công vụ', order: 8, leadAgencies: ['so-noi-vu'] },
    { number: '4', title: 'Phóng sự chuyên đề', order: 4, leadAgencies: ['dai-ptth'] },
    { number: '5.1', title: 'Thể chế', order: 6, leadAgencies: ['so-tu-phap'] },
    { number: '6', title: 'Kết quả CCHC của cơ quan', order: 12, leadAgencies: ['so-noi-vu'] },
    { number: '5.6', title: 'Kinh tế, doanh nghiệp', order: 11, leadAgencies: ['so-ke-hoach', 'so-cu'] },
    { number: '5.2', title: 'Thủ tục hành chính', order: 7, leadAgencies: ['van-phong'] },
  ],
  submitted: [
    { agency: 'so-tu-phap', count: 3 },
    { agency: 'so-tu-phap', count: 1 },
    { agency: 'so-noi-vu', count: 3 },
    { agency: 'dai-ptth', count: 2 },
    { agency: 'so-ke-hoach', count: 1 },
    { agency: 'ubnd-a', count: 1 },
    { agency: 'so-cu', count: 1 },
  ],
  published: reportTallies([
    /* 1 */ tally({ agency: 'so-tu-phap', format: 'bai-viet', areas: ['the-che'], count: 2 }),
    /* 2 */ tally({ agency: 'so-tu-phap', format: 'infographic', areas: ['the-che', 'thu-tuc-hanh-chinh'], count: 1 }),
    /* 3 */ tally({ agency: 'so-noi-vu', format: 'tin-ngan', areas: ['to-chuc-bo-may', 'cong-vu'], count: 2 }),
    /* 4 */ tally({ agency: 'so-noi-vu', format: 'tin-ngan', areas: ['cong-vu'], count: 1 }),
    /* 5 */ tally({ agency: 'dai-ptth', format: 'phong-su', areas: ['thu-tuc-hanh-chinh'], count: 1 }),
    /* 6 */ tally({ agency: 'dai-ptth', format: 'video-clip', areas: ['to-chuc-bo-may'], count: 1 }),
    /* 7 */ tally({ agency: 'so-ke-hoach', format: 'bai-viet', areas: [], count: 1 }),
    /* 8 */ tally({ agency: 'so-cu', format: 'phong-su', areas: ['the-che'], count: 1 }),
    /* 9 */ tally({ agency: null, format: 'tin-ngan', areas: ['thu-tuc-hanh-chinh'], count: 2 }),
    /* 10 */ tally({ agency: 'ubnd-a', format: 'hoi-dap', areas: ['the-che'], count: 1 }),
  ]),
  exemptions: [
    { agency: 'ubnd-b', reason: 'Đang sáp nhập đơn vị hành chính' },
    { agency: 'so-cu', reason: 'Đã giải thể' },
  ],
};

const report = computeCompliance(FIXTURE);
const rowOf = (slug: string) => report.rows.find((r) => r.agency.slug === slug)!;
const zeroAreas = { 'the-che': 0, 'thu-tuc-hanh-chinh': 0, 'to-chuc-bo-may': 0, 'cong-vu': 0 };
const zeroFormats = { 'tin-ngan': 0, 'bai-viet': 0, 'phong-su': 0, 'video-clip': 0, infographic: 0, 'an-pham': 0, 'ban-tin-phat-thanh': 0, 'pano-ap-phich': 0, 'hoi-dap': 0 };

describe('computeCompliance: agencies', () => {
  test('a row per active agency, by kind (departments first) then Vietnamese name', () => {
    expect(report.rows.map((r) => r.agency.slug)).toEqual(['so-ke-hoach', 'so-noi-vu', 'so-tu-phap', 'van-phong', 'ubnd-a', 'ubnd-b', 'dai-ptth']);
  });

  test.each<[string, Pick<ComplianceRow, 'submitted' | 'published' | 'status'>, Partial<ComplianceRow['byArea']>, Partial<ComplianceRow['byFormat']>]>([
    ['so-ke-hoach', { submitted: 1, published: 1, status: 'met' }, {}, { 'bai-viet': 1 }],
    ['so-noi-vu', { submitted: 3, published: 3, status: 'met' }, { 'to-chuc-bo-may': 2, 'cong-vu': 3 }, { 'tin-ngan': 3 }],
    ['so-tu-phap', { submitted: 4, published: 3, status: 'met' }, { 'the-che': 3, 'thu-tuc-hanh-chinh': 1 }, { 'bai-viet': 2, infographic: 1 }],
    ['van-phong', { submitted: 0, published: 0, status: 'not-met' }, {}, {}],
    ['ubnd-a', { submitted: 1, published: 1, status: 'met' }, { 'the-che': 1 }, { 'hoi-dap': 1 }],
    ['ubnd-b', { submitted: 0, published: 0, status: 'exempt' }, {}, {}],
    ['dai-ptth', { submitted: 2, published: 2, status: 'met' }, { 'thu-tuc-hanh-chinh': 1, 'to-chuc-bo-may': 1 }, { 'phong-su': 1, 'video-clip': 1 }],
  ])('%s', (slug, figures, byArea, byFormat) => {
    const row = rowOf(slug);
    expect({ submitted: row.submitted, published: row.published, status: row.status }).toEqual(figures);
    expect(row.byArea).toEqual({ ...zeroAreas, ...byArea });
    expect(row.byFormat).toEqual({ ...zeroFormats, ...byFormat });
  });

  test('an exemption carries its reason; a retired agency has no row even when exempt', () => {
    expect(rowOf('ubnd-b').exemptionReason).toBe('Đang sáp nhập đơn vị hành chính');
    expect(rowOf('van-phong').exemptionReason).toBeNull();
    expect(report.rows.some((r) => r.agency.slug === 'so-cu')).toBe(false);
  });

  test('the agencies that sent nothing, exempt ones flagged', () => {
    expect(report.silent.map((s) => [s.slug, s.exempt])).toEqual([
      ['van-phong', false],
      ['ubnd-b', true],
    ]);
  });

  test('totals over the rows', () => {
    expect(report.totals).toEqual({ agencies: 7, met: 5, notMet: 1, exempt: 1, submitted: 11, published: 10 });
  });

  test('the quarter, its label and its interval in Vietnam', () => {
    expect([report.year, report.quarter, report.label, report.from, report.to]).toEqual([2024, 2, 'Quý II/2024', '2024-03-31T17:00:00.000Z', '2024-06-30T17:00:00.000Z']);
    expect(report.areas.map((a) => a.code)).toEqual(['the-che', 'thu-tuc-hanh-chinh', 'to-chuc-bo-may', 'cong-vu']);
    expect(report.formats).toHaveLength(9);
  });

  test('the report satisfies its contract', () => {
    expect(GetCompliance.ResponseSchema.safeParse({ data: report }).success).toBe(true);
  });
});

describe('computeCompliance: plan tasks', () => {
  test("task 4 counts the radio-TV station's reportages, not another agency's", () => {
    expect(report.reportage).toEqual({
      number: '4',
      title: 'Phóng sự chuyên đề',
      leadAgencies: [{ slug: 'dai-ptth', name: 'Đài Phát thanh và Truyền hình', shortName: 'Đài Phát thanh và Truyền hình' }],
      format: 'phong-su',
      target: 1,
      count: 1,
      met: true,
    });
  });

  test.each([
    // number, areas, basis, count, from lead agencies
    ['5.1', ['the-che'], 'areas', 5, 3],
    ['5.2', ['thu-tuc-hanh-chinh'], 'areas', 4, 0],
    // Cells 3 (two areas, 2 pieces), 4 and 6: each piece once, not 3 + 3.
    ['5.3', ['to-chuc-bo-may', 'cong-vu'], 'areas', 4, 3],
    ['5.6', [], 'lead-agencies', 2, 2],
  ])('task %s covers %j by %s: %i published, %i by its leads', (number, areas, basis, count, fromLeads) => {
    const task = report.areaTasks.find((t) => t.number === number)!;
    expect(task.areas.map((a) => a.code)).toEqual(areas);
    expect([task.basis, task.count, task.fromLeadAgencies]).toEqual([basis, count, fromLeads]);
  });

  test('tasks 5.x only, in plan order, with their lead agencies (retired ones included)', () => {
    expect(report.areaTasks.map((t) => t.number)).toEqual(['5.1', '5.2', '5.3', '5.6']);
    expect(report.areaTasks[3]!.leadAgencies.map((a) => a.slug)).toEqual(['so-ke-hoach', 'so-cu']);
  });

  test('a year without a plan has no task figures, and its agencies still get rows', () => {
    const without = computeCompliance({ ...FIXTURE, tasks: [] });
    expect(without.reportage).toBeNull();
    expect(without.areaTasks).toEqual([]);
    expect(without.rows).toHaveLength(7);
  });

  test('task 4 is not met without a reportage from its lead agency', () => {
    const { byFormat, byAreas } = FIXTURE.published;
    const none = computeCompliance({ ...FIXTURE, published: { byFormat: byFormat.filter((c) => c.agency !== 'dai-ptth'), byAreas } });
    expect([none.reportage?.count, none.reportage?.met]).toEqual([0, false]);
  });
});

describe('areasOfTask', () => {
  const areas = FIXTURE.areas;
  const task = (number: string, leadAgencies: string[]): CompliancePlanTaskInput => ({ number, title: '', order: 0, leadAgencies });
  test.each([
    ['led areas win over the table', task('5.1', ['so-noi-vu']), ['cong-vu', 'to-chuc-bo-may']],
    ['the table when no area names a lead', task('5.2', ['van-phong']), ['thu-tuc-hanh-chinh']],
    ['nothing when the table names an area the data lacks', task('5.4', ['so-tai-chinh']), []],
    ['nothing for a task with no area', task('5.6', ['so-ke-hoach']), []],
    ['nothing for a number the table does not know', task('5.9', []), []],
  ])('%s', (_, t, expected) => {
    expect(areasOfTask(t, areas).map((a) => a.code)).toEqual(expected);
  });
});

test.each([
  [0, false, 'not-met'],
  [1, false, 'met'],
  [5, false, 'met'],
  [0, true, 'exempt'],
  [3, true, 'exempt'],
] as const)('complianceStatus(%i sent, exempt %s) is %s', (sent, exempt, status) => {
  expect(complianceStatus(sent, exempt)).toBe(status);
});

describe('tables for the exports', () => {
  const table = complianceTable(report);

  test('Vietnamese headers: agency, kind, counts, one column per area and per format, status', () => {
    expect(table.headers).toEqual([
      'Cơ quan, đơn vị', 'Loại', 'Đã gửi', 'Đã đăng',
      'Cải cách thể chế', 'Cải cách thủ tục hành chính', 'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ',
      'Tin ngắn', 'Bài viết', 'Phóng sự', 'Video clip', 'Infographic', 'Ấn phẩm', 'Bản tin phát thanh', 'Pano, áp phích', 'Hỏi đáp',
      'Trạng thái', 'Lý do miễn',
    ]);
  });

  test('a row carries the same numbers as the report, then a total row', () => {
    expect(table.rows[2]).toEqual(['Sở Tư pháp', 'Sở, ban, ngành', 4, 3, 3, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 'Đạt', '']);
    expect(table.rows[5]).toEqual(['UBND huyện Vĩnh Thạnh', 'UBND cấp huyện', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'Miễn', 'Đang sáp nhập đơn vị hành chính']);
    expect(table.rows[3]!.at(-2)).toBe('Chưa đạt');
    expect(table.rows.at(-1)).toEqual([COMPLIANCE_HEADERS.total, '', 11, 10, 4, 2, 3, 3, 3, 3, 1, 1, 1, 0, 0, 0, 1, '', '']);
  });

  test('the tasks table: task 4 with its target, then 5.x', () => {
    const tasks = tasksTable(report);
    expect(tasks.rows.map((r) => r.slice(0, 1).concat(r.slice(3)))).toEqual([
      ['4', 'Phóng sự', 1, 1, 1, 'Đạt'],
      ['5.1', 'Cải cách thể chế', 5, 3, '', ''],
      ['5.2', 'Cải cách thủ tục hành chính', 4, 0, '', ''],
      ['5.3', 'Cải cách tổ chức bộ máy; Cải cách chế độ công vụ', 4, 3, '', ''],
      ['5.6', 'Tin bài của cơ quan chủ trì', 2, 2, '', ''],
    ]);
  });

  test('file names', () => {
    expect(complianceFileName(2024, 1, 'csv')).toBe('bao-cao-tuan-thu-2024-q1.csv');
    expect(complianceFileName(2025, 4, 'xlsx')).toBe('bao-cao-tuan-thu-2025-q4.xlsx');
  });
});

describe('CSV (RFC 4180)', () => {
  test.each([
    ['Sở Nội vụ', 'Sở Nội vụ'],
    ['Cơ quan, đơn vị', '"Cơ quan, đơn vị"'],
    ['Báo "Bình Định"', '"Báo ""Bình Định"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
    [0, '0'],
    [1234, '1234'],
  ])('%j → %s', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  test('records end with CRLF', () => {
    expect(toCsv([['a', 1], ['b,c', 2]])).toBe('a,1\r\n"b,c",2\r\n');
  });
});

describe('GetCompliance.QuerySchema', () => {
  test('parses year and quarter, format defaults to json', () => {
    expect(GetCompliance.QuerySchema.parse({ year: '2024', quarter: '1' })).toEqual({ year: 2024, quarter: 1, format: 'json' });
    expect(GetCompliance.QuerySchema.parse({ year: '2024', quarter: '4', format: 'xlsx' }).format).toBe('xlsx');
  });

  test.each([
    [{ quarter: '1' }, 'year'],
    [{ year: '1989', quarter: '1' }, 'year'],
    [{ year: '2101', quarter: '1' }, 'year'],
    [{ year: 'abc', quarter: '1' }, 'year'],
    [{ year: '2024' }, 'quarter'],
    [{ year: '2024', quarter: '0' }, 'quarter'],
    [{ year: '2024', quarter: '5' }, 'quarter'],
    [{ year: '2024', quarter: ['1', '2'] }, 'quarter'],
    [{ year: '2024', quarter: '1', format: 'pdf' }, 'format'],
  ])('refuses %j with a message naming "%s"', (query, field) => {
    const result = GetCompliance.QuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(`"${field}"`);
  });
});
