import { describe, expect, test } from 'vitest';
import {
  WORKFLOW_ACTIONS,
  WORKFLOW_ACTION_NAMES,
  WORKFLOW_ROLES,
  WORKFLOW_STATES,
  WORKFLOW_STATE_LABELS,
  availableActions,
  decideTransition,
  type WorkflowState,
} from '../../../shared/src/index.js';

describe('decideTransition', () => {
  test.each([
    ['draft', 'submit', 'contributor', '', 'submitted'],
    ['changes-requested', 'submit', 'contributor', '', 'submitted'],
    ['submitted', 'approve', 'editor', '', 'approved'],
    ['submitted', 'request-changes', 'editor', 'Thiếu số liệu', 'changes-requested'],
    ['submitted', 'reject', 'committee-admin', 'Trùng bài', 'rejected'],
    ['approved', 'schedule', 'editor', '', 'scheduled'],
    ['scheduled', 'unschedule', 'editor', '', 'approved'],
    ['scheduled', 'publish', 'editor', '', 'published'],
    ['approved', 'publish', 'committee-admin', '', 'published'],
    ['draft', 'publish-directly', 'editor', 'Tin khẩn', 'published'],
    ['published', 'withdraw', 'editor', 'Sai thông tin', 'withdrawn'],
    ['withdrawn', 'revise', 'contributor', '', 'draft'],
  ] as const)('%s --%s (%s)--> %s', (from, action, role, note, to) => {
    expect(decideTransition(from, action, role, note)).toEqual({ ok: true, to });
  });

  test.each([
    ['submitted', 'approve', 'contributor', '', 'not-allowed'],
    ['approved', 'publish', 'contributor', '', 'not-allowed'],
    ['draft', 'publish-directly', 'contributor', 'x', 'not-allowed'],
    ['draft', 'approve', 'editor', '', 'wrong-state'],
    ['published', 'submit', 'contributor', '', 'wrong-state'],
    ['rejected', 'approve', 'editor', '', 'wrong-state'],
    ['submitted', 'request-changes', 'editor', '   ', 'note-required'],
    ['draft', 'publish-directly', 'editor', '', 'note-required'],
    ['published', 'withdraw', 'committee-admin', '', 'note-required'],
    ['draft', 'teleport', 'editor', '', 'unknown-action'],
    ['draft', 'toString', 'editor', '', 'unknown-action'],
  ] as const)('%s --%s (%s)--> refused: %s', (from, action, role, note, refusal) => {
    expect(decideTransition(from, action, role, note)).toEqual({ ok: false, refusal });
  });
});

describe('the rules table', () => {
  test('every action leads somewhere from somewhere, and names real states', () => {
    for (const name of WORKFLOW_ACTION_NAMES) {
      const rule = WORKFLOW_ACTIONS[name];
      expect(rule.from.length).toBeGreaterThan(0);
      for (const s of [...rule.from, rule.to]) expect(WORKFLOW_STATES).toContain(s);
      expect(rule.label.length).toBeGreaterThan(2);
    }
  });

  test('only editors and committee administrators ever publish', () => {
    const publishing = WORKFLOW_ACTION_NAMES.filter((n) => WORKFLOW_ACTIONS[n].to === 'published');
    for (const name of publishing) expect(WORKFLOW_ACTIONS[name].roles).not.toContain('contributor');
  });

  test('every state but rejected-and-done can be left by someone', () => {
    const leavable = new Set<WorkflowState>(WORKFLOW_ACTION_NAMES.flatMap((n) => [...WORKFLOW_ACTIONS[n].from]));
    expect(WORKFLOW_STATES.filter((s) => !leavable.has(s))).toEqual([]);
  });

  test('availableActions agrees with decideTransition for every state and role', () => {
    for (const state of WORKFLOW_STATES) {
      for (const role of WORKFLOW_ROLES) {
        const allowed = WORKFLOW_ACTION_NAMES.filter((a) => decideTransition(state, a, role, 'lý do').ok);
        expect(availableActions(state, role)).toEqual(allowed);
      }
    }
  });

  test('every state has a Vietnamese label in NFC', () => {
    for (const state of WORKFLOW_STATES) expect(WORKFLOW_STATE_LABELS[state]).toBe(WORKFLOW_STATE_LABELS[state].normalize('NFC'));
  });
});
