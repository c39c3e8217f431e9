/** The public holidays (content type "Ngày nghỉ lễ"), as the working-day calendar reads them. */
import type { Core } from '@strapi/strapi';
import type { Holidays } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';

/** Every holiday's date, `YYYY-MM-DD`. */
export async function holidaysOf(strapi: Core.Strapi): Promise<Holidays> {
  const rows = await strapi.db.query(UID.holiday).findMany({ select: ['date'] });
  // Strapi answers a date attribute as `YYYY-MM-DD` text on both databases; anything else is a data error, said loudly.
  return new Set(z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })).parse(rows).map((r) => r.date));
}
