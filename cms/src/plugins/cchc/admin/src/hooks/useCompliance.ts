import type { ComplianceReport, GetCompliance } from '@cchc/shared';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';

const ENDPOINT = `/${PLUGIN_ID}/compliance`;

/** A file format the report downloads in. */
export type ComplianceFile = 'csv' | 'xlsx';

/** The name the server gives a download, from its Content-Disposition header. */
const fileNameOf = (headers: Headers | undefined, fallback: string) => headers?.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? fallback;

/** Saves a blob through a temporary link: the admin API needs the bearer token, so a plain link cannot fetch it. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Loads the report of a quarter, and downloads it as CSV or XLSX (the admin's fetch client sends the token). */
export function useCompliance(year: number, quarter: number) {
  const { get } = useFetchClient();
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setReport(null);
    setFailed(false);
    get<GetCompliance.Response>(ENDPOINT, { params: { year, quarter } })
      .then(({ data }) => current && setReport(data.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, year, quarter]);

  const download = useCallback(
    async (format: ComplianceFile) => {
      const { data, headers } = await get(ENDPOINT, { params: { year, quarter, format }, responseType: 'blob' });
      save(data, fileNameOf(headers, `bao-cao-tuan-thu-${year}-q${quarter}.${format}`));
    },
    [get, year, quarter],
  );

  return { report, failed, download };
}
