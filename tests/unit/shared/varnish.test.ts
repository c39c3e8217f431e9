/** The purge header's split: every tag once, in order, each value within the bound. */
import { describe, expect, test } from 'vitest';
import { purgeHeaderValues } from '../../../shared/src/index.js';

describe('purgeHeaderValues', () => {
  test.each([
    [[], 10, []],
    [['latest'], 10, ['latest']],
    [['a', 'b', 'c'], 3, ['a b', 'c']],
    [['a', 'b', 'c'], 5, ['a b c']],
    [['abcdef', 'g'], 3, ['abcdef', 'g']],
    [['area:the-che', 'latest', 'taxonomy'], 21, ['area:the-che latest', 'taxonomy']],
  ])('%j within %i bytes → %j', (tags, max, expected) => {
    expect(purgeHeaderValues(tags, max)).toEqual(expected);
  });

  test('a thousand long tags: each value within the bound, every tag once and in order', () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `article:${'x'.repeat(i % 190)}-${i}`);
    const values = purgeHeaderValues(tags, 4000);
    for (const value of values) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(4000);
    expect(values.flatMap((v) => v.split(' '))).toEqual(tags);
  });
});
