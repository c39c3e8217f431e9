/**
 * Every route the CMS actually serves (read from the running server), as each
 * plugin role, against the expected-permission table in route-table.ts. Denied
 * means 401, 403 or 404 (a piece of another agency is not acknowledged); allowed
 * means neither 401 nor 403. Mutating routes are sent only where the table denies
 * them, so a test run never changes what it should not; what an allowed write
 * does to a piece in each state is the article rules' test (contributor-attacks,
 * workflow-matrix).
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import * as shared from '@cchc/shared';
import { API_PREFIX, declaredEndpoints, type AnyEndpoint } from '@cchc/shared';
import { CM_ACCESS, CM_NEEDS, CM_SINGLE_ACCESS, PREFIX_RULES, ROLES, ROUTE_TABLE, allows, type Role, type Rule } from './route-table.js';

const DENIED = [401, 403, 404];
const token = (role: Role) => ({ contributor: inject('adminTokens').tuPhap, editor: inject('adminTokens').editor, committee: inject('adminTokens').committee })[role];

/** Method and path of each route, as the server registered them. */
const served = (): string[] => {
  const routes = JSON.parse(fs.readFileSync(inject('routeTable'), 'utf8')) as Array<{ method: string; path: string }>;
  return [...new Set(routes.map((r) => `${r.method} ${r.path}`))];
};

function ruleOf(route: string): Rule | undefined {
  return ROUTE_TABLE[route] ?? PREFIX_RULES.find(([prefix]) => (prefix.startsWith(' ') ? route.includes(prefix) : route.startsWith(prefix)))?.[1];
}

/** Fills a route's path parameters, segment by segment. */
function fill(path: string, values: Record<string, string>): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(values[segment.slice(1).replace('*', '')] ?? '1') : segment))
    .join('/');
}

