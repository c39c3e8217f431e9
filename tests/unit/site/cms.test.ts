import { describe, expect, it } from 'vitest';
import { GetAgency, GetArticle, GetHome, ListArticles, ListReformAreas, SearchArticles, SubmitQuestion, TAG, queryString } from '@cchc/shared';
import { createCmsClient } from '../../../site/src/lib/cms.js';
import { CmsContractError, CmsUnavailableError } from '../../../site/src/lib/errors.js';

const area = {
  code: 'the-che',
  name: 'Cải cách thể chế',
  nameEn: 'Institutional reform',
  description: '',
  order: 1,
  leadAgency: null,
};

/** A fetch that answers from a table of path → response factory, honours the abort signal, and counts calls. */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const key = `${url.pathname}${url.search}`;
    calls.push(key);
    const route = routes[key];
    if (!route) return Response.json({ data: null, error: { status: 404, name: 'NotFoundError', message: 'x' } }, { status: 404 });
    const aborted = new Promise<never>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
    return Promise.race([route(), aborted]);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const client = (routes: Record<string, () => Response | Promise<Response>>, now = () => 0) => {
  const fake = fakeFetch(routes);
  return { cms: createCmsClient({ baseUrls: () => ['http://cms.test'], fetch: fake.fetch, now, timeoutMs: 50 }), calls: fake.calls };
};

describe('queryString', () => {
  it('writes set parameters only, in the API names, arrays comma-separated', () => {
    expect(queryString({ area: 'the-che', page: 2, pageSize: 12, featured: 'true', topic: undefined, q: '' })).toBe(
      'area=the-che&page=2&pageSize=12&featured=true',
    );
    expect(queryString({ format: ['video-clip', 'phong-su'] })).toBe('format=video-clip%2Cphong-su');
  });

  it('writes what the contract parses back into the same query', () => {
    const query = { area: 'the-che', format: ['video-clip', 'phong-su'] as const, year: 2024, quarter: 2 as const, featured: 'true' as const, page: 3, pageSize: 12 };
    const parsed = ListArticles.QuerySchema.parse(Object.fromEntries(new URLSearchParams(queryString(query))));
    expect(parsed).toEqual({ ...query, format: [...query.format] });
    const search = { q: 'một cửa', agency: 'so-noi-vu', page: 1, pageSize: 10 };
    expect(SearchArticles.QuerySchema.parse(Object.fromEntries(new URLSearchParams(queryString(search))))).toEqual(search);
  });
});

