/** The Steering Committee website's pure rules: task progress, document slugs and search, evidence lines. */
import { describe, expect, test } from 'vitest';
import {
  documentMatches,
  documentQueryTerms,
  documentSlug,
  parseEvidence,
  pieceMatches,
  quarterPhase,
  taskProgress,
  quarterOf,
  type PublishedTally,
  type TaskMeasure,
} from '../../../shared/src/index.js';

const measure = (over: Partial<TaskMeasure> = {}): TaskMeasure => ({ unit: 'articles', formats: [], areas: [], topics: [], agencies: [], expectedPerQuarter: 2, ...over });
/** One piece published at an instant, as the CMS counts it (its quarter in Vietnam's time). */
const piece = (publishedAt: string, over: Partial<PublishedTally> = {}): PublishedTally => ({
  ...quarterOf(new Date(publishedAt)),
  format: 'tin-ngan',
  areas: ['the-che'],
  topics: [],
  agency: 'so-tu-phap',
  count: 1,
  ...over,
});

describe('task progress', () => {
  test('a piece counts when every non-empty criterion matches', () => {
    expect(pieceMatches(measure(), piece('2024-01-05T00:00:00Z'))).toBe(true);
    expect(pieceMatches(measure({ formats: ['phong-su'] }), piece('2024-01-05T00:00:00Z'))).toBe(false);
    expect(pieceMatches(measure({ areas: ['cong-vu', 'the-che'] }), piece('2024-01-05T00:00:00Z'))).toBe(true);
    expect(pieceMatches(measure({ areas: ['the-che'], agencies: ['so-noi-vu'] }), piece('2024-01-05T00:00:00Z'))).toBe(false);
    expect(pieceMatches(measure({ agencies: ['so-noi-vu'] }), piece('2024-01-05T00:00:00Z', { agency: null }))).toBe(false);
  });

  test('counts per quarter in Vietnam time, against the expectation', () => {
    const pieces = [
      piece('2024-03-31T16:59:59Z'), // 23:59 on 31 March in Vietnam: Q1
      piece('2024-03-31T17:00:00Z'), // 00:00 on 1 April: Q2
      piece('2024-02-01T00:00:00Z'),
      piece('2023-12-31T16:00:00Z'), // 2023 in Vietnam too
      piece('2024-08-01T00:00:00Z', { format: 'phong-su' }),
    ];
    const quarters = taskProgress(measure(), pieces, 2024, new Date('2024-08-15T00:00:00Z'));
    expect(quarters.map((q) => [q.quarter, q.actual, q.met, q.phase])).toEqual([
      [1, 2, true, 'past'],
      [2, 1, false, 'past'],
      [3, 1, false, 'current'],
      [4, 0, false, 'future'],
    ]);
  });

  test('the agencies unit counts each agency once a quarter', () => {
    const pieces = [piece('2024-01-02T00:00:00Z'), piece('2024-01-03T00:00:00Z'), piece('2024-01-04T00:00:00Z', { agency: 'so-noi-vu' }), piece('2024-01-05T00:00:00Z', { agency: null })];
    const [q1] = taskProgress(measure({ unit: 'agencies' }), pieces, 2024, new Date('2025-01-01T00:00:00Z'));
    expect(q1!.actual).toBe(2);
  });

  test('quarter phases turn over at midnight in Vietnam', () => {
    expect(quarterPhase(2024, 2, new Date('2024-03-31T16:59:59Z'))).toBe('future');
    expect(quarterPhase(2024, 2, new Date('2024-03-31T17:00:00Z'))).toBe('current');
    expect(quarterPhase(2024, 1, new Date('2024-03-31T17:00:00Z'))).toBe('past');
  });
});

describe('documents', () => {
  test('slugs carry the year, since numbers restart every year', () => {
    expect(documentSlug('854/QĐ-UBND', '2024-03-14')).toBe('854-qd-ubnd-2024');
    expect(documentSlug('12/TB-BCĐ', '2025-01-02')).toBe('12-tb-bcd-2025');
    expect(documentSlug('///', '2025-01-02')).toBe('van-ban-2025');
  });

  test('search matches number and abstract with or without diacritics, every word', () => {
    const doc = { number: '854/QĐ-UBND', abstract: 'Ban hành Kế hoạch truyền thông cải cách hành chính năm 2024' };
    for (const q of ['ke hoach truyen thong', 'KẾ HOẠCH  truyền', '854/qd', 'qđ-ubnd', '']) expect(documentMatches(documentQueryTerms(q), doc), q).toBe(true);
    for (const q of ['ke hoach kiem tra', '855']) expect(documentMatches(documentQueryTerms(q), doc), q).toBe(false);
    expect(documentMatches(documentQueryTerms('Kế hoạch'.normalize('NFD')), doc)).toBe(true);
  });
});

describe('evidence lines', () => {
  test('parse "label | URL", skipping blank lines', () => {
    expect(parseEvidence('Báo cáo quý I | https://example.gov.vn/bc.pdf\n\n  Trang | /ban-chi-dao  ').links).toEqual([
      { label: 'Báo cáo quý I', url: 'https://example.gov.vn/bc.pdf' },
      { label: 'Trang', url: '/ban-chi-dao' },
    ]);
  });

  test('name each bad line', () => {
    const { links, errors } = parseEvidence('ok | /a\nchỉ có chữ\n| /b\nx | javascript:alert(1)');
    expect(links).toHaveLength(1);
    expect(errors.map((e) => e.slice(0, 6))).toEqual(['Dòng 2', 'Dòng 3', 'Dòng 4']);
  });
});
