/**
 * JSON fields as the Content Manager's edit view sends them: the text typed in its JSON
 * editor (`"[\"nguoi-dan\"]"`), where the API sends the list itself. The plugin's
 * middlewares read them as JSON first, so both reach the same checks.
 */

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

/** Reads the named JSON fields of a write's data in place (those it carries). */
export function readJsonFields(data: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (field in data) data[field] = jsonValue(data[field]);
}
