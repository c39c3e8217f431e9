import { describe, expect, test } from 'vitest';
import { baselineEvent, diffSnapshots, diffText, eventLabel, isPrivateRequest, pathForLog, shortenSame, type ArticleSnapshot, type DiffPart } from '../../../shared/src/index.js';

/** A diff written compactly: `=same`, `+added`, `-removed`, `…` for a gap. */
const compact = (parts: DiffPart[]): string[] => parts.map((p) => (p.kind === 'gap' ? '…' : `${{ same: '=', added: '+', removed: '-' }[p.kind]}${p.text}`));

const snapshot = (over: Partial<ArticleSnapshot> = {}): ArticleSnapshot => ({ title: 'Tiêu đề', summary: 'Tóm tắt', body: 'Nội dung', media: [], ...over });

describe('diffText', () => {
  test.each([
    ['nothing changed', 'Họp Ban Chỉ đạo', 'Họp Ban Chỉ đạo', ['=Họp Ban Chỉ đạo']],
    ['both empty', '', '', []],
    ['a word added at the end', 'Họp Ban Chỉ đạo', 'Họp Ban Chỉ đạo tỉnh', ['=Họp Ban Chỉ đạo ', '+tỉnh']],
    ['a phrase replaced in the middle', 'Nộp hồ sơ tại bộ phận một cửa của Sở.', 'Nộp hồ sơ trực tuyến của Sở.', ['=Nộp hồ sơ ', '-tại bộ phận một cửa', '+trực tuyến', '= của Sở.']],
    ['a field emptied', 'Tóm tắt cũ', '', ['-Tóm tắt cũ']],
    ['a field filled', '', 'Tóm tắt mới', ['+Tóm tắt mới']],
    // One accent changes the word: Vietnamese words differ by their diacritics.
    ['a diacritic corrected', 'Cai cách hành chính', 'Cải cách hành chính', ['-Cai', '+Cải', '= cách hành chính']],
  ])('%s', (_, before, after, expected) => {
    expect(compact(diffText(before, after))).toEqual(expected);
  });

  test('the same text typed in NFD or with Windows line ends is not an edit', () => {
    expect(diffText('Cải cách\r\nhành chính', 'Cải cách\nhành chính'.normalize('NFD'))).toEqual([{ kind: 'same', text: 'Cải cách\nhành chính' }]);
  });

  test('long unchanged text is shortened around the change, never cutting a word', () => {
    const before = `${'Một câu dài không đổi trong bài. '.repeat(10)}Số liệu cũ. ${'Đoạn cuối không đổi của bài viết. '.repeat(10)}`;
    const after = before.replace('Số liệu cũ.', 'Số liệu mới.');
    const parts = diffText(before, after);
    expect(parts.map((p) => p.kind)).toEqual(['gap', 'same', 'removed', 'added', 'same', 'gap']);
    const kept = parts.filter((p) => p.kind === 'same').map((p) => p.text);
    for (const text of kept) expect(text.length).toBeLessThanOrEqual(81);
    expect(kept[0]).toMatch(/^ ?\S/);
    expect(kept[0]!.endsWith(' ')).toBe(true);
    expect(compact(parts).join('')).toContain('-cũ');
  });
});

describe('shortenSame', () => {
  const long = 'chữ '.repeat(60);
  test.each([
    ['only', ['same']],
    ['first', ['gap', 'same']],
    ['last', ['same', 'gap']],
    ['middle', ['same', 'gap', 'same']],
  ] as const)('%s', (position, kinds) => {
    expect(shortenSame(long, position).map((p) => p.kind)).toEqual(kinds);
  });
  test('short runs are kept whole', () => {
    expect(shortenSame('vài chữ', 'middle')).toEqual([{ kind: 'same', text: 'vài chữ' }]);
  });
});

