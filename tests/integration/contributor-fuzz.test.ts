/**
 * An invariant, fuzzed: random sequences of what a contributor may send (create,
 * update, clone, delete, discard, publish, bulk actions, uploads, workflow actions,
 * with random bodies full of workflow fields), interleaved with scheduler ticks.
 * Afterwards no piece is public that was not, no stored piece changed state or text
 * without an editor, no history row changed, and nothing answered 500.
 * Seeded: FUZZ_SEED=<n> replays a run.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { WORKFLOW_ACTION_NAMES } from '../../shared/src/index.js';
import { contentManager, removeArticles, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const SEED = Number(process.env.FUZZ_SEED ?? 20241);
const STEPS = 160;

/** mulberry32: a small, well-mixed seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const past = () => new Date(Date.now() - 3_600_000).toISOString();

/** A random body: real fields and the workflow's, in random combinations. */
function body(): Record<string, unknown> {
  const candidates: Record<string, () => unknown> = {
    title: () => `Fuzz ${Math.floor(rand() * 1e9)}`,
    summary: () => pick(['', 'Tóm tắt', '<script>alert(1)</script>', 'x'.repeat(900)]),
    body: () => pick(['Nội dung', '**đậm**', '<img src=x onerror=alert(1)>']),
    workflowState: () => pick(['published', 'scheduled', 'approved', 'draft']),
    scheduledAt: past,
    submittedAt: past,
    publicationDate: past,
    publishedAt: past,
    featured: () => true,
    demo: () => true,
    status: () => 'published',
    agency: () => pick([otherAgencyId, 'khong-co']),
    areas: () => ({ connect: [{ documentId: areaId }] }),
    format: () => pick(['tin-ngan', 'infographic', 'khong-hop-le']),
  };
  return Object.fromEntries(Object.entries(candidates).filter(() => rand() < 0.45).map(([k, v]) => [k, v()]));
}

let areaId = '';
let otherAgencyId = '';
/** Pieces that exist before the run, by what they must still be after it. */
const fixed: Array<{ documentId: string; state: string; title: string; events: string; own: boolean }> = [];
/** Every piece the run could aim at: the fixed ones and those it creates. */
const pool: string[] = [];
const created: string[] = [];
let publicBefore = 0;

