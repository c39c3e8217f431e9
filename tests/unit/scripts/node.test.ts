/** The Node version gate of `npm start` / `npm test`. */
import { expect, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { isRecentEnough } from '../../../scripts/lib/node.mjs';

test.each([
  ['v18.20.4', false],
  ['v20.20.2', false],
  ['v22.11.0', false],
  ['v22.12.0', true],
  ['v22.21.1', true],
  ['v23.0.0', true],
  ['v24.21.0', true],
  ['v26.1.0', true],
])('Node %s is recent enough: %s', (version, expected) => {
  expect(isRecentEnough(version)).toBe(expected);
});
