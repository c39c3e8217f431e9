/**
 * Backups that restore, on the project's database: `npm run backup` against the live system
 * (after a citizen has sent a question with attachments), a damaged copy and an occupied target
 * refused with nothing written, `npm run restore` into a fresh database and fresh folders, then a
 * second CMS (without its seed, so it cannot fill in what a restore lost) and a second site on the
 * restored data with the same secrets. Both systems must then agree on every page of the sitemaps
 * (the bytes, with only each system's own origin told apart), every article's workflow history,
 * every contest round's entries and ranking, every question with its attachments' bytes, and the
 * rows of every table as the manifest counted them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { GetDeskQuestion, GetQuestionAttachment, GetRoundRanking, ListContestRounds, ListDeskQuestions, SubmitQuestion, pathOf, type DeskQuestionDetail } from '../../shared/src/index.js';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startCms, startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { adminLogin, contentManager } from '../support/api.js';
import { freePort } from '../support/ports.js';
import { createDatabase } from '../support/postgres.js';
import { purgeSiteCache } from '../support/site-cache.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const live = { cms: () => inject('cmsUrl'), site: () => inject('siteUrl'), token: () => inject('adminTokens').admin };
const run = Date.now().toString(36);

interface Child {
  child: unknown;
  url: string;
}
interface Manifest {
  database: { kind: string };
  tables: Record<string, number>;
  files: Array<{ path: string; size: number; sha256: string }>;
}

/** Runs `node scripts/run.mjs <command> …args` as an operator would, with the given environment. */
function script(command: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'run.mjs'), command, ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** A knex connection to a database given as the CMS's environment gives it. */
function connect(env: Record<string, string>): Knex {
  return env.DATABASE_URL
    ? knex({ client: 'pg', connection: env.DATABASE_URL })
    : knex({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME! }, useNullAsDefault: true });
}

