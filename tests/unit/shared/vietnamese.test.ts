import { describe, expect, test } from 'vitest';
import { compareVi, foldDiacritics, foldForSearch, isSlug, nfc, slugify } from '../../../shared/src/index.js';

describe('slugify', () => {
  test.each([
    ['Cải cách thủ tục hành chính', 'cai-cach-thu-tuc-hanh-chinh'],
    ['Đường dây nóng Đề án 06', 'duong-day-nong-de-an-06'],
    ['Quyết định 854/QĐ-UBND', 'quyet-dinh-854-qd-ubnd'],
    ['  Chỉ số PAR Index — 2024!  ', 'chi-so-par-index-2024'],
    ['Người dân, doanh nghiệp hài lòng', 'nguoi-dan-doanh-nghiep-hai-long'],
    ['ỨNG DỤNG VNeID', 'ung-dung-vneid'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  test('gives the same slug for NFC and NFD input', () => {
    const title = 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính';
    expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('Cải cách hành chính '.repeat(20), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(isSlug(slug)).toBe(true);
  });
});

describe('folding and normalisation', () => {
  test.each([
    ['Đường', 'Duong'],
    ['dương', 'duong'],
    ['Cải cách', 'Cai cach'],
    ['Ưu tiên, ổn định', 'Uu tien, on dinh'],
  ])('foldDiacritics(%s) = %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  test('foldForSearch lowers case and collapses whitespace', () => {
    expect(foldForSearch('  Cải   CÁCH\tthủ tục ')).toBe('cai cach thu tuc');
  });

  test('nfc recomposes decomposed text', () => {
    const decomposed = 'Cải cách'.normalize('NFD');
    expect(decomposed).not.toBe('Cải cách');
    expect(nfc(decomposed)).toBe('Cải cách');
  });
});

describe('isSlug', () => {
  test.each([
    ['cai-cach', true],
    ['cai--cach', false],
    ['-cai', false],
    ['Cai', false],
    ['cải', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isSlug(input)).toBe(expected);
  });
});

test('compareVi sorts in Vietnamese alphabetical order', () => {
  expect(['Đồng', 'Dương', 'Ân', 'An', 'Bình'].sort(compareVi)).toEqual(['An', 'Ân', 'Bình', 'Dương', 'Đồng']);
});
