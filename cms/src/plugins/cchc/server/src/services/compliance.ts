/** The quarterly compliance report: load the aggregated counts, compute, serve as JSON, CSV or XLSX. */
import { complianceFileName, computeCompliance, quarterOf, type ComplianceReport, type GetCompliance, type Quarter } from '@cchc/shared';
import type { ComplianceRepository } from '../repositories/compliance.js';
import { FILE_TYPES, complianceCsv, complianceXlsx } from './compliance-files.js';

/** What the controller sends: a JSON body, or a file with its type and name. */
export type ComplianceResponse =
  | { kind: 'json'; body: GetCompliance.Response }
  | { kind: 'file'; body: string | Buffer; contentType: string; fileName: string };

/** Creates the compliance service. */
export function createComplianceService({ repository }: { repository: ComplianceRepository }) {
  const report = async (year: number, quarter: Quarter): Promise<ComplianceReport> => computeCompliance(await repository.load(year, quarter));
  return {
    report,

    /** The quarter the admin page opens on: that of the latest piece sent in, else the current one. */
    async latestPeriod(now = new Date()): Promise<{ year: number; quarter: Quarter }> {
      return (await repository.latestSubmittedQuarter()) ?? quarterOf(now);
    },

    /** The report of a quarter in the format asked for. */
    async respond({ year, quarter, format }: GetCompliance.Query): Promise<ComplianceResponse> {
      const data = await report(year, quarter);
      switch (format) {
        case 'json':
          return { kind: 'json', body: { data } };
        case 'csv':
          return { kind: 'file', body: complianceCsv(data), contentType: FILE_TYPES.csv, fileName: complianceFileName(year, quarter, 'csv') };
        case 'xlsx':
          return { kind: 'file', body: await complianceXlsx(data), contentType: FILE_TYPES.xlsx, fileName: complianceFileName(year, quarter, 'xlsx') };
      }
    },
  };
}

/** The compliance service's interface. */
export type ComplianceService = ReturnType<typeof createComplianceService>;