/** Rows of every table (SQLite's and PostgreSQL's own excepted), counted here, independently of the scripts. */
async function countTables(db: Knex): Promise<Record<string, number>> {
  const names: string[] =
    db.client.config.client === 'pg'
      ? (await db.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).rows.map((r: { name: string }) => r.name)
      : (await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r: { name: string }) => r.name);
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = Number(((await db(name).count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n);
  return counts;
}

/** An admin API GET on a CMS; the parsed body. */
async function admin<T = any>(cmsUrl: string, token: string, pathname: string | null): Promise<T> { // answers vary per route; each check reads what it compares
  const res = await fetch(`${cmsUrl}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status} on ${cmsUrl}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Where two texts first differ, with some context, for a failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 'same text' : `at ${i}: «${a.slice(Math.max(0, i - 60), i + 60)}» / «${b.slice(Math.max(0, i - 60), i + 60)}»`;
}

/** Runs `fn` over `items`, `parallel` at a time, keeping their order. */
async function mapPool<T, R>(items: readonly T[], parallel: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  }));
  return results;
}

const png = await sharp({ create: { width: 32, height: 20, channels: 3, background: '#0a6' } }).png().toBuffer();
const pdf = Buffer.from(`%PDF-1.4\n% ${run}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-backup-'));
const backupDir = path.join(tmp, 'backup');
let restoredEnv: Record<string, string> = {};
let dropRestored: (() => Promise<void>) | null = null;
const started: Child[] = [];
const restoredLog: string[] = [];
let cms2: Child;
let site2: Child;
let token2 = '';
let code = '';
let backupOutput = '';
let restoreOutput = '';
let manifest: Manifest;
let liveQuestionCount = 0;

beforeAll(async () => {
  // State the seed lacks: a citizen's question with attachments (the seed has workflow history and contest attempts).
  const form = new FormData();
  for (const [name, value] of Object.entries({ subject: 'thu-tuc-hanh-chinh', title: `Sao lưu có ảnh kèm ${run}`, question: 'Ảnh chụp giấy hẹn và tờ khai kèm theo.', name: 'Trần Thị Sao Lưu', email: `sao.luu.${run}@example.vn`, consent: 'on' })) form.append(name, value);
  form.append('attachments', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'giay-hen.png');
  form.append('attachments', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'to-khai.pdf');
  const sent = await fetch(`${live.cms()}${pathOf(SubmitQuestion.Endpoint)}`, { method: 'POST', body: form });
  expect(sent.status, await sent.clone().text()).toBe(200);
  code = ((await sent.json()) as SubmitQuestion.Response).data.code;
  liveQuestionCount = (await admin<ListDeskQuestions.Response>(live.cms(), live.token(), pathOf(ListDeskQuestions.Endpoint, { query: { view: 'all' } }))).counts.all;

  const backup = await script('backup', [backupDir], inject('cmsEnv'));
  backupOutput = backup.output;
  expect(backup.code, backup.output).toBe(0);
  manifest = JSON.parse(await fs.readFile(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest;

  // A fresh database and fresh folders, with everything else as the live CMS has it (cms/.env's secrets included).
  const { DATABASE_URL: _url, DATABASE_FILENAME: _file, ...rest } = inject('cmsEnv');
  let database: Record<string, string>;
  if (inject('database') === 'postgres') {
    const db = await createDatabase('cchc_restored');
    dropRestored = db.drop;
    database = { DATABASE_URL: db.url };
  } else {
    database = { DATABASE_FILENAME: path.join(tmp, 'restored', 'cchc.db') };
  }
  restoredEnv = { ...rest, ...database, PUBLIC_DIR: path.join(tmp, 'restored', 'public'), QUESTION_FILES_DIR: path.join(tmp, 'restored', 'question-files') };
}, 120_000);

afterAll(async () => {
  for (const s of started.reverse()) await stopProcess(s.child);
  if (restoredLog.length > 0) await fs.writeFile(path.join(tmp, 'restored-cms.log'), restoredLog.join('\n'));
  await dropRestored?.();
  if (!process.env.KEEP_TEST_DATA) await fs.rm(tmp, { recursive: true, force: true });
}, 60_000);

/** True when the restored system's targets still hold nothing. */
async function restoredTargetIsEmpty(): Promise<boolean> {
  const folders = await Promise.all([restoredEnv.PUBLIC_DIR!, restoredEnv.QUESTION_FILES_DIR!].map((dir) => fs.stat(dir).then(() => true, () => false)));
  if (folders.some(Boolean)) return false;
  if (!restoredEnv.DATABASE_URL) return !(await fs.stat(restoredEnv.DATABASE_FILENAME!).then(() => true, () => false));
  const db = connect(restoredEnv);
  try {
    return Object.keys(await countTables(db)).length === 0;
  } finally {
    await db.destroy();
  }
}

describe('npm run backup, then npm run restore into an empty system', () => {
  test('the backup holds the database, the uploads, the attachments, and a manifest that counted what the live system holds', async () => {
    expect(manifest.database.kind).toBe(inject('database') === 'postgres' ? 'postgres' : 'sqlite');
    expect(manifest.tables.cchc_questions, 'the manifest counts the questions the desk lists').toBe(liveQuestionCount);
    const uploads = (await fs.readdir(path.join(inject('cmsEnv').PUBLIC_DIR!, 'uploads'), { recursive: true })).length;
    expect(manifest.files.filter((f) => f.path.startsWith('uploads/'))).toHaveLength(uploads);
    expect(manifest.files.filter((f) => f.path.startsWith('question-files/')).map((f) => f.size)).toEqual(expect.arrayContaining([png.length, pdf.length]));
    await expect(fs.stat(path.join(backupDir, '.env')), 'cms/.env stays out of the backup').rejects.toThrow();
    expect(backupOutput).toContain('cms/.env is not in the backup');
  });

  test('refused, with nothing written: a folder that is no backup, a damaged backup, a target that holds data', async () => {
    const missing = await script('restore', [path.join(tmp, 'no-such-backup')], restoredEnv);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('does not exist');

    // One byte of one attachment changed in a copy of the backup.
    const damaged = path.join(tmp, 'damaged');
    await fs.cp(backupDir, damaged, { recursive: true });
    const victim = manifest.files.find((f) => f.path.startsWith('question-files/'))!;
    const bytes = await fs.readFile(path.join(damaged, victim.path));
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    await fs.writeFile(path.join(damaged, victim.path), bytes);
    const refused = await script('restore', [damaged], restoredEnv);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain(`The backup is damaged (1 file): ${victim.path}: its SHA-256 differs`);
    expect(await restoredTargetIsEmpty()).toBe(true);

    // The live system is a target that holds data.
    const occupied = await script('restore', [backupDir], inject('cmsEnv'));
    expect(occupied.code, occupied.output).toBe(1);
    expect(occupied.output).toContain('Refusing to restore over data');
    expect(occupied.output).toContain('Nothing was written');
  });

  test('the restore writes every row the manifest counted, and every file', async () => {
    const restored = await script('restore', [backupDir], restoredEnv);
    restoreOutput = restored.output;
    expect(restored.code, restored.output).toBe(0);
    expect(restoreOutput).toContain("secrets         the same as the backed-up system's");
    const db = connect(restoredEnv);
    try {
      expect(await countTables(db)).toEqual(manifest.tables);
    } finally {
      await db.destroy();
    }
    const files = [
      ...(await fs.readdir(path.join(restoredEnv.PUBLIC_DIR!, 'uploads'), { recursive: true })).map((f) => `uploads/${f}`),
      ...(await fs.readdir(restoredEnv.QUESTION_FILES_DIR!, { recursive: true })).map((f) => `question-files/${f}`),
    ];
    expect(files.sort()).toEqual(manifest.files.filter((f) => f.path.includes('/')).map((f) => f.path).sort());
  });

  describe('a second CMS and site on the restored data', () => {
    beforeAll(async () => {
      expect(restoreOutput, 'the restore must have run').toContain('Restored the backup');
      const [cmsPort, sitePort] = [await freePort(), await freePort()];
      // No seed: a seed would create what a restore lost, and the comparison would not see it.
      cms2 = await startCms({ port: cmsPort, host: '127.0.0.1', env: { ...restoredEnv, CCHC_SEED: 'false', SITE_PURGE_URLS: `http://127.0.0.1:${sitePort}`, CCHC_ROUTE_TABLE: path.join(tmp, 'routes-restored.json') }, log: (line: string) => restoredLog.push(line) });
      started.push(cms2);
      site2 = await startSite({ port: sitePort, host: '127.0.0.1', cmsUrl: cms2.url, env: inject('siteEnv'), log: (line: string) => restoredLog.push(line) });
      started.push(site2);
      token2 = await adminLogin(cms2.url, 'admin@cchc.local', inject('demoPassword'));
      // Both sites render every page now, from their own CMS.
      await purgeSiteCache();
    }, 240_000);

    /**
     * A page's bytes with the second system's origins (the site's and the CMS's, as written and as
     * percent-encoded in share links) replaced by the live system's: the one legitimate difference.
     */
    const normalised = (text: string) =>
      [[site2.url, live.site()], [cms2.url, live.cms()]].reduce((t, [from, to]) => t.replaceAll(from!, to!).replaceAll(encodeURIComponent(from!), encodeURIComponent(to!)), text);

    test('every page of the sitemaps renders the same bytes', async () => {
      const locs: string[] = [];
      for (const sitemap of ['/sitemap.xml', '/sitemap-news.xml', '/robots.txt']) {
        const [a, b] = await Promise.all([live.site(), site2.url].map((origin) => fetch(`${origin}${sitemap}`).then(async (r) => ({ status: r.status, text: await r.text() }))));
        expect(a!.status, sitemap).toBe(200);
        expect(normalised(b!.text), sitemap).toBe(a!.text);
        locs.push(...[...a!.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&')).pathname));
      }
      const paths = [...new Set(locs)];
      expect(paths.length).toBeGreaterThan(100);
      const differing = await mapPool(paths, 4, async (p) => {
        const [a, b] = await Promise.all([live.site(), site2.url].map((origin) => fetch(`${origin}${p}`, { redirect: 'manual' }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), text: await r.text() }))));
        return a!.status === 200 && b!.status === 200 && a!.type === b!.type && normalised(b!.text) === a!.text ? null : `${p}: ${a!.status} / ${b!.status}, ${firstDifference(a!.text, normalised(b!.text))}`;
      });
      expect(differing.filter(Boolean)).toEqual([]);
    }, 300_000);

    test('every article keeps its workflow history', async () => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const res = await contentManager(live.cms(), live.token(), 'plugin::cchc.article').list(`&page=${page}`);
        ids.push(...(res.body.results as Array<{ documentId: string }>).map((a) => a.documentId));
        if (page >= res.body.pagination.pageCount) break;
      }
      expect(ids.length).toBeGreaterThan(50);
      const histories = await mapPool(ids, 4, async (id) => {
        const [a, b] = await Promise.all([admin(live.cms(), live.token(), `/cchc/articles/${id}/history`), admin(cms2.url, token2, `/cchc/articles/${id}/history`)]);
        expect(b.data.events, id).toEqual(a.data.events);
        expect(b.data.state, id).toBe(a.data.state);
        return a.data.events.length as number;
      });
      expect(histories.reduce((sum, n) => sum + n, 0), 'the seed recorded workflow events').toBeGreaterThan(10);
    }, 120_000);

    test('every contest round keeps its entries, attempts and ranking', async () => {
      const rounds = pathOf(ListContestRounds.Endpoint);
      const [a, b] = await Promise.all([admin<ListContestRounds.Response>(live.cms(), live.token(), rounds), admin<ListContestRounds.Response>(cms2.url, token2, rounds)]);
      expect(b.data.map((r) => [r.id, r.figures])).toEqual(a.data.map((r) => [r.id, r.figures]));
      let ranked = 0;
      for (const round of a.data) {
        const ranking = pathOf(GetRoundRanking.Endpoint, { params: { round: round.id }, query: { format: 'json' } });
        const [ra, rb] = await Promise.all([admin<GetRoundRanking.Response>(live.cms(), live.token(), ranking), admin<GetRoundRanking.Response>(cms2.url, token2, ranking)]);
        expect(rb.data.rows).toEqual(ra.data.rows);
        ranked += ra.data.rows.length;
      }
      expect(ranked, 'the seed holds submitted attempts').toBeGreaterThan(0);
      expect(manifest.tables.cchc_contest_attempts).toBeGreaterThanOrEqual(ranked);
    });

    test('every question keeps its text, history and attachments, byte for byte', async () => {
      const list = pathOf(ListDeskQuestions.Endpoint, { query: { view: 'all' } });
      const [a, b] = await Promise.all([admin<ListDeskQuestions.Response>(live.cms(), live.token(), list), admin<ListDeskQuestions.Response>(cms2.url, token2, list)]);
      expect(b.data).toEqual(a.data);
      expect(a.data.map((q) => q.code)).toContain(code);
      const details = async (cmsUrl: string, token: string) => {
        const all: DeskQuestionDetail[] = [];
        for (const q of a.data) all.push((await admin<{ data: DeskQuestionDetail }>(cmsUrl, token, pathOf(GetDeskQuestion.Endpoint, { params: { code: q.code } }))).data);
        return all;
      };
      // Each system's details are read before any attachment is downloaded (a download is recorded in the history).
      const [da, db] = [await details(live.cms(), live.token()), await details(cms2.url, token2)];
      expect(db).toEqual(da);
      const files = da.flatMap((q) => q.attachments.map((f) => ({ code: q.code, id: f.id })));
      expect(files.filter((f) => f.code === code)).toHaveLength(2);
      for (const file of files) {
        const url = pathOf(GetQuestionAttachment.Endpoint, { params: { code: file.code, file: file.id } });
        const [fa, fb] = await Promise.all([live.cms(), cms2.url].map((origin, i) => fetch(`${origin}${url}`, { headers: { authorization: `Bearer ${i === 0 ? live.token() : token2}` } }).then(async (r) => Buffer.from(await r.arrayBuffer()))));
        expect(fb!.equals(fa!), `${file.code} #${file.id}`).toBe(true);
      }
      const ours = da.find((q) => q.code === code)!.attachments;
      const sentBytes = await Promise.all(ours.map(async (f) => Buffer.from(await (await fetch(`${cms2.url}${pathOf(GetQuestionAttachment.Endpoint, { params: { code, file: f.id } })}`, { headers: { authorization: `Bearer ${token2}` } })).arrayBuffer())));
      expect(sentBytes.map((bytes) => bytes.toString('base64')).sort()).toEqual([png, pdf].map((bytes) => bytes.toString('base64')).sort());
    });
  });
});
