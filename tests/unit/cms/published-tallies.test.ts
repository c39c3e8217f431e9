/** The group a published piece is counted in (repositories/published-tallies.ts). */
import { describe, expect, test } from 'vitest';
import { tallyKeyOf } from '../../../cms/src/plugins/cchc/server/src/repositories/published-tallies.js';

const row = (over: Partial<Parameters<typeof tallyKeyOf>[0]> = {}): Parameters<typeof tallyKeyOf>[0] => ({
  format: 'tin-ngan',
  publicationDate: new Date('2024-05-10T03:00:00Z'),
  agencyId: 7,
  areaIds: [3, 1],
  topicIds: [],
  ...over,
});

describe('tallyKeyOf', () => {
  test('the quarter is Vietnam\'s: 23:59 on 31 March is Q1, midnight on 1 April is Q2', () => {
    expect(tallyKeyOf(row({ publicationDate: new Date('2024-03-31T16:59:59Z') }))).toMatchObject({ year: 2024, quarter: 1 });
    expect(tallyKeyOf(row({ publicationDate: new Date('2024-03-31T17:00:00Z') }))).toMatchObject({ year: 2024, quarter: 2 });
    expect(tallyKeyOf(row({ publicationDate: new Date('2023-12-31T17:00:00Z') }))).toMatchObject({ year: 2024, quarter: 1 });
  });

  test('a set of areas or topics has one spelling, whatever the order of its links', () => {
    const a = tallyKeyOf(row({ areaIds: [3, 1, 3], topicIds: [9, 2] }));
    const b = tallyKeyOf(row({ areaIds: [1, 3], topicIds: [2, 9] }));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ areaIds: '1,3', topicIds: '2,9' });
  });

  test('no agency is 0, no area or topic an empty list', () => {
    expect(tallyKeyOf(row({ agencyId: null, areaIds: [], topicIds: [] }))).toMatchObject({ agencyId: 0, areaIds: '', topicIds: '' });
  });

  test.each([
    ['without a publication date', { publicationDate: null }],
    ['with an invalid date', { publicationDate: new Date('x') }],
    ['with a format the platform does not know', { format: 'bao-in' }],
    ['without a format', { format: null }],
  ])('a piece %s counts nowhere', (_name, over) => {
    expect(tallyKeyOf(row(over))).toBeNull();
  });
});
