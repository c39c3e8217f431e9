/** The public API of the cchc plugin, against a real Strapi on a freshly seeded database. */
import { describe, expect, inject, test } from 'vitest';
import { GetArticle, GetHome, ListAgencies, ListArticles, ListReformAreas, ListTopics, quarterOf, slugify } from '../../shared/src/index.js';
import { allKeys, getJson } from '../support/api.js';
import { seed } from '../support/seed.js';

const api = (path: string) => `${inject('cmsUrl')}/api/cchc${path}`;

async function list(query: string): Promise<ListArticles.Response> {
  const { status, body } = await getJson(api(`/articles?${query}`));
  expect(status, query).toBe(200);
  return ListArticles.ResponseSchema.parse(body);
}

describe('seeded data (the CMS booted twice on this database)', () => {
  test('every seeded article is published exactly once', async () => {
    const page = await list('pageSize=1');
    expect(page.meta.pagination.total).toBe(seed.articles.length);
    expect(seed.articles.length).toBeGreaterThanOrEqual(60);
  });

  test('reform areas, topics and agencies match the data set', async () => {
    const areas = ListReformAreas.ResponseSchema.parse((await getJson(api('/reform-areas'))).body).data;
    expect(areas.map((a) => a.code)).toEqual(seed.taxonomy.reformAreas.map((a) => a.code));
    const topics = ListTopics.ResponseSchema.parse((await getJson(api('/topics'))).body).data;
    expect(topics).toHaveLength(seed.taxonomy.topics.length);
    const agencies = ListAgencies.ResponseSchema.parse((await getJson(api('/agencies'))).body).data;
    expect(agencies.map((a) => a.slug).sort()).toEqual(seed.agencies.map((a) => a.slug).sort());
  });

  test('the plan of the seeded year has all its tasks', async () => {
    const { status, body } = await getJson<{ data: { tasks: Array<{ number: string }> } }>(api(`/plans/${seed.plan.year}`));
    expect(status).toBe(200);
    expect(body.data.tasks).toHaveLength(seed.plan.tasks.length);
    expect(body.data.tasks.map((t) => t.number)).toContain('5.3');
  });
});

