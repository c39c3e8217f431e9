/**
 * JSON fields as the Content Manager's edit view sends them: the text typed in its JSON
 * editor (`"[\"nguoi-dan\"]"`), where the API sends the list itself. The plugin's
 * middlewares read them as JSON first, so both reach the same checks.
 */
import type { Core } from '@strapi/strapi';

/**
 * A JSON field's value: parsed when it came as text, null when that text is empty, and left
 * as it came when it is not JSON (the field's check then says what is wrong).
 * @example jsonValue('["a"]') // ['a']
 */
export function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * After a clone: the named JSON fields the form sent, written as sent. Strapi makes a clone by
 * deep-merging the form into the source, which merges lists item by item (a list of two over
 * a source's three keeps the third); the checks saw the form's lists, so those are stored.
 */
export async function keepClonedJson(strapi: Core.Strapi, uid: string, made: unknown, data: Record<string, unknown>, fields: readonly string[]): Promise<void> {
  // The Document Service's clone answers { documentId, entries }.
  const documentId = (made as { documentId?: unknown } | null)?.documentId;
  const sent = Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]]));
  if (typeof documentId !== 'string' || Object.keys(sent).length === 0) return;
  await strapi.db.query(uid).updateMany({ where: { documentId }, data: sent });
}

/** Reads the named JSON fields of a write's data in place (those it carries). */
export function readJsonFields(data: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (field in data) data[field] = jsonValue(data[field]);
}
