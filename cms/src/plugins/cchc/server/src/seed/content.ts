/** Seeds taxonomies, agencies, the plan and the demo articles; every step skips what exists. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { slugify } from '@cchc/shared';
import { UID, type PluginUid } from '../constants.js';
import type { Seed } from './load.js';

type Ids = Map<string, string>;

/** documentId by key for every row of a content type. */
export async function documentIds(strapi: Core.Strapi, uid: PluginUid, key: string): Promise<Ids> {
  const rows = (await strapi.db.query(uid).findMany({ select: ['documentId', key] })) as Record<string, string>[];
  return new Map(rows.map((r) => [String(r[key]), r.documentId!]));
}

/** Creates the rows of `items` whose key is not stored yet; returns how many were created. */
export async function createMissing<T>(
  strapi: Core.Strapi,
  uid: PluginUid,
  key: string,
  items: T[],
  keyOf: (item: T) => string,
  dataOf: (item: T) => Record<string, unknown>,
): Promise<number> {
  const existing = await documentIds(strapi, uid, key);
  let created = 0;
  for (const item of items) {
    if (existing.has(keyOf(item))) continue;
    await strapi.documents(uid).create({ data: dataOf(item) as never });
    created++;
  }
  return created;
}

/** Agencies first without links, then parent and successor once all exist. */
async function seedAgencies(strapi: Core.Strapi, seed: Seed): Promise<number> {
  const created = await createMissing(strapi, UID.agency, 'slug', seed.agencies, (a) => a.slug, (a) => ({
    slug: a.slug, name: a.name, shortName: a.shortName, kind: a.kind, active: a.active,
    phone: a.phone, email: a.email, website: a.website, address: a.address,
  }));
  if (created > 0) {
    const ids = await documentIds(strapi, UID.agency, 'slug');
    for (const a of seed.agencies.filter((x) => x.parent || x.successor)) {
      await strapi.documents(UID.agency).update({
        documentId: ids.get(a.slug)!,
        data: { parent: a.parent ? ids.get(a.parent) : null, successor: a.successor ? ids.get(a.successor) : null } as never,
      });
    }
  }
  return created;
}

async function seedTaxonomy(strapi: Core.Strapi, seed: Seed): Promise<number> {
  const agencies = await documentIds(strapi, UID.agency, 'slug');
  const areas = await createMissing(strapi, UID.reformArea, 'code', seed.taxonomy.reformAreas, (r) => r.code, (r) => ({
    code: r.code, name: r.name, nameEn: r.nameEn, description: r.description, order: r.order,
    leadAgency: r.leadAgency ? agencies.get(r.leadAgency) ?? null : null,
  }));
  const topics = await createMissing(strapi, UID.topic, 'slug', seed.taxonomy.topics, (t) => t.slug, (t) => ({ ...t }));
  return areas + topics;
}

async function seedPlan(strapi: Core.Strapi, seed: Seed): Promise<number> {
  const plans = await documentIds(strapi, UID.plan, 'year');
  if (plans.has(String(seed.plan.year))) return 0;
  const agencies = await documentIds(strapi, UID.agency, 'slug');
  const refs = (slugs: string[]) => slugs.map((s) => agencies.get(s)).filter((id): id is string => id !== undefined);
  const areas = await documentIds(strapi, UID.reformArea, 'code');
  const topics = await documentIds(strapi, UID.topic, 'slug');
  const idsIn = (ids: Ids, keys: string[]) => keys.map((k) => ids.get(k)).filter((id): id is string => id !== undefined);
  const { tasks, ...plan } = seed.plan;
  const created = await strapi.documents(UID.plan).create({ data: plan as never });
  for (const { progress, ...t } of tasks) {
    const progressFields =
      progress?.mode === 'measured'
        ? {
            progressMode: 'measured', measureUnit: progress.unit, measureFormats: progress.formats, expectedPerQuarter: progress.expectedPerQuarter,
            measureAreas: idsIn(areas, progress.areas), measureTopics: idsIn(topics, progress.topics), measureAgencies: refs(progress.agencies),
          }
        : progress?.mode === 'manual'
          ? { progressMode: 'manual', progressStatus: progress.status, progressNote: progress.statusNote, evidence: progress.evidence }
          : {};
    await strapi.documents(UID.planTask).create({
      data: { ...t, ...progressFields, plan: created.documentId, leadAgencies: refs(t.leadAgencies), coordinatingAgencies: refs(t.coordinatingAgencies) } as never,
    });
  }
  return 1 + tasks.length;
}

