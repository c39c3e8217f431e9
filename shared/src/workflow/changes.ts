/**
 * What changed in a piece between two moments of its review: the snapshot each
 * workflow move stores (text fields and media list), and the word-level diff an
 * editor reads when a piece comes back after "request changes" or before an
 * update of a published piece is put online. The diffing itself is the `diff`
 * library's; this module only decides what is compared and how it is shown.
 */
import { diffWords } from 'diff';
import { z } from 'zod';

/** A medium of a piece as a snapshot keeps it: enough to say which were added or removed. */
export const SnapshotMediaSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['cover', 'attachment']),
});
export type SnapshotMedia = z.infer<typeof SnapshotMediaSchema>;

/** The text fields and media list of a piece at one moment. */
export const ArticleSnapshotSchema = z.object({
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  media: z.array(SnapshotMediaSchema),
});
export type ArticleSnapshot = z.infer<typeof ArticleSnapshotSchema>;

/** The text fields compared, in display order, with their Vietnamese names. */
export const SNAPSHOT_TEXT_FIELDS = [
  ['title', 'Tiêu đề'],
  ['summary', 'Tóm tắt'],
  ['body', 'Nội dung'],
] as const;
export type SnapshotTextField = (typeof SNAPSHOT_TEXT_FIELDS)[number][0];

/** One run of a text diff: kept, added or removed; `gap` stands for unchanged text left out. */
export const DiffPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed', 'gap']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPartSchema>;

/** The diff of one text field. */
export const FieldDiffSchema = z.object({ field: z.enum(['title', 'summary', 'body']), label: z.string(), changed: z.boolean(), parts: z.array(DiffPartSchema) });
export type FieldDiff = z.infer<typeof FieldDiffSchema>;

/** The whole diff of two snapshots, ready to show. */
export const SnapshotDiffSchema = z.object({
  changed: z.boolean(),
  fields: z.array(FieldDiffSchema),
  mediaAdded: z.array(SnapshotMediaSchema),
  mediaRemoved: z.array(SnapshotMediaSchema),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiffSchema>;

/** Unchanged text longer than this is shortened to its two ends around a gap. */
const CONTEXT_CHARS = 80;

/**
 * Bounds on one field's diff: the edit distance in words, and the time. A text rewritten
 * from end to end (or a huge body) is shown as removed and added whole rather than
 * holding the server: the diff runs on a request.
 */
const DIFF_LIMITS = { maxEditLength: 2_000, timeout: 300 };

/** NFC and Unix line ends: a re-typed accent or a Windows paste is not an edit. */
const normalise = (text: string): string => text.normalize('NFC').replace(/\r\n?/g, '\n');

/**
 * Shortens an unchanged run to the words next to the changes: the first one keeps
 * only its end, the last one only its start, others both ends around a gap.
 * @example shortenSame('a '.repeat(100), 'middle').map((p) => p.kind) // ['same', 'gap', 'same']
 */
export function shortenSame(text: string, position: 'first' | 'middle' | 'last' | 'only'): DiffPart[] {
  if (position === 'only' || text.length <= CONTEXT_CHARS * (position === 'middle' ? 2 : 1)) return [{ kind: 'same', text }];
  // Cut at a space so that no word is shown in half.
  const head = () => text.slice(0, text.lastIndexOf(' ', CONTEXT_CHARS) + 1 || CONTEXT_CHARS);
  const tail = () => {
    const from = text.indexOf(' ', text.length - CONTEXT_CHARS);
    return text.slice(from === -1 ? text.length - CONTEXT_CHARS : from);
  };
  const parts: DiffPart[] = [];
  if (position === 'middle' || position === 'last') parts.push({ kind: 'same', text: head() });
  parts.push({ kind: 'gap', text: '…' });
  if (position === 'middle' || position === 'first') parts.push({ kind: 'same', text: tail() });
  return parts;
}

/**
 * The word-level diff of two texts, with long unchanged runs shortened; an
 * unchanged field is one `same` part (shown whole, or not at all, by the reader).
 * @example diffText('Họp Ban Chỉ đạo', 'Họp Ban Chỉ đạo tỉnh').map((p) => p.kind) // ['same', 'added']
 */
export function diffText(before: string, after: string): DiffPart[] {
  const [a, b] = [normalise(before), normalise(after)];
  if (a === b) return a === '' ? [] : [{ kind: 'same', text: a }];
  const changes = diffWords(a, b, DIFF_LIMITS);
  if (!changes) return [...(a ? [{ kind: 'removed' as const, text: a }] : []), ...(b ? [{ kind: 'added' as const, text: b }] : [])];
  const last = changes.length - 1;
  return changes.flatMap((change, i): DiffPart[] => {
    if (change.added) return [{ kind: 'added', text: change.value }];
    if (change.removed) return [{ kind: 'removed', text: change.value }];
    return shortenSame(change.value, i === 0 ? 'first' : i === last ? 'last' : 'middle');
  });
}

const mediaKey = (m: SnapshotMedia): string => `${m.role}:${m.id}`;

/**
 * Everything that changed from one snapshot to the next.
 * @example diffSnapshots(s, s).changed // false
 */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): SnapshotDiff {
  const fields = SNAPSHOT_TEXT_FIELDS.map(([field, label]): FieldDiff => {
    const parts = diffText(before[field], after[field]);
    return { field, label, changed: parts.some((p) => p.kind === 'added' || p.kind === 'removed'), parts };
  });
  const had = new Set(before.media.map(mediaKey));
  const has = new Set(after.media.map(mediaKey));
  const mediaAdded = after.media.filter((m) => !had.has(mediaKey(m)));
  const mediaRemoved = before.media.filter((m) => !has.has(mediaKey(m)));
  return { changed: fields.some((f) => f.changed) || mediaAdded.length > 0 || mediaRemoved.length > 0, fields, mediaAdded, mediaRemoved };
}

/** The actions whose snapshot an editor compares the piece with, by the piece's current state. */
const BASELINE_ACTIONS: Partial<Record<string, readonly string[]>> = {
  // Back after "request changes": what the agency changed since the editor sent it back.
  submitted: ['request-changes'],
  'changes-requested': ['request-changes'],
  // Before "publish-update": what differs from the version online.
  published: ['publish', 'publish-directly', 'publish-update'],
};

/**
 * Which recorded move a piece in `state` is compared with: the latest of the
 * baseline actions, or none (a first submission has nothing to compare with).
 * @example baselineEvent('submitted', [{ id: 1, action: 'submit' }, { id: 2, action: 'request-changes' }, { id: 3, action: 'submit' }]) // { id: 2, action: 'request-changes' }
 */
export function baselineEvent<E extends { action: string }>(state: string, events: readonly E[]): E | null {
  const actions = BASELINE_ACTIONS[state];
  if (!actions) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (actions.includes(event.action)) return event;
    // A publication after the last request closes that round: nothing to compare with any more.
    if (state !== 'published' && (event.action === 'publish' || event.action === 'publish-directly')) return null;
  }
  return null;
}
