/** JSON fields as the Content Manager's edit view sends them (middlewares/json-fields.ts). */
import { expect, test } from 'vitest';
import { jsonValue, readJsonFields } from '../../../cms/src/plugins/cchc/server/src/middlewares/json-fields.js';

test.each([
  ['a list typed in the editor', '["nguoi-dan", "can-bo"]', ['nguoi-dan', 'can-bo']],
  ['a list sent by the API', ['nguoi-dan'], ['nguoi-dan']],
  ['an emptied editor', '  ', null],
  ['text that is not JSON (left for the field\'s check)', '["nguoi-dan"', '["nguoi-dan"'],
  ['a list of numbers typed', '[0, 2]', [0, 2]],
  ['a number typed (the field\'s check refuses it)', '0', 0],
])('%s', (_, sent, read) => {
  expect(jsonValue(sent)).toEqual(read);
});

test('only the named fields a write carries are read', () => {
  const data: Record<string, unknown> = { options: '["Có","Không"]', text: '["không phải JSON của trường này"]' };
  readJsonFields(data, ['options', 'correct']);
  expect(data).toEqual({ options: ['Có', 'Không'], text: '["không phải JSON của trường này"]' });
});
