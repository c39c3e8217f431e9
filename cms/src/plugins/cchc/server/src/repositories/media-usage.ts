/**
 * Which articles use a media file (as cover or attachment), read from the upload
 * plugin's polymorphic join table, whose names come from Strapi's metadata.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { UID } from '../constants.js';
import { qualified } from './schema-names.js';

const MorphJoinTable = z.object({
  name: z.string(),
  joinColumn: z.object({ name: z.string() }),
  morphColumn: z.object({ typeColumn: z.object({ name: z.string() }), idColumn: z.object({ name: z.string() }) }),
});
const ArticleRow = z.object({ workflowState: z.string(), publishedAt: z.union([z.string(), z.date(), z.number()]).nullable() });

/** The versions (draft and published) of the articles that use the file `fileId`. */
export async function articleVersionsUsingFile(strapi: Core.Strapi, fileId: number): Promise<Array<z.infer<typeof ArticleRow>>> {
  const related = strapi.db.metadata.get('plugin::upload.file').attributes['related'] as { joinTable?: unknown } | undefined;
  const table = MorphJoinTable.parse(related?.joinTable);
  const ids: unknown[] = await strapi.db
    .connection(qualified(strapi, table.name))
    .where({ [table.joinColumn.name]: fileId, [table.morphColumn.typeColumn.name]: UID.article })
    .pluck(table.morphColumn.idColumn.name);
  if (ids.length === 0) return [];
  const rows = await strapi.db.query(UID.article).findMany({ where: { id: { $in: ids.map(Number) } }, select: ['workflowState', 'publishedAt'] });
  return z.array(ArticleRow).parse(rows);
}
