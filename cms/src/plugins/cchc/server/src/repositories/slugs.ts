/** Slugs that stay unique within a content type. */
import type { Core } from '@strapi/strapi';
import type { PluginUid } from '../constants.js';

/**
 * A slug based on `base` (or `fallback` when `base` is empty) that no other document of
 * `uid` uses: `base`, else `base-2`, `base-3`, … The document being saved may keep its own.
 */
export async function uniqueSlug(strapi: Core.Strapi, uid: PluginUid, base: string, documentId: string | undefined, fallback: string): Promise<string> {
  const root = base === '' ? fallback : base;
  const taken = await strapi.db.query(uid).findMany({ select: ['slug', 'documentId'], where: { slug: { $startsWith: root } } });
  const used = new Set(taken.filter((row) => row.documentId !== documentId).map((row) => row.slug as string));
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) if (!used.has(`${root}-${n}`)) return `${root}-${n}`;
}
