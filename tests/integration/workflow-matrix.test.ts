/**
 * The authorization matrix of the review workflow: every role against every action
 * from every state, through the plugin's transition route, compared with the rules
 * table in @cchc/shared. Another agency's contributor is never even told the piece exists.
 */
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { WORKFLOW_ACTION_NAMES, WORKFLOW_STATES, decideTransition, type WorkflowRole, type WorkflowState } from '../../shared/src/index.js';
import { contentManager, removeArticles, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const NOTE = 'Lý do kiểm thử';
const future = () => new Date(Date.now() + 3_600_000).toISOString();

/** Actions (taken by the committee administrator) that bring a fresh draft to each state. */
const PATHS: Record<WorkflowState, string[]> = {
  draft: [],
  submitted: ['submit'],
  'changes-requested': ['submit', 'request-changes'],
  rejected: ['submit', 'reject'],
  approved: ['submit', 'approve'],
  scheduled: ['submit', 'approve', 'schedule'],
  published: ['submit', 'approve', 'publish'],
  withdrawn: ['submit', 'approve', 'publish', 'withdraw'],
};

type Who = 'own agency' | 'other agency' | 'editor' | 'committee';
const WHO: Array<[Who, WorkflowRole, () => string]> = [
  ['own agency', 'contributor', () => inject('adminTokens').tuPhap],
  ['other agency', 'contributor', () => inject('adminTokens').taiChinh],
  ['editor', 'editor', () => inject('adminTokens').editor],
  ['committee', 'committee-admin', () => inject('adminTokens').admin],
];

const created: string[] = [];
let areaId = '';

/** A Sở Tư pháp piece brought to `state`. */
async function pieceIn(state: WorkflowState): Promise<string> {
  const res = await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).create({
    title: `Ma trận ${state} ${Date.now()} ${Math.random()}`,
    format: 'tin-ngan',
    areas: { connect: [{ documentId: areaId }] },
  });
  const id: string = res.body.data.documentId;
  created.push(id);
  for (const action of PATHS[state]) {
    const step = await transitionArticle(inject('cmsUrl'), inject('adminTokens').admin, id, action, { note: NOTE, scheduledAt: future() });
    if (step.status !== 200) throw new Error(`bringing a piece to ${state}: ${action} answered ${step.status} ${JSON.stringify(step.body)}`);
  }
  return id;
}

beforeAll(async () => {
  const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
  areaId = areas.body.results[0].documentId;
});

afterAll(async () => {
  await removeArticles(inject('cmsUrl'), inject('adminTokens').admin, created);
}, 240_000);

describe.each(WORKFLOW_STATES)('from %s', (state) => {
  // Each case has its own piece, so they run side by side (the expect of each case's context).
  test.concurrent.for(WHO.flatMap(([who, role, token]) => WORKFLOW_ACTION_NAMES.map((action) => [action, who, role, token] as const)))(
    '%s by %s',
    async ([action, who, role, token], { expect }) => {
      const id = await pieceIn(state);
      const res = await transitionArticle(inject('cmsUrl'), token(), id, action, { note: NOTE, scheduledAt: future() });
      if (who === 'other agency') {
        expect(res.status).toBe(404);
        return;
      }
      const expected = decideTransition(state, action, role, NOTE);
      if (expected.ok) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.data.state).toBe(expected.to);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(expected.refusal === 'not-allowed' ? 403 : 400);
      }
    },
  );
});
