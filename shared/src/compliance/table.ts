/**
 * The report as tables, for the CSV and XLSX files: one place decides the Vietnamese
 * headers and the numbers, so both files carry exactly what the JSON says.
 */
import type { ComplianceReport } from '../contracts/compliance.js';
import { agencyKindLabel } from '../domain/agency-kinds.js';
import { formatLabel } from '../domain/formats.js';
import type { Cell } from '../text/csv.js';
import type { Quarter } from '../time/quarters.js';
import { COMPLIANCE_STATUS_LABELS } from './rules.js';

/** A table: headers and rows of cells. */
export interface Table {
  headers: string[];
  rows: Cell[][];
}

/** Headers of the agencies table that come before and after the area and format columns. */
export const COMPLIANCE_HEADERS = {
  agency: 'Cơ quan, đơn vị',
  kind: 'Loại',
  submitted: 'Đã gửi',
  published: 'Đã đăng',
  status: 'Trạng thái',
  reason: 'Lý do miễn',
  total: 'Tổng cộng',
} as const;

/** Headers of the tasks table. */
export const TASK_HEADERS = ['Nhiệm vụ', 'Nội dung', 'Cơ quan chủ trì', 'Lĩnh vực, hình thức', 'Số tin bài đã đăng', 'Trong đó của cơ quan chủ trì', 'Chỉ tiêu', 'Kết quả'] as const;

/** What a task 5.x with no reform area of its own counts. */
const LEAD_AGENCIES_BASIS = 'Tin bài của cơ quan chủ trì';

/**
 * A row per active agency (published pieces split by area, then by format), then a total row.
 */
export function complianceTable(report: ComplianceReport): Table {
  const h = COMPLIANCE_HEADERS;
  const headers = [h.agency, h.kind, h.submitted, h.published, ...report.areas.map((a) => a.name), ...report.formats.map((f) => f.label), h.status, h.reason];
  const rows: Cell[][] = report.rows.map((r) => [
    r.agency.name,
    agencyKindLabel(r.kind),
    r.submitted,
    r.published,
    ...report.areas.map((a) => r.byArea[a.code] ?? 0),
    ...report.formats.map((f) => r.byFormat[f.code]),
    COMPLIANCE_STATUS_LABELS[r.status],
    r.exemptionReason ?? '',
  ]);
  const total = (i: number) => rows.reduce((n, r) => n + Number(r[i]), 0);
  const counted = headers.length - 4;
  rows.push([h.total, '', ...Array.from({ length: counted }, (_, i) => total(i + 2)), '', '']);
  return { headers, rows };
}

/** Headers of the questions table. */
export const QUESTION_FIGURE_HEADERS = ['Cơ quan trả lời', 'Câu hỏi nhận trong quý', 'Trả lời đúng hạn', 'Trả lời trễ hạn', 'Chưa trả lời', 'Trong đó quá hạn'] as const;
/** The row of questions not yet given to an agency. */
export const UNASSIGNED_QUESTIONS_LABEL = 'Chưa chuyển cơ quan trả lời';

/** Citizens' questions of the quarter per answering agency, then the total. */
export function questionsTable(report: ComplianceReport): Table {
  const q = report.questions;
  const rows: Cell[][] = q.rows.map((r) => [r.agency.name, r.received, r.onTime, r.late, r.open, r.overdue]);
  if (q.unassigned > 0) rows.push([UNASSIGNED_QUESTIONS_LABEL, q.unassigned, '', '', '', '']);
  rows.push(['Tổng cộng', q.totals.received + q.unassigned, q.totals.onTime, q.totals.late, q.totals.open, q.totals.overdue]);
  return { headers: [...QUESTION_FIGURE_HEADERS], rows };
}

/** Tasks 4 and 5.x: what each counts, its lead agencies, its figure and, for task 4, the target. */
export function tasksTable(report: ComplianceReport): Table {
  const leads = (names: Array<{ name: string }>) => names.map((a) => a.name).join('; ');
  const rows: Cell[][] = [];
  const r4 = report.reportage;
  if (r4) {
    const result = r4.met ? COMPLIANCE_STATUS_LABELS.met : COMPLIANCE_STATUS_LABELS['not-met'];
    rows.push([r4.number, r4.title, leads(r4.leadAgencies), formatLabel(r4.format), r4.count, r4.count, r4.target, result]);
  }
  for (const t of report.areaTasks) {
    const scope = t.basis === 'areas' ? t.areas.map((a) => a.name).join('; ') : LEAD_AGENCIES_BASIS;
    rows.push([t.number, t.title, leads(t.leadAgencies), scope, t.count, t.fromLeadAgencies, '', '']);
  }
  return { headers: [...TASK_HEADERS], rows };
}

/**
 * The file name of an exported report.
 * @example complianceFileName(2024, 1, 'csv') === 'bao-cao-tuan-thu-2024-q1.csv'
 */
export function complianceFileName(year: number, quarter: Quarter, extension: 'csv' | 'xlsx'): string {
  return `bao-cao-tuan-thu-${year}-q${quarter}.${extension}`;
}
