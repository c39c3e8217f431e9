/** The public holidays (content type "Ngày nghỉ lễ"), as the working-day calendar reads them. */
import type { Core } from '@strapi/strapi';
import type { Holidays } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';

/** Every holiday's date, `YYYY-MM-DD`. */
export async function holidaysOf(strapi: Core.Strapi): Promise<Holidays> {
  const rows = await strapi.db.query(UID.holiday).findMany({ select: ['date'] });
  return new Set(z.array(z.object({ date: z.union([z.string(), z.date()]) })).parse(rows).map((r) => (typeof r.date === 'string' ? r.date.slice(0, 10) : r.date.toISOString().slice(0, 10))));
}