async function send(role: Role, method: string, path: string): Promise<number> {
  const res = await fetch(`${inject('cmsUrl')}${path}`, {
    method,
    headers: { authorization: `Bearer ${token(role)}`, 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : '{}',
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

/** A document of each content type to aim at; for articles, one that is not Sở Tư pháp's. */
const targets: Record<string, string> = {};
/** A relation field of each content type, for the relations routes. */
const relationField: Record<string, string> = {};

beforeAll(async () => {
  const admin = inject('adminTokens').admin;
  const types = (await (await fetch(`${inject('cmsUrl')}/content-manager/content-types`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
    data: Array<{ uid: string; attributes: Record<string, { type: string; target?: string }> }>;
  };
  for (const type of types.data) {
    const field = Object.entries(type.attributes).find(([, a]) => a.type === 'relation' && !a.target?.startsWith('admin::'))?.[0];
    if (field) relationField[type.uid] = field;
  }
  for (const model of Object.keys(CM_ACCESS)) {
    const query = model === 'plugin::cchc.article' ? '&filters[agency][slug][$ne]=so-tu-phap' : '';
    const res = await fetch(`${inject('cmsUrl')}/content-manager/collection-types/${model}?pageSize=1${query}`, { headers: { authorization: `Bearer ${admin}` } });
    const body = (await res.json()) as { results?: Array<{ documentId?: string; id?: number }> };
    const first = body.results?.[0];
    targets[model] = String(first?.documentId ?? first?.id ?? 'nothing');
  }
});

test('every route the server serves has a row in the table', () => {
  const missing = served().filter((route) => ruleOf(route) === undefined);
  expect(missing).toEqual([]);
});

test('the table names no route the server does not serve (it is kept honest)', () => {
  const routes = new Set(served());
  expect(Object.keys(ROUTE_TABLE).filter((r) => !routes.has(r))).toEqual([]);
});

/** Every endpoint declared in @cchc/shared: the `Endpoint` of each exported contract namespace. */
const ENDPOINTS: AnyEndpoint[] = declaredEndpoints(shared);

describe('the plugin\'s routes', () => {
  test('are exactly the endpoints declared in @cchc/shared (a contract without its handler, or a route without a contract, fails)', () => {
    expect(ENDPOINTS.length).toBeGreaterThan(20);
    const plugin = served().filter((route) => / \/(api\/)?cchc\//.test(route));
    const declared = ENDPOINTS.map((e) => `${e.method} ${API_PREFIX[e.api]}${e.path}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...plugin].sort()).toEqual([...declared].sort());
  });

  test('each admin route is in the permission table with the roles its declaration names', () => {
    const roleOf: Record<string, Role> = { contributor: 'contributor', editor: 'editor', 'committee-admin': 'committee' };
    for (const e of ENDPOINTS.filter((d) => d.access !== 'public')) {
      const expected = Object.fromEntries(ROLES.map((role) => [role, (e.access as readonly string[]).some((a) => roleOf[a] === role)]));
      expect(ROUTE_TABLE[`${e.method} ${API_PREFIX[e.api]}${e.path}`], e.name).toEqual(expected);
    }
  });
});

describe.each(ROLES)('as %s', (role) => {
  test('routes for the super admin only, or for nobody, are refused', async () => {
    const wrong: string[] = [];
    for (const route of served().filter((r) => ruleOf(r) === 'super-admin' || ruleOf(r) === 'nobody')) {
      const [method, path] = route.split(' ') as [string, string];
      const status = await send(role, method, fill(path, { uid: 'plugin::cchc.article', contentType: 'plugin::cchc.article', model: 'plugin::cchc.article' }));
      // 404: the route's target does not exist here (no components are defined); never a success.
      if (!DENIED.includes(status)) wrong.push(`${route} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  test('read-only routes for any signed-in administrator answer', async () => {
    const wrong: string[] = [];
    for (const route of served().filter((r) => ruleOf(r) === 'signed-in' && r.startsWith('GET '))) {
      const status = await send(role, 'GET', fill(route.slice(4), { uid: 'plugin::cchc.article', contentType: 'plugin::cchc.article', model: 'plugin::cchc.article', documentId: 'x' }));
      if (status === 401 || status === 403) wrong.push(`${route} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  test('per-role routes answer as the table says (writes are sent only where refused)', async () => {
    const wrong: string[] = [];
    for (const route of served()) {
      const rule = ruleOf(route);
      if (!rule || typeof rule === 'string') continue;
      const [method, path] = route.split(' ') as [string, string];
      if (rule[role] && method !== 'GET') continue;
      const status = await send(role, method, fill(path, { documentId: targets['plugin::cchc.article']! }));
      const ok = rule[role] ? !DENIED.slice(0, 2).includes(status) : DENIED.includes(status);
      if (!ok) wrong.push(`${route} → ${status} (expected ${rule[role] ? 'allowed' : 'refused'})`);
    }
    expect(wrong).toEqual([]);
  });

  test('Content Manager routes, for every content type, answer as the table says', async () => {
    const wrong: string[] = [];
    const cases = [
      ...Object.entries(CM_ACCESS).map(([model, access]) => [model, access, 'collection-types'] as const),
      ...Object.entries(CM_SINGLE_ACCESS).map(([model, access]) => [model, access, 'single-types'] as const),
    ];
    for (const [model, access, kind] of cases) {
      for (const [route, needed] of Object.entries(CM_NEEDS)) {
        if (!route.includes(`/${kind}/`) && !route.includes('/relations/')) continue;
        if (route.includes('/relations/') && !relationField[model]) continue;
        const [method, path] = route.split(' ') as [string, string];
        let allowed = allows(access[role], needed);
        // A contributor's grants cover their own agency's pieces only: the target is another agency's.
        const targeted = path.includes(':id') || path.includes(':sourceId');
        if (model === 'plugin::cchc.article' && role === 'contributor' && targeted) allowed = false;
        if (allowed && method !== 'GET') continue;
        const id = targets[model] ?? '1';
        const status = await send(role, method, fill(path, { model, id, sourceId: id, targetField: relationField[model] ?? '' }));
        const ok = allowed ? !DENIED.slice(0, 2).includes(status) && status < 500 : DENIED.includes(status) || (needed === 'publish' && status === 400);
        if (!ok) wrong.push(`${route} on ${model} → ${status} (expected ${allowed ? 'allowed' : 'refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
