/**
 * Seeds the Steering Committee website: the committee's record, members, channels,
 * documents with generated PDF/DOCX files, index results and events. Every row is
 * marked demo; every step skips what exists.
 */
import type { Core } from '@strapi/strapi';
import { documentSlug, slugify, vietnamInstant, vietnamParts } from '@cchc/shared';
import { UID } from '../constants.js';
import { createMissing, documentIds, uploadDataFile } from './content.js';
import type { Seed } from './load.js';
import type { SeedCommittee } from './schema.js';

/** An event's start and end: as given, or `inDays` from today (in Vietnam) at `startTime`. */
export function eventTimes(time: SeedCommittee['events'][number]['time'], now = new Date()): { startsAt: string; endsAt: string } {
  if ('startsAt' in time) return { startsAt: new Date(time.startsAt).toISOString(), endsAt: new Date(time.endsAt).toISOString() };
  const { year, month, day } = vietnamParts(now);
  const [hours, minutes] = time.startTime.split(':').map(Number) as [number, number];
  const start = vietnamInstant(year, month, day + time.inDays, hours, minutes).getTime();
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + time.hours * 3600 * 1000).toISOString() };
}

/** Uploads a document's files from the data folder (files/<name>); returns their ids. */
async function uploadFiles(strapi: Core.Strapi, seed: Seed, doc: SeedCommittee['documents'][number]): Promise<number[]> {
  const ids: number[] = [];
  for (const file of doc.files) ids.push(await uploadDataFile(strapi, seed, `files/${file.name}`, file.name.replace(/\.\w+$/, ''), { caption: file.title }));
  return ids;
}

/** Seeds the committee's content; returns how many rows were created. */
export async function seedCommittee(strapi: Core.Strapi, seed: Seed): Promise<number> {
  const data = seed.committee;
  let created = 0;

  if (!(await strapi.documents(UID.committee).findFirst({}))) {
    const topics = await documentIds(strapi, UID.topic, 'slug');
    const { newsTopic, ...fields } = data.committee;
    await strapi.documents(UID.committee).create({ data: { ...fields, newsTopic: newsTopic ? topics.get(newsTopic) ?? null : null, demo: true } as never });
    created++;
  }

  const agencies = await documentIds(strapi, UID.agency, 'slug');
  created += await createMissing(strapi, UID.committeeMember, 'name', data.members, (m) => m.name, (m) => ({
    ...m, agency: m.agency ? agencies.get(m.agency) ?? null : null, demo: true,
  }));
  created += await createMissing(strapi, UID.channel, 'name', data.channels, (c) => c.name, (c) => ({ ...c, demo: true }));

  const areas = await documentIds(strapi, UID.reformArea, 'code');
  const existingDocuments = await documentIds(strapi, UID.steeringDocument, 'slug');
  for (const doc of data.documents) {
    if (existingDocuments.has(documentSlug(doc.number, doc.issuedOn))) continue;
    const { files, planYear: _planYear, areas: areaCodes, status: validity, ...fields } = doc;
    await strapi.documents(UID.steeringDocument).create({
      status: 'published',
      data: {
        ...fields,
        validity,
        areas: areaCodes.map((c) => areas.get(c)).filter(Boolean),
        files: files.length > 0 ? await uploadFiles(strapi, seed, doc) : [],
        demo: true,
      } as never,
    });
    created++;
  }

  const results = (await strapi.db.query(UID.indexResult).findMany({ select: ['index', 'year', 'subject'] })) as { index: string; year: number; subject: string }[];
  const resultKeys = new Set(results.map((r) => `${r.index}|${r.year}|${r.subject}`));
  for (const r of data.indices) {
    if (resultKeys.has(`${r.index}|${r.year}|${r.subject}`)) continue;
    await strapi.documents(UID.indexResult).create({ data: { ...r, demo: true } as never });
    created++;
  }

  const tasks = (await strapi.db.query(UID.planTask).findMany({ select: ['documentId', 'number'], where: { plan: { year: seed.plan.year } } })) as { documentId: string; number: string }[];
  const articles = await documentIds(strapi, UID.article, 'slug');
  created += await createMissing(strapi, UID.committeeEvent, 'slug', data.events, (e) => slugify(e.title), (e) => {
    const { time, planTask, report, ...fields } = e;
    return {
      ...fields,
      ...eventTimes(time),
      planTask: planTask ? tasks.find((t) => t.number === planTask)?.documentId ?? null : null,
      report: report ? articles.get(report) ?? null : null,
      demo: true,
    };
  });
  return created;
}