/** Uploads a file written to the temp folder, then removes it; returns the file id. */
export async function uploadTemp(
  strapi: Core.Strapi,
  file: { filepath: string; size: number },
  name: string,
  mimetype: string,
  fileInfo: Record<string, unknown>,
): Promise<number> {
  try {
    const [uploaded] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name, ...fileInfo } },
      files: { filepath: file.filepath, originalFilename: name, mimetype, size: file.size },
    });
    return uploaded.id;
  } finally {
    await fs.rm(file.filepath, { force: true });
  }
}

/** Media types of the files a data set may hold, by extension. */
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Uploads a file of the data folder (a copy: the upload service may move what it is given)
 * under `name`; returns the file id.
 */
export async function uploadDataFile(strapi: Core.Strapi, seed: Seed, relative: string, name: string, fileInfo: Record<string, unknown>): Promise<number> {
  const ext = path.extname(relative).slice(1);
  const source = path.resolve(seed.dir, relative);
  if (!source.startsWith(path.resolve(seed.dir, 'files') + path.sep)) throw new Error(`Seed file ${relative} is outside the data folder's files/`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-seed-'));
  try {
    const copy = path.join(dir, path.basename(relative));
    await fs.copyFile(source, copy);
    const { size } = await fs.stat(copy);
    return await uploadTemp(strapi, { filepath: copy, size }, `${name}.${ext}`, MEDIA_TYPES[ext] ?? 'application/octet-stream', fileInfo);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function seedArticles(strapi: Core.Strapi, seed: Seed): Promise<number> {
  const existing = await documentIds(strapi, UID.article, 'slug');
  const areas = await documentIds(strapi, UID.reformArea, 'code');
  const topics = await documentIds(strapi, UID.topic, 'slug');
  const agencies = await documentIds(strapi, UID.agency, 'slug');
  let created = 0;
  for (const a of seed.articles) {
    const slug = slugify(a.title);
    if (existing.has(slug)) continue;
    const name = slugify(a.title, 60);
    const cover = a.cover ? await uploadDataFile(strapi, seed, a.cover, name, { alternativeText: a.coverAlt, caption: a.chart?.label ?? null }) : null;
    const attachments: number[] = [];
    for (const file of a.attachments) attachments.push(await uploadDataFile(strapi, seed, file, name, { caption: a.title }));
    await strapi.documents(UID.article).create({
      status: 'published',
      data: {
        title: a.title, slug, summary: a.summary, body: a.body, format: a.format, byline: a.byline,
        featured: a.featured, demo: true, publicationDate: new Date(a.publishedAt).toISOString(),
        // Demo pieces went through the workflow: sent in on their date, and published.
        workflowState: 'published', submittedAt: new Date(a.publishedAt).toISOString(),
        areas: a.areas.map((c) => areas.get(c)).filter(Boolean),
        topics: a.topics.map((t) => topics.get(t)).filter(Boolean),
        agency: agencies.get(a.agency) ?? null,
        cover,
        attachments,
      } as never,
    });
    created++;
  }
  return created;
}

/** Seeds all content; returns counts of what was created this time. */
export async function seedContent(strapi: Core.Strapi, seed: Seed) {
  const agencies = await seedAgencies(strapi, seed);
  const taxonomy = await seedTaxonomy(strapi, seed);
  const plan = await seedPlan(strapi, seed);
  const articles = await seedArticles(strapi, seed);
  return { agencies, taxonomy, plan, articles };
}