async function call(method: string, path: string, payload?: unknown): Promise<{ status: number; body: Record<string, any> }> { // admin API bodies vary per route
  const res = await fetch(`${inject('cmsUrl')}${path}`, {
    method,
    headers: { authorization: `Bearer ${inject('adminTokens').tuPhap}`, 'content-type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await res.text();
  let parsed: Record<string, any> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, any>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

const asAdmin = () => contentManager(inject('cmsUrl'), inject('adminTokens').admin, ARTICLE);
const history = async (id: string) => JSON.stringify((await (await fetch(`${inject('cmsUrl')}/cchc/articles/${id}/history`, { headers: { authorization: `Bearer ${inject('adminTokens').admin}` } })).json()) as unknown);
const publicTotal = async () => ((await (await fetch(`${inject('cmsUrl')}/api/cchc/articles?pageSize=1`)).json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;

beforeAll(async () => {
  const admin = inject('adminTokens').admin;
  areaId = (await contentManager(inject('cmsUrl'), admin, 'plugin::cchc.reform-area').list()).body.results[0].documentId;
  otherAgencyId = (await contentManager(inject('cmsUrl'), admin, 'plugin::cchc.agency').list('&filters[slug][$eq]=so-tai-chinh')).body.results[0].documentId;
  // Sở Tư pháp's pieces in every state an editor can leave them in, and one of Sở Tài chính.
  const paths: Record<string, string[]> = { draft: [], submitted: ['submit'], approved: ['submit', 'approve'], scheduled: ['submit', 'approve', 'schedule'], published: ['submit', 'approve', 'publish'], withdrawn: ['submit', 'approve', 'publish', 'withdraw'], rejected: ['submit', 'reject'] };
  for (const [state, steps] of Object.entries(paths)) {
    for (const token of [inject('adminTokens').tuPhap, inject('adminTokens').taiChinh]) {
      const title = `Fuzz cố định ${state} ${Date.now()} ${Math.random()}`;
      const made = await contentManager(inject('cmsUrl'), token, ARTICLE).create({ title, format: 'tin-ngan', areas: { connect: [{ documentId: areaId }] } });
      const id = made.body.data.documentId as string;
      for (const action of steps) {
        // Scheduled an hour ahead: nothing the run does may bring it forward.
        const res = await transitionArticle(inject('cmsUrl'), admin, id, action, { note: 'Chuẩn bị kiểm thử', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
        expect(res.status, `${state}: ${action}`).toBe(200);
      }
      created.push(id);
      pool.push(id);
      fixed.push({ documentId: id, state, title, events: await history(id), own: token === inject('adminTokens').tuPhap });
    }
  }
  publicBefore = await publicTotal();
}, 180_000);

afterAll(async () => {
  await removeArticles(inject('cmsUrl'), inject('adminTokens').admin, created);
}, 180_000);

test(`a contributor's random requests never publish, change a decided text or rewrite history (seed ${SEED})`, async () => {
  const log: string[] = [];
  const A = `/content-manager/collection-types/${ARTICLE}`;
  const operations: Array<() => Promise<{ status: number; body: Record<string, any> }>> = [
    () => call('POST', A, { title: `Fuzz mới ${Math.floor(rand() * 1e9)}`, ...body() }),
    () => call('PUT', `${A}/${pick(pool)}`, body()),
    () => call('POST', `${A}/clone/${pick(pool)}`, body()),
    () => call('DELETE', `${A}/${pick(pool)}`),
    () => call('POST', `${A}/${pick(pool)}/actions/discard`, {}),
    () => call('POST', `${A}/${pick(pool)}/actions/publish`, body()),
    () => call('POST', `${A}/${pick(pool)}/actions/unpublish`, {}),
    () => call('POST', `${A}/actions/publish`, { title: `Fuzz đăng ${Math.floor(rand() * 1e9)}`, ...body() }),
    () => call('POST', `${A}/actions/bulkPublish`, { documentIds: [pick(pool), pick(pool)] }),
    () => call('POST', `${A}/actions/bulkUnpublish`, { documentIds: [pick(pool)] }),
    () => call('POST', `${A}/actions/bulkDelete`, { documentIds: [pick(pool), pick(pool)] }),
    () => call('POST', `/cchc/articles/${pick(pool)}/transition`, { action: pick(WORKFLOW_ACTION_NAMES), note: 'Tự làm', scheduledAt: past() }),
    () => call('POST', `/cchc/articles/${pick(pool)}/transition`, { action: 'submit', note: '' }),
    async () => {
      // A scheduler tick (every second in tests).
      await new Promise((r) => setTimeout(r, 1_100));
      return { status: 200, body: {} };
    },
  ];
  for (let step = 0; step < STEPS; step++) {
    const index = Math.floor(rand() * operations.length);
    const res = await operations[index]!();
    log.push(`${step}: op ${index} → ${res.status}`);
    expect(res.status, `seed ${SEED}, ${log.slice(-5).join('; ')}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
    const newId = res.status < 300 ? (res.body.data?.documentId as string | undefined) : undefined;
    if (newId && !pool.includes(newId)) {
      pool.push(newId);
      created.push(newId);
    }
  }
  await new Promise((r) => setTimeout(r, 1_500));

  // Nothing became public.
  expect(await publicTotal(), `seed ${SEED}`).toBe(publicBefore);
  // Every piece that existed keeps its state, its text and its history (but the agency's own never-submitted drafts, which it may edit or delete).
  for (const piece of fixed) {
    if (piece.state === 'draft' && piece.own) continue;
    const now = (await asAdmin().list(`&filters[documentId][$eq]=${piece.documentId}`)).body.results?.[0] as { workflowState: string; title: string } | undefined;
    expect(now, `seed ${SEED}: ${piece.state} piece ${piece.documentId} is gone`).toBeDefined();
    expect(now!.workflowState, `seed ${SEED}: ${piece.state}`).toBe(piece.state);
    expect(now!.title, `seed ${SEED}: ${piece.state}`).toBe(piece.title);
    expect(await history(piece.documentId), `seed ${SEED}: history of a ${piece.state} piece`).toBe(piece.events);
  }
  // What the run created is the agency's draft or submission, never further.
  for (const id of created.filter((c) => !fixed.some((f) => f.documentId === c))) {
    const row = (await asAdmin().list(`&filters[documentId][$eq]=${id}`)).body.results?.[0] as { workflowState: string } | undefined;
    if (row) expect(['draft', 'submitted'], `seed ${SEED}: created piece ${id}`).toContain(row.workflowState);
  }
}, 300_000);
