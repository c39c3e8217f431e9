/**
 * The Content Manager's Vietnamese labels (content-manager/labels.ts): every field of a
 * labelled content type has one, and no label names a field that does not exist, so an
 * attribute added later cannot show its English name to an organiser or an editor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_MANAGER_LABELS } from '../../../cms/src/plugins/cchc/server/src/content-manager/labels.js';

const CONTENT_TYPES = path.resolve(import.meta.dirname, '../../../cms/src/plugins/cchc/server/src/content-types');
const attributesOf = (uid: string): string[] => {
  const schema = JSON.parse(fs.readFileSync(path.join(CONTENT_TYPES, uid.replace('plugin::cchc.', ''), 'schema.json'), 'utf8')) as { attributes: Record<string, unknown> };
  return Object.keys(schema.attributes).sort();
};

test.each(Object.entries(CONTENT_MANAGER_LABELS))('%s: one label per field, none for a missing field', (uid, labels) => {
  expect(Object.keys(labels!.fields).sort()).toEqual(attributesOf(uid));
  if (labels!.mainField) expect(attributesOf(uid)).toContain(labels!.mainField);
});

test('the contest\'s content types are labelled', () => {
  expect(Object.keys(CONTENT_MANAGER_LABELS)).toEqual(expect.arrayContaining(['plugin::cchc.contest', 'plugin::cchc.contest-round', 'plugin::cchc.contest-question']));
});