describe('createCmsClient', () => {
  it('returns null for a 404 and for a malformed slug, without calling the CMS for the latter', async () => {
    const { cms, calls } = client({});
    expect(await cms.call(GetArticle.Endpoint, { params: { slug: 'khong-co' } })).toBeNull();
    expect(await cms.call(GetArticle.Endpoint, { params: { slug: 'Không có' } })).toBeNull();
    expect(await cms.call(GetAgency.Endpoint, { params: { slug: '../x' } })).toBeNull();
    expect(await cms.call(GetAgency.Endpoint, { params: { slug: undefined } })).toBeNull();
    expect(calls).toEqual(['/api/cchc/articles/khong-co']);
  });

  it.each([
    ['a 500', () => new Response('oops', { status: 500 })],
    ['a 503', () => new Response('', { status: 503 })],
    ['a refused connection', () => Promise.reject(new TypeError('fetch failed'))],
    ['a timeout', () => new Promise<Response>(() => {})],
  ])('throws CmsUnavailableError on %s', async (_name, answer) => {
    const { cms } = client({ '/api/cchc/home': answer });
    await expect(cms.call(GetHome.Endpoint)).rejects.toBeInstanceOf(CmsUnavailableError);
  });

  it('a 429 on a visitor\'s own form comes back as its refusal, to show; without a visitor it means the CMS is busy', async () => {
    const limited = () => Response.json({ data: null, error: { status: 429, name: 'RateLimitError', message: 'Vui lòng thử lại sau 42 giây.' } }, { status: 429 });
    const { cms } = client({ '/api/cchc/questions': limited });
    expect(await cms.send(SubmitQuestion.Endpoint, { body: {} as never }, '10.1.2.3')).toEqual({ ok: false, status: 429, message: 'Vui lòng thử lại sau 42 giây.' });
    await expect(cms.send(SubmitQuestion.Endpoint, { body: {} as never })).rejects.toBeInstanceOf(CmsUnavailableError);
  });

  it.each([
    ['a body that breaks the schema', () => Response.json({ data: [{ code: 1 }] })],
    ['a body that is not JSON', () => new Response('<html>', { status: 200 })],
    ['a 400', () => Response.json({ data: null, error: { status: 400, name: 'ValidationError', message: 'x' } }, { status: 400 })],
  ])('throws CmsContractError on %s', async (_name, answer) => {
    const { cms } = client({ '/api/cchc/reform-areas': answer });
    await expect(cms.call(ListReformAreas.Endpoint)).rejects.toBeInstanceOf(CmsContractError);
  });

  it('keeps reform areas for the cache lifetime, then asks again', async () => {
    let time = 0;
    const { cms, calls } = client({ '/api/cchc/reform-areas': () => Response.json({ data: [area] }) }, () => time);
    expect(await cms.reformAreas()).toEqual([area]);
    time = 59_000;
    expect(await cms.reformAreas()).toEqual([area]);
    expect(calls).toHaveLength(1);
    time = 61_000;
    await cms.reformAreas();
    expect(calls).toHaveLength(2);
  });

  it('does not cache a failed area load', async () => {
    let fail = true;
    const { cms } = client({
      '/api/cchc/reform-areas': () => (fail ? new Response('', { status: 502 }) : Response.json({ data: [area] })),
    });
    await expect(cms.reformAreas()).rejects.toBeInstanceOf(CmsUnavailableError);
    fail = false;
    expect(await cms.reformAreas()).toEqual([area]);
  });

  it('adds the endpoint\'s cache tags to the page\'s headers, from its input and its answer', async () => {
    const { cms } = client({
      '/api/cchc/articles?area=the-che&format=video-clip&page=2': () =>
        Response.json({ data: [], meta: { pagination: { page: 2, pageSize: 10, pageCount: 0, total: 0 } } }),
    });
    const headers = new Headers();
    await cms.call(ListArticles.Endpoint, { query: { area: 'the-che', format: ['video-clip'], page: 2 } }, headers);
    expect(headers.get('cache-tag')?.split(' ').sort()).toEqual([TAG.area('the-che'), TAG.format('video-clip')].sort());
    const none = new Headers();
    expect(await cms.call(GetArticle.Endpoint, { params: { slug: 'khong-co' } }, none)).toBeNull();
    expect(none.get('cache-tag')).toBeNull();
  });

  it('reads a text file of the upload folder; null when missing or when the name is not one file', async () => {
    const { cms, calls } = client({ '/uploads/phu_de_a1.vtt': () => new Response('WEBVTT\n', { headers: { 'content-type': 'text/vtt' } }) });
    expect(await cms.uploadText('phu_de_a1.vtt')).toBe('WEBVTT\n');
    expect(await cms.uploadText('khong_co.vtt')).toBeNull();
    expect(await cms.uploadText('../config.vtt')).toBeNull();
    expect(await cms.uploadText('.env')).toBeNull();
    expect(calls).toEqual(['/uploads/phu_de_a1.vtt', '/uploads/khong_co.vtt']);
  });

  it('reads a caption file from the media bucket, without the site key; the CMS folder for files older than the bucket', async () => {
    const fake = fakeFetch({
      '/cchc-media/cchc/phu_de_b2.vtt': () => new Response('WEBVTT\n\nbucket'),
      '/uploads/phu_de_cu.vtt': () => new Response('WEBVTT\n\ncms'),
      '/cchc-media/bi_cam.vtt': () => new Response('<Error>AccessDenied</Error>', { status: 403 }),
    });
    const keys: Array<string | null> = [];
    const recording: typeof globalThis.fetch = (input, init) => {
      keys.push(new Headers(init?.headers).get('x-cchc-site-key'));
      return fake.fetch(input, init);
    };
    const cms = createCmsClient({ baseUrls: () => ['http://cms.test'], siteKey: () => 'khoa-cua-site', mediaBaseUrl: () => 'http://s3.test/cchc-media', fetch: recording, timeoutMs: 50 });
    expect(await cms.uploadText('cchc/phu_de_b2.vtt')).toBe('WEBVTT\n\nbucket');
    expect(await cms.uploadText('phu_de_cu.vtt')).toBe('WEBVTT\n\ncms');
    // A bucket that may not be listed answers 403 for a missing key: not there, not an error.
    expect(await cms.uploadText('bi_cam.vtt')).toBeNull();
    expect(await cms.uploadText('cchc/khong_co.vtt')).toBeNull();
    expect(await cms.uploadText('cchc/../phu_de_b2.vtt')).toBeNull();
    expect(await cms.uploadText('/cchc/phu_de_b2.vtt')).toBeNull();
    expect(fake.calls).toEqual(['/cchc-media/cchc/phu_de_b2.vtt', '/cchc-media/phu_de_cu.vtt', '/uploads/phu_de_cu.vtt', '/cchc-media/bi_cam.vtt', '/uploads/bi_cam.vtt', '/cchc-media/cchc/khong_co.vtt']);
    // The site's key goes to the CMS only.
    expect(keys).toEqual([null, null, 'khoa-cua-site', null, 'khoa-cua-site', null]);
  });

  it.each([
    ['a 503', () => new Response('', { status: 503 }), CmsUnavailableError],
    ['a refused connection', () => Promise.reject(new TypeError('fetch failed')), CmsUnavailableError],
    ['a file over 1 MB', () => new Response('x'.repeat(1024 * 1024 + 1)), CmsContractError],
  ])('maps %s of an upload read like the API reads', async (_name, answer, error) => {
    const { cms } = client({ '/uploads/phu_de.vtt': answer });
    await expect(cms.uploadText('phu_de.vtt')).rejects.toBeInstanceOf(error);
  });
});