describe('diffSnapshots', () => {
  test('an unchanged piece has no change', () => {
    const s = snapshot({ media: [{ id: 1, name: 'anh.png', role: 'cover' }] });
    const diff = diffSnapshots(s, structuredClone(s));
    expect(diff.changed).toBe(false);
    expect(diff.fields.map((f) => [f.field, f.label, f.changed])).toEqual([
      ['title', 'Tiêu đề', false],
      ['summary', 'Tóm tắt', false],
      ['body', 'Nội dung', false],
    ]);
  });

  test('media added and removed are told apart by role: the same file as cover and as attachment are two', () => {
    const before = snapshot({ media: [{ id: 1, name: 'bia.png', role: 'cover' }, { id: 2, name: 'cu.pdf', role: 'attachment' }] });
    const after = snapshot({ media: [{ id: 1, name: 'bia.png', role: 'cover' }, { id: 1, name: 'bia.png', role: 'attachment' }, { id: 3, name: 'moi.pdf', role: 'attachment' }] });
    const diff = diffSnapshots(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.mediaAdded.map((m) => `${m.role}:${m.name}`)).toEqual(['attachment:bia.png', 'attachment:moi.pdf']);
    expect(diff.mediaRemoved.map((m) => `${m.role}:${m.name}`)).toEqual(['attachment:cu.pdf']);
    expect(diff.fields.every((f) => !f.changed)).toBe(true);
  });

  test('only the edited field is marked changed', () => {
    const diff = diffSnapshots(snapshot(), snapshot({ summary: 'Tóm tắt đã sửa' }));
    expect(diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['summary']);
  });
});

describe('baselineEvent', () => {
  const e = (id: number, action: string) => ({ id, action });
  test.each([
    ['a first submission has nothing to compare with', 'submitted', [e(1, 'submit')], null],
    ['back after request-changes: the request', 'submitted', [e(1, 'submit'), e(2, 'request-changes'), e(3, 'submit')], 2],
    ['sent back, not yet submitted again', 'changes-requested', [e(1, 'submit'), e(2, 'request-changes')], 2],
    ['the latest of two rounds', 'submitted', [e(1, 'submit'), e(2, 'request-changes'), e(3, 'submit'), e(4, 'request-changes'), e(5, 'submit')], 4],
    ['a request before a publication belongs to an old round', 'submitted', [e(1, 'request-changes'), e(2, 'publish'), e(3, 'withdraw'), e(4, 'revise'), e(5, 'submit')], null],
    ['published: the version online', 'published', [e(1, 'submit'), e(2, 'approve'), e(3, 'publish'), e(4, 'publish-update')], 4],
    ['published directly', 'published', [e(1, 'publish-directly')], 1],
    ['states without a baseline', 'approved', [e(1, 'submit'), e(2, 'request-changes'), e(3, 'submit'), e(4, 'approve')], null],
  ])('%s', (_, state, events, expected) => {
    expect(baselineEvent(state, events)?.id ?? null).toBe(expected);
  });
});

test('every history row has a Vietnamese name', () => {
  expect(['take', 'release', 'share-preview', 'revoke-preview', 'approve', 'request-changes'].map(eventLabel)).toEqual([
    'Nhận xử lý',
    'Thôi xử lý',
    'Tạo liên kết xem trước',
    'Thu hồi liên kết xem trước',
    'Duyệt',
    'Trả lại để chỉnh sửa',
  ]);
});

test('a text rewritten beyond the diff bounds is shown removed and added whole (the diff gives up instead of holding the server)', () => {
  const words = (seed: string) => Array.from({ length: 3_000 }, (_, i) => `${seed}${i}`).join(' ');
  expect(diffText(words('cu'), words('moi')).map((p) => p.kind)).toEqual(['removed', 'added']);
});

describe("previews' paths", () => {
  test.each([
    ['GET', '/xem-truoc/s1.abcdef', true],
    ['HEAD', '/xem-truoc/e1.abc.def/', true],
    // The router decodes the path: so does the decision.
    ['GET', '/%78em-truoc/s1.abcdef', true],
    ['GET', '/%2Fxem-truoc', false],
    ['GET', '/xem-truoc', false],
    ['GET', '/%E0%A4%A', false],
  ])('%s %s is private: %s', (method, path, expected) => {
    expect(isPrivateRequest(method, path)).toBe(expected);
  });

  test.each([
    ['/xem-truoc/s1.secret', '/xem-truoc/…'],
    ['/%78em-truoc/s1.secret?x=1', '/xem-truoc/…'],
    ['/bai-viet/mot-cua', '/bai-viet/mot-cua'],
  ])('%s is logged as %s', (path, logged) => {
    expect(pathForLog(path)).toBe(logged);
  });
});
