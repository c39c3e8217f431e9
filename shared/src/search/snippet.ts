/** Search result snippets: a window of text around the first match, with the matched words marked. */
import { foldDiacritics } from '../text/vietnamese.js';

/** A piece of a snippet; `match` pieces are highlighted by the site (escaped, never as HTML). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Cuts a snippet of about `length` characters around the first word matching a query word
 * (diacritics ignored), marking every matching word inside it.
 * @example buildSnippet('Người dân làm thủ tục trực tuyến', ['thu', 'tuc']).filter((p) => p.match).map((p) => p.text) // ['thủ', 'tục']
 */
export function buildSnippet(text: string, foldedQuery: readonly string[], length = 220): SnippetPart[] {
  const wanted = new Set(foldedQuery);
  const words = [...text.matchAll(WORD)];
  const first = words.find((m) => wanted.has(foldDiacritics(m[0].toLowerCase())));
  const center = first?.index ?? 0;
  let start = Math.max(0, center - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  // Do not cut words in half.
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++;
  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const m of words) {
    const at = m.index!;
    if (at < start || at + m[0].length > end) continue;
    if (!wanted.has(foldDiacritics(m[0].toLowerCase()))) continue;
    if (at > cursor) parts.push({ text: text.slice(cursor, at), match: false });
    parts.push({ text: m[0], match: true });
    cursor = at + m[0].length;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
