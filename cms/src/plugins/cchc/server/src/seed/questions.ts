/**
 * Seeds the working-day calendar (the holidays missing) and the demo questions: each is
 * received, then taken through its steps by the desk itself (services/question-desk.ts), at
 * times relative to the day of seeding, so that the rules, masking and history are the
 * ones staff get. Questions are seeded only into an empty table.
 */
import { ActOnQuestion, lookupCode, lookupDay, normalizeContactPhone, normalizeEmail } from '@cchc/shared';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants.js';
import { createQuestionRepository } from '../repositories/questions.js';
import { createQuestionDesk } from '../services/question-desk.js';
import { questionDeskDeps } from '../services/question-desk-deps.js';
import type { Actor } from '../services/workflow.js';
import type { Seed } from './load.js';

const DAY = 24 * 3600 * 1000;
const MODERATOR: Actor = { id: null, name: 'Ban biên tập (dữ liệu minh họa)', email: '', role: 'editor' };

/** Seeds holidays and questions; returns how many rows were created. */
export async function seedQuestions(strapi: Core.Strapi, seed: Seed): Promise<number> {
  let created = 0;
  const known = new Set((await strapi.db.query(UID.holiday).findMany({ select: ['date'] })).map((h: { date: string }) => String(h.date).slice(0, 10)));
  for (const holiday of seed.questions.holidays) {
    if (known.has(holiday.date)) continue;
    await strapi.db.query(UID.holiday).create({ data: holiday });
    created++;
  }
  const repository = createQuestionRepository(strapi);
  await repository.ensureTables();
  const counted = await repository.countByState();
  if (counted.flagged > 0 || Object.keys(counted.states).length > 0) return created;
  let clock = new Date();
  const desk = createQuestionDesk({ ...questionDeskDeps(strapi), mail: { assigned: async () => {}, answered: async () => {} }, purge: async () => {}, now: () => clock });
  const agencies = new Map((await strapi.db.query(UID.agency).findMany({ select: ['id', 'slug'] })).map((a: { id: number; slug: string }) => [a.slug, a.id]));
  // Oldest first, so that codes of one day follow the order of receipt.
  for (const item of [...seed.questions.items].sort((a, b) => b.receivedDaysAgo - a.receivedDaysAgo)) {
    const receivedAt = new Date(Date.now() - item.receivedDaysAgo * DAY);
    const { code } = await repository.receive(
      {
        day: lookupDay(receivedAt),
        subject: item.subject,
        agencyId: item.agency ? (agencies.get(item.agency) ?? null) : null,
        title: item.title,
        body: item.question,
        flagged: false,
        receivedAt: receivedAt.getTime(),
        files: [],
        contact: { name: item.name, email: item.email ? normalizeEmail(item.email) : null, phone: item.phone ? normalizeContactPhone(item.phone) : null },
      },
      (sequence) => lookupCode(lookupDay(receivedAt), sequence),
    );
    created++;
    for (const step of item.steps) {
      clock = new Date(receivedAt.getTime() + step.afterDays * DAY);
      await desk.act(code, ActOnQuestion.BodySchema.parse(step), { ...MODERATOR, ...(step.action === 'answer' ? { name: 'Cán bộ cơ quan được giao (dữ liệu minh họa)' } : {}) });
    }
  }
  return created;
}
