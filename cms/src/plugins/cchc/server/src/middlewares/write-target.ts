/**
 * What a Document Service write is about, for the plugin's checking middlewares. A write
 * is a create, an update, or a clone (the Content Manager's "duplicate": a new document
 * made of a source's fields and the form's), which is checked as a create that starts
 * from its source.
 */

export interface WriteTarget {
  /** The document written over: an update's; none for a create or a clone. */
  own: string | undefined;
  /** The document whose stored fields the write starts from: an update's, or a clone's source. */
  source: string | undefined;
  /** True when the write makes a new document (a create or a clone). */
  creating: boolean;
}

/**
 * The target of a write, or null when the action writes nothing.
 * @example writeTarget('clone', 'abc') // { own: undefined, source: 'abc', creating: true }
 */
export function writeTarget(action: string, documentId: unknown): WriteTarget | null {
  if (action !== 'create' && action !== 'update' && action !== 'clone') return null;
  const id = typeof documentId === 'string' ? documentId : undefined;
  return { own: action === 'update' ? id : undefined, source: action === 'create' ? undefined : id, creating: action !== 'update' };
}
