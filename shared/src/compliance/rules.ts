/**
 * The plan's compliance rules, as data. The numbers follow the appendix of the provincial
 * CCHC communication plan (the demo seed is Decision 854/QĐ-UBND of Bình Định); a plan that
 * numbers its tasks differently changes these constants, not the arithmetic.
 */
import type { ComplianceStatus } from '../contracts/compliance.js';
import type { ArticleFormat } from '../domain/formats.js';
import type { ReformAreaCode } from '../domain/reform-areas.js';

/** Pieces an agency must send in per quarter to comply: the plan asks every agency for news once per quarter. */
export const MIN_PIECES_PER_QUARTER = 1;

/** The appendix task "one thematic reportage per quarter"; its lead agency is the radio-TV station. */
export const REPORTAGE_TASK_NUMBER = '4';

/** The format a reportage is filed under. */
export const REPORTAGE_FORMAT: ArticleFormat = 'phong-su';

/** Reportages task 4 asks for each quarter. */
export const REPORTAGES_PER_QUARTER = 1;

/** Appendix tasks 5.1, 5.2, …: news on each reform area, each task with its lead agency. */
export const AREA_TASK_PATTERN = /^5\.\d+$/;

/**
 * Reform areas of each task 5.x, used only when no reform area names one of the task's
 * lead agencies as its own lead (the normal way to match them, so a renamed or merged
 * agency keeps working). 5.3 covers two areas with one lead; 5.6 (economy, enterprises,
 * investment) has no area of its own, so its pieces are those sent by its lead agencies.
 */
export const AREA_TASK_FALLBACK: Readonly<Record<string, readonly ReformAreaCode[]>> = {
  '5.1': ['the-che'],
  '5.2': ['thu-tuc-hanh-chinh'],
  '5.3': ['to-chuc-bo-may', 'cong-vu'],
  '5.4': ['tai-chinh-cong'],
  '5.5': ['chinh-quyen-so'],
  '5.6': [],
};

/** Vietnamese labels of the statuses, as the page and the exports print them. */
export const COMPLIANCE_STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  exempt: 'Miễn',
};
