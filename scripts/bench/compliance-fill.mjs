// Fills a database for the compliance benchmark. Run by compliance.mjs as a child process
// (cwd cms/, with the benchmark's database settings): loads Strapi programmatically, which
// creates the schema and runs the demo seed, then bulk-inserts synthetic agencies and
// articles with knex. Table and column names come from Strapi's database metadata through
// the plugin's own helpers (repositories/schema-names), the same ones the report queries
// with; the Document Service would take many minutes for 50,000 articles.
// Prints one line `BENCH_RESULT {json}` with what the report must find for the quarter.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS, PLUGIN } from '../lib/paths.mjs';
import { rng } from './stats.mjs';

const require = createRequire(import.meta.url);
const { createStrapi } = require('@strapi/strapi');
const { UID } = require(path.join(PLUGIN, 'dist', 'server', 'constants.js'));
const { columnOf, joinTableOf, tableOf } = require(path.join(PLUGIN, 'dist', 'server', 'repositories', 'schema-names.js'));

const AGENCIES = Number(process.env.BENCH_AGENCIES);
const ARTICLES = Number(process.env.BENCH_ARTICLES);
const YEAR = Number(process.env.BENCH_YEAR);
const QUARTER = Number(process.env.BENCH_QUARTER);
const FORMATS = ['tin-ngan', 'bai-viet', 'phong-su', 'video-clip', 'infographic', 'an-pham', 'ban-tin-phat-thanh', 'pano-ap-phich', 'hoi-dap'];
const KINDS = ['department', 'district-committee', 'commune-committee', 'press', 'association', 'central-agency', 'other'];
/** One agency in this many sends nothing, so the report has agencies that did not comply. */
const SILENT_EVERY = 10;
/** Share of documents that are published; the others were sent in and wait in review. */
const PUBLISHED_SHARE = 0.9;
/**
 * Rows per INSERT: knex writes a multi-row insert on SQLite as a compound SELECT, limited to
 * 500 terms; 400 rows of 14 columns also stay far under either database's bound-parameter limit.
 */
const CHUNK = 400;

const VN_OFFSET_MS = 7 * 3600_000;
const vnMidnight = (year, month) => Date.UTC(year, month - 1, 1) - VN_OFFSET_MS;
const yearStart = vnMidnight(YEAR, 1);
const yearEnd = vnMidnight(YEAR + 1, 1);
const quarterStart = vnMidnight(YEAR, (QUARTER - 1) * 3 + 1);
const quarterEnd = vnMidnight(YEAR, QUARTER * 3 + 1);
const inQuarter = (t) => t !== null && t >= quarterStart && t < quarterEnd;

