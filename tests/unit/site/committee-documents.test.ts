/** The documents library's query string and links. */
import { describe, expect, test } from 'vitest';
import { documentsHref, documentsOfAreaHref, isFiltering, orderedTypes, parseDocumentParams } from '../../../site/src/lib/committee/documents.js';

const AREAS = ['the-che', 'thu-tuc-hanh-chinh'];
const parse = (qs: string) => parseDocumentParams(new URLSearchParams(qs), AREAS);
const EMPTY = { q: '', type: '', year: '', issuer: '', area: '' };

describe('parseDocumentParams', () => {
  test('no parameters: the first page of everything', () => {
    const request = parse('');
    expect(request).toEqual({ kind: 'list', form: EMPTY, query: { page: 1, pageSize: 20 } });
  });

  test('maps the Vietnamese parameters to the API query, ignoring empty fields and trimming the search', () => {
    const request = parse('q=+k%E1%BA%BF+ho%E1%BA%A1ch+&loai=ke-hoach&nam=2024&co-quan-ban-hanh=%E1%BB%A6y+ban&linh-vuc=the-che&trang=2');
    expect(request.kind).toBe('list');
    if (request.kind !== 'list') return;
    expect(request.query).toEqual({ q: 'kế hoạch', type: 'ke-hoach', year: 2024, issuer: 'Ủy ban', area: 'the-che', page: 2, pageSize: 20 });
    expect(request.form.q).toBe(' kế hoạch ');
  });

  test('empty fields, as a GET form sends them, are absent', () => {
    const request = parse('q=&loai=&nam=&co-quan-ban-hanh=&linh-vuc=');
    expect(request).toEqual({ kind: 'list', form: EMPTY, query: { page: 1, pageSize: 20 } });
  });

  test.each([
    ['loai=sac-lenh', 'Loại văn bản không hợp lệ.'],
    ['nam=abc', 'Năm ban hành'],
    ['nam=1800', 'Năm ban hành'],
    ['linh-vuc=Khong+Hop+Le', 'Lĩnh vực'],
    ['linh-vuc=khong-co', 'Lĩnh vực'],
    [`q=${'a'.repeat(201)}`, '200 ký tự'],
    ['loai=ke-hoach&loai=quyet-dinh', '"loai"'],
  ])('%s is refused with a Vietnamese message', (qs, fragment) => {
    const request = parse(qs);
    expect(request.kind).toBe('invalid');
    if (request.kind === 'invalid') expect(request.message).toContain(fragment);
  });

  test.each(['trang=0', 'trang=abc', 'trang=1.5', 'trang=99999999', 'trang=1&trang=2'])('%s is no page (404)', (qs) => {
    expect(parse(qs).kind).toBe('no-page');
  });

  test('an area is checked against the list only when one is given', () => {
    expect(parseDocumentParams(new URLSearchParams('linh-vuc=khong-co')).kind).toBe('list');
  });
});

describe('links', () => {
  test('documentsHref keeps the search and filters and numbers the page', () => {
    const form = { ...EMPTY, q: 'kế hoạch', type: 'ke-hoach', year: '2024' };
    expect(documentsHref(form)).toBe('/ban-chi-dao/van-ban?q=k%E1%BA%BF+ho%E1%BA%A1ch&loai=ke-hoach&nam=2024');
    expect(documentsHref(form, 3)).toBe('/ban-chi-dao/van-ban?q=k%E1%BA%BF+ho%E1%BA%A1ch&loai=ke-hoach&nam=2024&trang=3');
    expect(documentsHref(EMPTY, 2)).toBe('/ban-chi-dao/van-ban?trang=2');
    expect(documentsHref(EMPTY)).toBe('/ban-chi-dao/van-ban');
  });

  test('a parsed query string gives back the same link', () => {
    const qs = 'q=ke+hoach&nam=2024&linh-vuc=the-che&trang=2';
    const request = parse(qs);
    expect(documentsHref(request.form, 2)).toBe(`/ban-chi-dao/van-ban?${qs}`);
  });

  test('documentsOfAreaHref filters on one area', () => {
    expect(documentsOfAreaHref('the-che')).toBe('/ban-chi-dao/van-ban?linh-vuc=the-che');
  });
});

test('isFiltering is true when any field is filled in', () => {
  expect(isFiltering(EMPTY)).toBe(false);
  expect(isFiltering({ ...EMPTY, q: '  ' })).toBe(false);
  expect(isFiltering({ ...EMPTY, issuer: 'Sở' })).toBe(true);
});

test('orderedTypes follows the vocabulary', () => {
  expect(orderedTypes(['cong-van', 'ke-hoach', 'quyet-dinh'])).toEqual(['quyet-dinh', 'ke-hoach', 'cong-van']);
});
