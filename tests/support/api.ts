/** Small HTTP helpers for the integration tests: public API reads and admin-API writes. */

/** GETs a URL and returns status and parsed JSON body. */
export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

/** Signs in to the Strapi admin API and returns a bearer token. */
export async function adminLogin(cmsUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  // Also used by the global setup, outside any test: a plain error rather than expect().
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { data: { token: string } };
  return body.data.token;
}

/** A client of the content-manager admin API for one content type. */
export function contentManager(cmsUrl: string, token: string, uid: string) {
  const base = `${cmsUrl}/content-manager/collection-types/${uid}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} }; // admin API bodies vary per route
  };
  return {
    list: (query = '') => call('GET', `?pageSize=100${query}`),
    create: (data: Record<string, unknown>) => call('POST', '', data),
    update: (documentId: string, data: Record<string, unknown>) => call('PUT', `/${documentId}`, data),
    publish: (documentId: string) => call('POST', `/${documentId}/actions/publish`, {}),
    remove: (documentId: string) => call('DELETE', `/${documentId}`),
  };
}

/** Collects every key of a JSON value, at any depth. */
export function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      allKeys(v, keys);
    }
  }
  return keys;
}

/** Takes a workflow action on an article (POST /cchc/articles/:documentId/transition) as the holder of `token`. */
export async function transitionArticle(
  cmsUrl: string,
  token: string,
  documentId: string,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, any> }> { // admin API bodies vary per route
  const res = await fetch(`${cmsUrl}/cchc/articles/${documentId}/transition`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action, ...extra }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The next workflow step that brings a piece closer to a state in which it may be deleted (rejected or withdrawn). */
const TOWARDS_DELETABLE: Record<string, string> = { draft: 'submit', 'changes-requested': 'submit', submitted: 'reject', approved: 'publish', scheduled: 'unschedule', published: 'withdraw' };

/**
 * Deletes a piece as a test cleanup would, the way the rules allow: a piece that was
 * ever submitted is first refused or withdrawn through the workflow (with a reason), then deleted.
 */
export async function removeArticle(cmsUrl: string, token: string, documentId: string): Promise<number> {
  const articles = contentManager(cmsUrl, token, 'plugin::cchc.article');
  for (let step = 0; step < 6; step++) {
    const res = await articles.remove(documentId);
    if (res.status === 200 || res.status === 404) return res.status;
    const history = await fetch(`${cmsUrl}/cchc/articles/${documentId}/history`, { headers: { authorization: `Bearer ${token}` } });
    const state = ((await history.json()) as { data?: { state?: string } }).data?.state ?? '';
    const action = TOWARDS_DELETABLE[state];
    if (!action) return res.status;
    await transitionArticle(cmsUrl, token, documentId, action, { note: 'Dọn dữ liệu kiểm thử' });
  }
  return 0;
}

/** removeArticle for many pieces, `parallel` at a time (a cleanup of hundreds of pieces in several states). */
export async function removeArticles(cmsUrl: string, token: string, documentIds: readonly string[], parallel = 8): Promise<void> {
  const queue = [...documentIds];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await removeArticle(cmsUrl, token, id);
    }),
  );
}

/** A reform area and an agency to file test articles under (a piece needs both to be published). */
export async function referenceIds(cmsUrl: string, token: string): Promise<{ areaId: string; agencyId: string }> {
  const [areas, agencies] = await Promise.all([
    contentManager(cmsUrl, token, 'plugin::cchc.reform-area').list(),
    contentManager(cmsUrl, token, 'plugin::cchc.agency').list('&filters[slug][$eq]=so-noi-vu'),
  ]);
  return { areaId: areas.body.results[0].documentId, agencyId: agencies.body.results[0].documentId };
}

/** A published article a test made, and how to delete it again. */
export interface TestArticle {
  documentId: string;
  slug: string;
  remove: () => Promise<void>;
}

/**
 * Creates and publishes an article through the admin API (in the first reform area,
 * from Sở Nội vụ, unless `data` says otherwise); `remove()` withdraws and deletes it so other suites see only the seed.
 */
export async function publishTestArticle(cmsUrl: string, token: string, data: Record<string, unknown>): Promise<TestArticle> {
  const { areaId, agencyId } = await referenceIds(cmsUrl, token);
  const articles = contentManager(cmsUrl, token, 'plugin::cchc.article');
  const created = await articles.create({ areas: { connect: [{ documentId: areaId }] }, agency: { connect: [{ documentId: agencyId }] }, ...data });
  if (created.status !== 201) throw new Error(`creating the test article answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { documentId, slug } = created.body.data as { documentId: string; slug: string };
  const published = await transitionArticle(cmsUrl, token, documentId, 'publish-directly', { note: 'Bài của bộ kiểm thử' });
  if (published.status !== 200) throw new Error(`publishing the test article answered ${published.status}: ${JSON.stringify(published.body)}`);
  return {
    documentId,
    slug,
    remove: async () => {
      const status = await removeArticle(cmsUrl, token, documentId);
      if (status !== 200) throw new Error(`deleting the test article answered ${status}`);
    },
  };
}
