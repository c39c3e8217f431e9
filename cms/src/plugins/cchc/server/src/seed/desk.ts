/**
 * Seeds the editors' desk: pieces in every state of the review (submitted ones of
 * different ages, one sent back and submitted again with changes, one scheduled next
 * week, one withdrawn with its reason…), each taken through its steps by the workflow
 * service itself at times relative to the day of seeding, so that the queue, the
 * snapshots, the diff and the calendar show real work on a fresh start. Seeded once:
 * a piece whose slug (made from its title) exists is left alone.
 */
import type { Core } from '@strapi/strapi';
import { slugify, vietnamInstant, vietnamParts } from '@cchc/shared';
import { UID } from '../constants.js';
import { createDeskRepository } from '../repositories/desk.js';
import { holidaysOf } from '../repositories/holidays.js';
import { createWorkflowRepository } from '../repositories/workflow.js';
import { createWorkflowService, type Actor } from '../services/workflow.js';
import { documentIds, uploadDataFile } from './content.js';
import type { Seed } from './load.js';

const DAY = 24 * 3600 * 1000;

/** Seeds the desk's pieces; returns how many were created. */
export async function seedDesk(strapi: Core.Strapi, seed: Seed, reviewTargetDays: number): Promise<number> {
  const existing = await documentIds(strapi, UID.article, 'slug');
  const areas = await documentIds(strapi, UID.reformArea, 'code');
  const agencies = await documentIds(strapi, UID.agency, 'slug');
  const started = Date.now();
  let clock = new Date(started);
  const workflow = createWorkflowService({
    repo: createWorkflowRepository(strapi),
    desk: createDeskRepository(strapi),
    holidays: () => holidaysOf(strapi),
    reviewTargetDays,
    now: () => clock,
  });
  let created = 0;
  for (const piece of seed.desk.pieces) {
    const slug = slugify(piece.title);
    if (existing.has(slug)) continue;
    const cover = piece.cover ? await uploadDataFile(strapi, seed, piece.cover, slugify(piece.title, 60), { alternativeText: piece.coverAlt ?? null }) : null;
    // Strapi's generated input types are not available to the plugin's compile (no generated
    // typings): the data is checked by the content type's schema on write, as in seed/content.ts.
    const document = await strapi.documents(UID.article).create({
      data: {
        title: piece.title, slug, summary: piece.summary, body: piece.body, format: piece.format, demo: true,
        areas: piece.areas.map((c) => areas.get(c)).filter(Boolean),
        agency: agencies.get(piece.agency) ?? null,
        cover,
      } as never,
    });
    for (const step of piece.steps) {
      clock = new Date(started - step.daysAgo * DAY);
      if (step.action === 'revise-text') {
        // The agency's edit between two rounds: the draft row itself, as the edit view saves it.
        await strapi.db.query(UID.article).updateMany({ where: { documentId: document.documentId, publishedAt: null }, data: { ...piece.revised } });
        continue;
      }
      const actor: Actor = { id: null, name: step.by ?? 'Biên tập viên', email: '', role: 'editor' };
      const scheduledAt = step.scheduleInDays ? scheduleDay(started, step.scheduleInDays) : undefined;
      await workflow.transition(document.documentId, actor, { action: step.action, note: step.note ?? '', publicNote: true, ...(scheduledAt ? { scheduledAt } : {}) });
    }
    created++;
  }
  return created;
}

/** 08:00 in Vietnam, `days` days after `from`, as ISO 8601. */
function scheduleDay(from: number, days: number): string {
  const { year, month, day } = vietnamParts(new Date(from + days * DAY));
  return new Date(vietnamInstant(year, month, day, 8).getTime()).toISOString();
}
