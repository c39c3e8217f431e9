/** The article rules: every operation, by every caller, on a piece in every state. */
import { describe, expect, test } from 'vitest';
import {
  ARTICLE_OPERATIONS,
  mayChangeMediaOf,
  CONTRIBUTOR_EDITABLE_STATES,
  TRANSITION_ONLY_FIELDS,
  WORKFLOW_STATES,
  decideArticleOperation,
  fieldsNotWritableBy,
  type ArticleCaller,
  type ArticleOperation,
  type StoredPiece,
  type WorkflowState,
} from '../../../shared/src/index.js';

const contributor: ArticleCaller = { kind: 'user', role: 'contributor' };
const editor: ArticleCaller = { kind: 'user', role: 'editor' };
const own = (state: WorkflowState, everSubmitted = state !== 'draft'): StoredPiece => ({ state, everSubmitted, sameAgency: true });
const outcome = (caller: ArticleCaller, op: ArticleOperation, piece: StoredPiece | null) => {
  const d = decideArticleOperation(caller, op, piece);
  return d.ok ? 'ok' : d.refusal;
};

describe('a contributor, on their own agency’s piece', () => {
  // The table: operation × state → outcome. Editable states are draft and changes-requested.
  const TABLE: Record<Exclude<ArticleOperation, 'create'>, Record<WorkflowState, string>> = {
    update: { draft: 'ok', submitted: 'locked', 'changes-requested': 'ok', rejected: 'locked', approved: 'locked', scheduled: 'locked', published: 'locked', withdrawn: 'locked' },
    discardDraft: { draft: 'ok', submitted: 'locked', 'changes-requested': 'ok', rejected: 'locked', approved: 'locked', scheduled: 'locked', published: 'locked', withdrawn: 'locked' },
    clone: { draft: 'ok', submitted: 'ok', 'changes-requested': 'ok', rejected: 'ok', approved: 'ok', scheduled: 'ok', published: 'ok', withdrawn: 'ok' },
    delete: { draft: 'ok', submitted: 'delete-submitted', 'changes-requested': 'delete-submitted', rejected: 'delete-submitted', approved: 'delete-submitted', scheduled: 'delete-submitted', published: 'delete-submitted', withdrawn: 'delete-submitted' },
    publish: Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 'use-workflow'])) as Record<WorkflowState, string>,
    unpublish: Object.fromEntries(WORKFLOW_STATES.map((s) => [s, 'use-workflow'])) as Record<WorkflowState, string>,
  };
  const cases = Object.entries(TABLE).flatMap(([op, row]) => Object.entries(row).map(([state, expected]) => [op as ArticleOperation, state as WorkflowState, expected] as const));
  test.each(cases)('%s in %s → %s', (op, state, expected) => {
    expect(outcome(contributor, op, own(state))).toBe(expected);
  });

  test('a draft that was once submitted (sent back, then reopened) is not deleted outright', () => {
    expect(outcome(contributor, 'delete', own('draft', true))).toBe('delete-submitted');
  });

  test('create strips the workflow fields, featured and agency, and files the piece under the contributor’s agency', () => {
    const d = decideArticleOperation(contributor, 'create', null);
    expect(d).toMatchObject({ ok: true, forceOwnAgency: true, freshDraft: false });
    expect(d.ok && [...d.strip].sort()).toEqual([...TRANSITION_ONLY_FIELDS, 'featured', 'agency'].sort());
  });

  test('a clone is a fresh draft of their own agency', () => {
    expect(decideArticleOperation(contributor, 'clone', own('published'))).toMatchObject({ ok: true, forceOwnAgency: true, freshDraft: true });
  });
});

test.each(ARTICLE_OPERATIONS.filter((op) => op !== 'create'))('a contributor may not %s another agency’s piece', (op) => {
  const expected = op === 'publish' || op === 'unpublish' ? 'use-workflow' : 'other-agency';
  expect(outcome(contributor, op, { state: 'draft', everSubmitted: false, sameAgency: false })).toBe(expected);
});

describe('an editor', () => {
  test.each(WORKFLOW_STATES)('updates a piece in %s, workflow fields stripped', (state) => {
    const d = decideArticleOperation(editor, 'update', own(state));
    expect(d).toMatchObject({ ok: true, forceOwnAgency: false });
    expect(d.ok && d.strip).toEqual(TRANSITION_ONLY_FIELDS);
  });

  test.each([
    ['draft', false, 'ok'],
    ['draft', true, 'delete-after-review'],
    ['submitted', true, 'delete-after-review'],
    ['approved', true, 'delete-after-review'],
    ['scheduled', true, 'delete-after-review'],
    ['published', true, 'delete-after-review'],
    ['rejected', true, 'ok'],
    ['withdrawn', true, 'ok'],
  ] as const)('deletes a piece in %s (ever submitted: %s) → %s', (state, everSubmitted, expected) => {
    expect(outcome(editor, 'delete', own(state, everSubmitted))).toBe(expected);
  });

  test.each(['publish', 'unpublish'] as const)('may not %s outside the workflow', (op) => {
    expect(outcome(editor, op, own('approved'))).toBe('use-workflow');
    expect(outcome({ kind: 'user', role: 'committee-admin' }, op, own('approved'))).toBe('use-workflow');
  });
});

test.each(ARTICLE_OPERATIONS)('the workflow and the system may %s, as they are', (op) => {
  for (const caller of [{ kind: 'workflow' }, { kind: 'system' }] as ArticleCaller[]) {
    expect(decideArticleOperation(caller, op, own('approved'))).toEqual({ ok: true, strip: [], forceOwnAgency: false, freshDraft: false });
  }
});

test.each(ARTICLE_OPERATIONS)('a signed-in user with no workflow role may not %s', (op) => {
  expect(outcome({ kind: 'user', role: null }, op, own('draft'))).toBe('no-role');
});

test('the editable states are exactly those whose actions a contributor takes', () => {
  expect([...CONTRIBUTOR_EDITABLE_STATES]).toEqual(['draft', 'changes-requested']);
  expect(fieldsNotWritableBy('committee-admin')).toEqual(TRANSITION_ONLY_FIELDS);
});

describe('media of pieces', () => {
  test.each([
    [[], true],
    [[{ state: 'draft', published: false }], true],
    [[{ state: 'changes-requested', published: false }], true],
    [[{ state: 'submitted', published: false }], false],
    [[{ state: 'approved', published: false }], false],
    [[{ state: 'draft', published: false }, { state: 'published', published: true }], false],
    [[{ state: 'withdrawn', published: false }], false],
  ] as const)('a contributor may change a file used by %j: %s', (pieces, expected) => {
    expect(mayChangeMediaOf(contributor, pieces)).toBe(expected);
  });

  test.each([editor, { kind: 'user', role: 'committee-admin' }, { kind: 'workflow' }, { kind: 'system' }] as ArticleCaller[])('%o may change any file', (caller) => {
    expect(mayChangeMediaOf(caller, [{ state: 'published', published: true }])).toBe(true);
  });

  test('an account with none of the workflow roles is held to the contributor rule', () => {
    expect(mayChangeMediaOf({ kind: 'user', role: null }, [{ state: 'approved', published: false }])).toBe(false);
  });
});
