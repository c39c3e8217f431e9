/** GET /ban-chi-dao/chi-so/{code}.csv: an index's results as CSV (UTF-8 with BOM, dot decimals), for spreadsheets. */
import type { APIRoute } from 'astro';
import { CSV_BOM, ListIndices, toCsv } from '@cchc/shared';
import { TAG } from '../../../lib/cache-tags';
import { call } from '../../../lib/cms';
import { indexCsvFileName, indexCsvRows } from '../../../lib/committee/indices';
import { notFound, textResponse } from '../../../lib/http';

/** The CSV media type; the charset is said although the BOM says it too, for tools that read only the header. */
const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const GET: APIRoute = async ({ params }) => {
  const series = (await call(ListIndices.Endpoint)).data.find((s) => s.code === params.code);
  if (!series) return notFound();
  const response = textResponse(CSV_BOM + toCsv(indexCsvRows(series)), CSV_CONTENT_TYPE, [TAG.committee]);
  response.headers.set('Content-Disposition', `attachment; filename="${indexCsvFileName(series.code)}"`);
  return response;
};
