import { describe, expect, it } from 'vitest';
import { buildPager, isPastLastPage, pageHref, parsePageParam } from '../../../site/src/lib/pagination.js';

describe('parsePageParam', () => {
  it.each([
    ['', 1],
    ['trang=1', 1],
    ['trang=2', 2],
    ['trang=10000', 10000],
    ['trang=abc', null],
    ['trang=0', null],
    ['trang=-1', null],
    ['trang=01', null],
    ['trang=1.5', null],
    ['trang=', null],
    ['trang=%201', null],
    ['trang=10001', null],
    ['trang=99999999', null],
    ['trang=1&trang=2', null],
    ['page=3', 1],
  ])('?%s → %s', (query, expected) => {
    expect(parsePageParam(new URLSearchParams(query))).toBe(expected);
  });
});

describe('isPastLastPage', () => {
  it.each([
    [1, 0, false],
    [2, 0, true],
    [3, 3, false],
    [4, 3, true],
  ])('page %i of %i → %s', (page, pageCount, expected) => {
    expect(isPastLastPage(page, pageCount)).toBe(expected);
  });
});

describe('buildPager', () => {
  const shape = (current: number, count: number) =>
    buildPager('/x', current, count).items.map((i) => (i.kind === 'page' ? (i.current ? `[${i.page}]` : i.page) : '…'));

  it.each([
    [1, 1, ['[1]']],
    [1, 3, ['[1]', 2, 3]],
    [5, 9, [1, '…', 4, '[5]', 6, '…', 9]],
    [3, 9, [1, 2, '[3]', 4, '…', 9]],
    [9, 9, [1, '…', 8, '[9]']],
  ])('page %i of %i', (current, count, expected) => {
    expect(shape(current, count)).toEqual(expected);
  });

  it('links page 1 to the bare path and others to ?trang=N', () => {
    const pager = buildPager('/linh-vuc/the-che', 2, 3);
    expect(pager.prev).toBe('/linh-vuc/the-che');
    expect(pager.next).toBe('/linh-vuc/the-che?trang=3');
    expect(pageHref('/linh-vuc/the-che', 1)).toBe('/linh-vuc/the-che');
  });

  it('has no prev on the first page and no next on the last', () => {
    expect(buildPager('/x', 1, 2).prev).toBeNull();
    expect(buildPager('/x', 2, 2).next).toBeNull();
  });
});
