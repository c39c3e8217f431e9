// Search benchmark: the index the CMS serves (@cchc/shared SearchIndex, with snippets),
// over a synthetic corpus of N articles made by recombining the demo articles'
// sentences, with random dates, areas and agencies. Prints build time, memory and
// per-query p50/p95 latency.
import fs from 'node:fs';
import path from 'node:path';
import { CMS, SHARED } from '../lib/paths.mjs';
import { percentile, rng } from './stats.mjs';

const QUERIES = [
  'cải cách thủ tục',
  'cai cach thu tuc hanh chinh',
  'một cửa liên thông',
  'dich vu cong truc tuyen',
  'chữ ký số',
  'đường dây nóng',
  'VNeID',
  'chi so hai long',
  'từ khóa không hề có',
];
const AREAS = ['the-che', 'thu-tuc-hanh-chinh', 'to-chuc-bo-may', 'cong-vu', 'tai-chinh-cong', 'chinh-quyen-so'];



export async function benchSearch({ size = 100_000, runs = 20 } = {}) {
  const shared = await import(path.join(SHARED, 'dist', 'index.js'));
  const seed = JSON.parse(fs.readFileSync(path.join(CMS, 'seed', 'demo', 'articles.json'), 'utf8'));
  const agencies = JSON.parse(fs.readFileSync(path.join(CMS, 'seed', 'demo', 'agencies.json'), 'utf8')).map((a) => a.slug);
  const sentences = seed.flatMap((a) => shared.markdownToText(a.body).split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
  const titles = seed.map((a) => a.title);
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];

  const index = new shared.SearchIndex();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const start2015 = Date.parse('2015-01-01');
  for (let i = 0; i < size; i++) {
    const body = Array.from({ length: 8 + Math.floor(random() * 8) }, () => pick(sentences)).join(' ');
    const title = `${pick(titles)} (${i})`;
    const time = start2015 + Math.floor(random() * 11 * 365 * 86_400_000);
    index.add({
      key: `doc-${i}`,
      title,
      text: body,
      time,
      areas: [pick(AREAS)],
      topics: [],
      agency: pick(agencies),
      format: 'bai-viet',
      featured: false,
      payload: { title, text: body },
    });
  }
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const rows = [];
  for (const [label, filters] of [['no filter', {}], ['area + year', { areas: ['thu-tuc-hanh-chinh'], from: Date.parse('2024-01-01'), to: Date.parse('2025-01-01') }]]) {
    for (const q of QUERIES) {
      const times = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const result = index.search(q, filters, 0, 10);
        for (const hit of result.hits) shared.buildSnippet(hit.document.payload.text, result.words);
        times.push(performance.now() - t0);
        total = result.total;
      }
      times.sort((a, b) => a - b);
      rows.push({ q, label, total, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
  }
  const all = rows.map((r) => r.p95).sort((a, b) => a - b);
  console.log('');
  console.log(`Search index over ${size.toLocaleString('en')} synthetic articles: built in ${(buildMs / 1000).toFixed(1)} s, about ${heapMb.toFixed(0)} MB of heap`);
  console.log('| query | filters | matches | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.q} | ${r.label} | ${r.total} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  console.log(`Worst p95 over all queries: ${all.at(-1).toFixed(2)} ms (target ≤ 50 ms)`);
}