describe('article lists', () => {
  test('are sorted by publication date, newest first, and paginate without overlap', async () => {
    const first = await list('pageSize=20&page=1');
    const second = await list('pageSize=20&page=2');
    const dates = [...first.data, ...second.data].map((a) => a.publicationDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const slugs = new Set([...first.data, ...second.data].map((a) => a.slug));
    expect(slugs.size).toBe(40);
    expect(first.meta.pagination).toMatchObject({ page: 1, pageSize: 20, pageCount: Math.ceil(seed.articles.length / 20) });
  });

  test.each(seed.taxonomy.reformAreas.map((a) => a.code))('area %s returns exactly its articles', async (code) => {
    const result = await list(`area=${code}&pageSize=50`);
    const expected = seed.articles.filter((a) => a.areas.includes(code)).length;
    expect(result.meta.pagination.total).toBe(expected);
    for (const article of result.data) expect(article.areas.map((a) => a.code)).toContain(code);
  });

  test('format and agency filters return exactly the matching articles', async () => {
    const infographics = await list('format=infographic&pageSize=50');
    expect(infographics.meta.pagination.total).toBe(seed.articles.filter((a) => a.format === 'infographic').length);
    expect(infographics.data.every((a) => a.format === 'infographic')).toBe(true);
    const media = await list('format=video-clip,phong-su&pageSize=50');
    expect(media.meta.pagination.total).toBe(seed.articles.filter((a) => a.format === 'video-clip' || a.format === 'phong-su').length);
    expect(media.data.every((a) => a.format === 'video-clip' || a.format === 'phong-su')).toBe(true);
    const tuPhap = await list('agency=so-tu-phap&pageSize=50');
    expect(tuPhap.meta.pagination.total).toBe(seed.articles.filter((a) => a.agency === 'so-tu-phap').length);
    expect(tuPhap.data.every((a) => a.agency?.slug === 'so-tu-phap')).toBe(true);
  });

  test('quarters partition the year, in Vietnam time', async () => {
    const year = seed.plan.year;
    const counts = await Promise.all([1, 2, 3, 4].map(async (q) => (await list(`year=${year}&quarter=${q}&pageSize=1`)).meta.pagination.total));
    for (const [i, count] of counts.entries()) {
      const expected = seed.articles.filter((a) => {
        const { year: y, quarter } = quarterOf(new Date(a.publishedAt));
        return y === year && quarter === i + 1;
      }).length;
      expect(count, `Q${i + 1}`).toBe(expected);
    }
    expect((await list(`year=${year}&pageSize=1`)).meta.pagination.total).toBe(counts.reduce((a, b) => a + b, 0));
  });

  test('a page past the end is empty, not an error', async () => {
    const result = await list('page=999');
    expect(result.data).toEqual([]);
  });
});

describe('single records', () => {
  test('an article by slug carries its body, agency and areas', async () => {
    const source = seed.articles[0]!;
    const { status, body } = await getJson(api(`/articles/${slugify(source.title)}`));
    expect(status).toBe(200);
    const article = GetArticle.ResponseSchema.parse(body).data;
    expect(article.title).toBe(source.title);
    expect(article.agency?.slug).toBe(source.agency);
    expect(article.areas.map((a) => a.code).sort()).toEqual([...source.areas].sort());
    expect(article.body.length).toBeGreaterThan(100);
    expect(article.demo).toBe(true);
  });

  test('infographics have a cover with alt text, size and renditions', async () => {
    const source = seed.articles.find((a) => a.format === 'infographic' && a.coverAlt)!;
    const article = GetArticle.ResponseSchema.parse((await getJson(api(`/articles/${slugify(source.title)}`))).body).data;
    expect(article.cover?.alt).toBe(source.coverAlt);
    expect(article.cover?.width).toBeGreaterThan(0);
    expect(article.cover?.renditions.length).toBeGreaterThan(0);
    // Every responsive size also comes as AVIF and WebP, the same size as the PNG one.
    const png = article.cover!.renditions.filter((r) => r.mime === 'image/png' && r.width > 300);
    for (const type of ['image/avif', 'image/webp']) {
      const modern = article.cover!.renditions.filter((r) => r.mime === type);
      expect(modern.map((r) => r.width).sort(), type).toEqual(png.map((r) => r.width).sort());
      const file = await fetch(`${inject('cmsUrl')}${modern[0]!.url}`);
      expect(file.headers.get('content-type')).toBe(type);
    }
    const image = await fetch(`${inject('cmsUrl')}${article.cover!.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  test('an article links to its neighbours by date and to related articles of its area', async () => {
    const byDate = [...seed.articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const middle = byDate[Math.floor(byDate.length / 2)]!;
    const at = (a: { publishedAt: string }) => new Date(a.publishedAt).getTime();
    const article = GetArticle.ResponseSchema.parse((await getJson(api(`/articles/${slugify(middle.title)}`))).body).data;
    const olderTimes = byDate.filter((a) => at(a) < at(middle)).map(at);
    const newerTimes = byDate.filter((a) => at(a) > at(middle)).map(at);
    expect(new Date(article.previous!.publicationDate).getTime()).toBe(Math.max(...olderTimes));
    expect(new Date(article.next!.publicationDate).getTime()).toBe(Math.min(...newerTimes));
    expect(article.related.length).toBeGreaterThan(0);
    expect(article.related.map((r) => r.slug)).not.toContain(article.slug);
    for (const r of article.related) expect(r.areas.map((a) => a.code)).toContain(middle.areas[0]);
  });

  test('the oldest article has no previous one, the newest no next one', async () => {
    const byDate = [...seed.articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const oldest = GetArticle.ResponseSchema.parse((await getJson(api(`/articles/${slugify(byDate[0]!.title)}`))).body).data;
    const newest = GetArticle.ResponseSchema.parse((await getJson(api(`/articles/${slugify(byDate.at(-1)!.title)}`))).body).data;
    expect(oldest.previous).toBeNull();
    expect(newest.next).toBeNull();
  });

  test('radio bulletins carry a playable audio file', async () => {
    const bulletins = seed.articles.filter((a) => a.format === 'ban-tin-phat-thanh');
    expect(bulletins.length).toBeGreaterThan(0);
    for (const source of bulletins) {
      const article = GetArticle.ResponseSchema.parse((await getJson(api(`/articles/${slugify(source.title)}`))).body).data;
      const audio = article.attachments.find((a) => a.kind === 'audio');
      expect(audio, source.title).toBeDefined();
      const res = await fetch(`${inject('cmsUrl')}${audio!.url}`);
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
      // Strapi counts kilobytes of 1000 bytes, to two decimals.
      expect(Math.abs(bytes.length - audio!.sizeKb * 1000)).toBeLessThan(10);
    }
  });

  test.each([
    ['/articles/khong-ton-tai', 404],
    ['/agencies/khong-ton-tai', 404],
    ['/plans/1999', 404],
    ['/articles/C%E1%BA%A3i', 400],
    ['/plans/abc', 400],
  ])('%s answers %i with a message', async (path, status) => {
    const res = await getJson<{ error: { message: string } }>(api(path));
    expect(res.status).toBe(status);
    expect(res.body.error.message.length).toBeGreaterThan(5);
  });
});

describe('bad query strings get a 400 that says what is wrong', () => {
  test.each([
    ['pageSize=51', 'pageSize'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['format=podcast', 'format'],
    ['quarter=2', 'quarter'],
    ['year=2024&quarter=9', 'quarter'],
    ['area[$ne]=x', 'area'],
    ['agency[]=a&agency[]=b', 'agency'],
  ])('%s', async (query, field) => {
    const res = await getJson<{ error: { message: string } }>(api(`/articles?${query}`));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`"${field}"`);
  });
});

describe('nothing private leaks', () => {
  const FORBIDDEN = ['createdBy', 'updatedBy', 'password', 'resetPasswordToken', 'registrationToken', 'firstname', 'lastname', 'locale', 'localizations', 'provider_metadata', 'folderPath'];

  test.each(['/home', '/articles?pageSize=50', `/articles/${slugify(seed.articles[1]!.title)}`, '/agencies', '/agencies/so-tu-phap', '/reform-areas', '/topics', `/plans/${seed.plan.year}`])(
    '%s has no private field and no admin email',
    async (path) => {
      const res = await fetch(api(path));
      expect(res.status).toBe(200);
      const text = await res.text();
      const keys = allKeys(JSON.parse(text));
      for (const key of FORBIDDEN) expect(keys.has(key), key).toBe(false);
      for (const account of seed.accounts) expect(text).not.toContain(account.email);
    },
  );

  test('the home endpoint validates against its contract', async () => {
    const home = GetHome.ResponseSchema.parse((await getJson(api('/home'))).body).data;
    expect(home.featured.length).toBeGreaterThan(0);
    expect(home.featured.every((a) => a.featured)).toBe(true);
    expect(home.areas).toHaveLength(seed.taxonomy.reformAreas.length);
  });

  test("Strapi's generic content API does not expose the plugin's types", async () => {
    for (const path of ['/api/articles', '/api/cchc-articles', '/api/cchc/article']) {
      const res = await fetch(`${inject('cmsUrl')}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});