describe('createCmsClient with several CMS instances', () => {
  const home = { data: { latest: [], featured: [], areas: [] } };
  /** A refused connection as undici reports it. */
  const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
  const hang = () => new Promise<Response>(() => {});

  /** Two CMS hosts, each answering every request with its own behaviour; calls are recorded as "host method path". */
  function pair(behaviour: Record<'a' | 'b', () => Response | Promise<Response>>) {
    const calls: string[] = [];
    let clock = 0;
    const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = new URL(String(input));
      calls.push(`${url.hostname} ${init?.method ?? 'GET'} ${url.pathname}`);
      const aborted = new Promise<never>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
      return Promise.race([behaviour[url.hostname as 'a' | 'b'](), aborted]);
    };
    const cms = createCmsClient({ baseUrls: () => ['http://a', 'http://b'], fetch: fetch as typeof globalThis.fetch, now: () => clock, timeoutMs: 50, downMs: 5000 });
    return { cms, calls, advance: (ms: number) => void (clock += ms) };
  }

  it('reads from the next CMS when the first refuses, tries the first last while it is down, then first again', async () => {
    let aUp = false;
    const { cms, calls, advance } = pair({ a: () => (aUp ? Response.json(home) : refused()), b: () => Response.json(home) });
    expect(await cms.call(GetHome.Endpoint)).toEqual(home);
    expect(calls.splice(0)).toEqual(['a GET /api/cchc/home', 'b GET /api/cchc/home']);
    advance(4999);
    await cms.call(GetHome.Endpoint);
    expect(calls.splice(0)).toEqual(['b GET /api/cchc/home']);
    aUp = true;
    advance(1);
    await cms.call(GetHome.Endpoint);
    expect(calls.splice(0)).toEqual(['a GET /api/cchc/home']);
  });

  it.each([
    ['a 503', () => new Response('', { status: 503 })],
    ['a timeout', hang],
  ])('reads from the next CMS when the first answers with %s', async (_name, answer) => {
    const { cms, calls } = pair({ a: answer, b: () => Response.json(home) });
    expect(await cms.call(GetHome.Endpoint)).toEqual(home);
    expect(calls).toEqual(['a GET /api/cchc/home', 'b GET /api/cchc/home']);
  });

  it("takes the first CMS's 404 as the answer", async () => {
    const { cms, calls } = pair({ a: () => Response.json({ data: null, error: { status: 404, name: 'NotFoundError', message: 'x' } }, { status: 404 }), b: () => Response.json(home) });
    expect(await cms.call(GetArticle.Endpoint, { params: { slug: 'khong-co' } })).toBeNull();
    expect(calls).toEqual(['a GET /api/cchc/articles/khong-co']);
  });

  it('sends a form to the next CMS only when the first refused the connection (never twice)', async () => {
    const receipt = { data: { code: 'PAKN.20250101.0001', receivedAt: '2025-01-01T00:00:00.000Z', mailed: false } };
    const accepted = () => Response.json(receipt, { status: 201 });
    const first = pair({ a: refused, b: accepted });
    expect(await first.cms.send(SubmitQuestion.Endpoint, { body: {} as never }, '10.1.2.3')).toEqual({ ok: true, data: receipt });
    expect(first.calls).toEqual(['a POST /api/cchc/questions', 'b POST /api/cchc/questions']);
    for (const answer of [hang, () => new Response('', { status: 503 })]) {
      const other = pair({ a: answer, b: accepted });
      await expect(other.cms.send(SubmitQuestion.Endpoint, { body: {} as never }, '10.1.2.3')).rejects.toBeInstanceOf(CmsUnavailableError);
      expect(other.calls).toEqual(['a POST /api/cchc/questions']);
    }
  });

  it('throws CmsUnavailableError when no CMS can answer', async () => {
    const { cms, calls } = pair({ a: refused, b: () => new Response('', { status: 502 }) });
    await expect(cms.call(GetHome.Endpoint)).rejects.toBeInstanceOf(CmsUnavailableError);
    expect(calls).toEqual(['a GET /api/cchc/home', 'b GET /api/cchc/home']);
  });
});
