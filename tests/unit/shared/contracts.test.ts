import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import * as shared from '../../../shared/src/index.js';
import {
  ARTICLE_FORMAT_CODES,
  GetArticle,
  GetPlanTracker,
  ListArticles,
  MAX_PAGE_SIZE,
  SearchArticles,
  declareEndpoint,
  declaredEndpoints,
  formatLabel,
  pathOf,
  pathPattern,
} from '../../../shared/src/index.js';

describe('ListArticles.QuerySchema', () => {
  test('defaults page and page size', () => {
    expect(ListArticles.QuerySchema.parse({})).toEqual({ page: 1, pageSize: 10 });
  });

  test('accepts every filter together', () => {
    const query = { area: 'the-che', topic: 'chi-so', agency: 'so-tu-phap', format: 'infographic', year: '2024', quarter: '3', featured: 'true', page: '2', pageSize: '50' };
    expect(ListArticles.QuerySchema.parse(query)).toEqual({ ...query, format: ['infographic'], year: 2024, quarter: 3, page: 2, pageSize: 50 });
  });

  test('takes several formats, comma-separated', () => {
    expect(ListArticles.QuerySchema.parse({ format: 'video-clip,phong-su' }).format).toEqual(['video-clip', 'phong-su']);
    expect(ListArticles.QuerySchema.safeParse({ format: 'video-clip,podcast' }).success).toBe(false);
    expect(ListArticles.QuerySchema.safeParse({ format: '' }).success).toBe(false);
  });

  test('ignores unknown parameters', () => {
    expect(ListArticles.QuerySchema.parse({ utm_source: 'zalo' })).toEqual({ page: 1, pageSize: 10 });
  });

  test.each([
    [{ page: '0' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ pageSize: String(MAX_PAGE_SIZE + 1) }, 'pageSize'],
    [{ area: 'Cải cách' }, 'area'],
    [{ area: ['a', 'b'] }, 'area'],
    [{ agency: { $ne: 'x' } }, 'agency'],
    [{ format: 'podcast' }, 'format'],
    [{ year: '24' }, 'year'],
    [{ quarter: '2' }, 'quarter'],
    [{ year: '2024', quarter: '5' }, 'quarter'],
    [{ featured: 'yes' }, 'featured'],
  ])('refuses %j with a message naming "%s"', (query, field) => {
    const result = ListArticles.QuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(`"${field}"`);
  });
});

test('GetArticle.ParamsSchema refuses a slug with diacritics', () => {
  expect(GetArticle.ParamsSchema.safeParse({ slug: 'cải-cách' }).success).toBe(false);
  expect(GetArticle.ParamsSchema.safeParse({ slug: 'cai-cach' }).success).toBe(true);
});

test('every format has a Vietnamese label in NFC', () => {
  for (const code of ARTICLE_FORMAT_CODES) {
    const label = formatLabel(code);
    expect(label).toMatch(/^\p{Lu}/u);
    expect(label).toBe(label.normalize('NFC'));
  }
});

describe('endpoint declarations', () => {
  const endpoints = declaredEndpoints(shared);

  test('are found in the exports of @cchc/shared, each once', () => {
    expect(endpoints.length).toBeGreaterThan(20);
    expect(new Set(endpoints.map((e) => e.name)).size).toBe(endpoints.length);
    expect(endpoints).toContain(GetPlanTracker.Endpoint);
  });

  test.each([
    ['/api/cchc/committee/plans/2024', true],
    ['/API/CCHC/Committee/Plans/2024/', true],
    ['/api/cchc/committee/plans', false],
    ['/api/cchc/committee/plans/2024/tasks', false],
    ['/cchc/committee/plans/2024', false],
  ])('the path pattern of GET /committee/plans/:year matches %s: %s', (path, matches) => {
    expect(pathPattern(GetPlanTracker.Endpoint).test(path)).toBe(matches);
  });

  test('each public endpoint\'s path pattern matches the paths its clients build', () => {
    for (const e of endpoints.filter((d) => d.api === 'content-api')) {
      const params = Object.fromEntries([...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1], m[1] === 'year' ? 2024 : 'abc123']));
      const path = pathOf(e, { params });
      if (path === null) throw new Error(`${e.name}: no path for ${JSON.stringify(params)}`);
      expect(pathPattern(e).test(path), e.name).toBe(true);
    }
  });

  test('a path with router syntax other than :name is refused', () => {
    expect(() => declareEndpoint({ name: 'x', api: 'content-api', method: 'GET', path: '/x/:id(\\d+)', summary: 'x', response: z.object({}), access: 'public', params: z.object({ id: z.string() }) })).toThrow(/router syntax/);
  });

  test('a cost is one point unless declared, and only public endpoints cost more', () => {
    expect(GetArticle.Endpoint.cost).toBe(1);
    expect(SearchArticles.Endpoint.cost).toBeGreaterThan(1);
    const base = { name: 'x', method: 'GET', path: '/x', summary: 'x', response: z.object({}) } as const;
    expect(() => declareEndpoint({ ...base, api: 'admin', access: ['editor'], cost: 3 })).toThrow(/cost/);
    expect(() => declareEndpoint({ ...base, api: 'content-api', access: 'public', cost: 0 })).toThrow(/cost/);
    expect(declareEndpoint({ ...base, api: 'content-api', access: 'public', cost: 4 }).cost).toBe(4);
  });
});