const random = rng(2024);
const pick = (list) => list[Math.floor(random() * list.length)];
const documentId = () => Array.from(crypto.randomBytes(24), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

/** Maps attribute names to column names for one content type. */
const toColumns = (strapi, uid, record) => Object.fromEntries(Object.entries(record).map(([attr, value]) => [columnOf(strapi, uid, attr), value]));

/** Strapi's primary key column, in content-type and join tables alike. */
const ID = 'id';

/** Inserts rows in chunks and returns the new rows (id and the given columns), in id order. */
async function insert(trx, table, rows, returnColumns) {
  const before = (await trx(table).max({ max: ID }))[0].max ?? 0;
  for (let i = 0; i < rows.length; i += CHUNK) await trx(table).insert(rows.slice(i, i + CHUNK));
  return returnColumns ? trx(table).where(ID, '>', before).orderBy(ID).select([ID, ...returnColumns]) : [];
}

async function fill(strapi) {
  const knex = strapi.db.connection;
  const now = new Date();
  const areaIds = (await knex(tableOf(strapi, UID.reformArea)).select(ID)).map((r) => Number(r[ID]));
  const agencyLink = joinTableOf(strapi, UID.article, 'agency');
  const areaLink = joinTableOf(strapi, UID.article, 'areas');

  const agencyRecords = Array.from({ length: AGENCIES }, (_, i) =>
    toColumns(strapi, UID.agency, {
      documentId: documentId(),
      slug: `bench-agency-${i}`,
      name: `Cơ quan thử tải ${i}`,
      shortName: `CQ ${i}`,
      kind: KINDS[i % KINDS.length],
      active: true,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    }),
  );

  // Each document: a draft version, and a published one for most; both link to the same agency and areas.
  const docs = [];
  const senders = Array.from({ length: AGENCIES }, (_, i) => i).filter((i) => i % SILENT_EVERY !== 0);
  for (let i = 0; i < ARTICLES; i++) {
    const published = random() < PUBLISHED_SHARE;
    const date = yearStart + Math.floor(random() * (yearEnd - yearStart));
    const submitted = date - Math.floor(random() * 5 * 86_400_000);
    const areas = random() < 0.3 ? [pick(areaIds), pick(areaIds)].filter((a, k, all) => all.indexOf(a) === k) : [pick(areaIds)];
    docs.push({ id: documentId(), i, published, date: published ? date : null, submitted, agency: pick(senders), areas, format: pick(FORMATS) });
  }
  const versionRecord = (d, publishedAt) =>
    toColumns(strapi, UID.article, {
      documentId: d.id,
      title: `Tin bài thử tải số ${d.i}`,
      slug: `tin-bai-thu-tai-so-${d.i}`,
      summary: 'Tóm tắt tin bài thử tải.',
      body: 'Nội dung tin bài thử tải về cải cách hành chính.',
      format: d.format,
      featured: false,
      demo: false,
      publicationDate: d.date === null ? null : new Date(d.date),
      workflowState: d.published ? 'published' : 'submitted',
      submittedAt: new Date(d.submitted),
      createdAt: now,
      updatedAt: now,
      publishedAt,
    });

  const started = performance.now();
  let links = 0;
  await knex.transaction(async (trx) => {
    const agencyRows = await insert(trx, tableOf(strapi, UID.agency), agencyRecords, []);
    const agencyIds = agencyRows.map((r) => Number(r[ID]));
    const versions = docs.flatMap((d) => [versionRecord(d, null), ...(d.published ? [versionRecord(d, new Date(d.date))] : [])]);
    const docColumn = columnOf(strapi, UID.article, 'documentId');
    const rows = await insert(trx, tableOf(strapi, UID.article), versions, [docColumn]);
    const byDocument = new Map(docs.map((d) => [d.id, d]));
    const agencyLinks = [];
    const areaLinks = [];
    for (const row of rows) {
      const d = byDocument.get(row[docColumn]);
      agencyLinks.push({ [agencyLink.ownColumn]: row[ID], [agencyLink.targetColumn]: agencyIds[d.agency], ...(agencyLink.orderColumn ? { [agencyLink.orderColumn]: 1 } : {}) });
      d.areas.forEach((area, k) => areaLinks.push({ [areaLink.ownColumn]: row[ID], [areaLink.targetColumn]: area, ...(areaLink.orderColumn ? { [areaLink.orderColumn]: k + 1 } : {}) }));
    }
    await insert(trx, agencyLink.table, agencyLinks);
    await insert(trx, areaLink.table, areaLinks);
    links = agencyLinks.length + areaLinks.length;
    return versions.length;
  });
  // As after a restore: the bulk-loaded tables get their statistics now, so that the
  // measurement neither runs on a planner that takes them for empty nor races autovacuum.
  await knex.raw(strapi.db.getInfo().client === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return {
    agencies: AGENCIES,
    documents: ARTICLES,
    published: docs.filter((d) => d.published).length,
    links,
    fillSeconds: (performance.now() - started) / 1000,
    expected: {
      submitted: docs.filter((d) => inQuarter(d.submitted)).length,
      published: docs.filter((d) => inQuarter(d.date)).length,
    },
  };
}

const strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
try {
  console.log(`BENCH_RESULT ${JSON.stringify(await fill(strapi))}`);
} finally {
  await strapi.destroy();
}
process.exit(0);
