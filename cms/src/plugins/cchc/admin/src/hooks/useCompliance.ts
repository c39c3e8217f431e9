import { GetCompliance, type ComplianceReport, type Quarter } from '@cchc/shared';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { fileNameOf, save } from '../api/download';
import { requestPath, useCall } from '../api/useCall';

/** A file format the report downloads in. */
export type ComplianceFile = 'csv' | 'xlsx';

/** Loads the report of a quarter, and downloads it as CSV or XLSX (the admin's fetch client sends the token). */
export function useCompliance(year: number, quarter: Quarter) {
  const { get } = useFetchClient();
  const call = useCall();
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setReport(null);
    setFailed(false);
    call(GetCompliance.Endpoint, { query: { year, quarter } })
      .then(({ data }) => current && setReport(data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [call, year, quarter]);

  const download = useCallback(
    async (format: ComplianceFile) => {
      // A file, not JSON: Strapi's fetch client with the token, the path from the declaration.
      const { data, headers } = await get(requestPath(GetCompliance.Endpoint, { query: { year, quarter, format } }), { responseType: 'blob' });
      save(data, fileNameOf(headers, `bao-cao-tuan-thu-${year}-q${quarter}.${format}`));
    },
    [get, year, quarter],
  );

  return { report, failed, download };
}
