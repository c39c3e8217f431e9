/**
 * Seeds the demo contest: the contest, its question bank, a closed round whose results
 * are published (its entrants' attempts drawn, answered and scored as the service would)
 * and an open round. Round dates are relative to the day of seeding. Skipped when the
 * contest exists; all or nothing (one transaction), so a start that fails half-way leaves
 * no contest behind that the next start would take for a complete one.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { attemptScore, drawAttempt, normalizePhone } from '@cchc/shared';
import { UID } from '../constants.js';
import { createContestEntries, type ContestEntries } from '../repositories/contest-entries.js';
import { documentsOf } from '../repositories/documents.js';
import { z } from 'zod';
import { documentIds } from './content.js';
import type { Seed } from './load.js';

const DAY = 24 * 3600 * 1000;
/** What a create answers, as far as the seed reads it. */
const Created = z.object({ documentId: z.string() });

/** Seeds the contest; returns how many rows were created. */
export async function seedContest(strapi: Core.Strapi, seed: Seed): Promise<number> {
  if ((await documentIds(strapi, UID.contest, 'slug')).has(seed.contest.contest.slug)) return 0;
  // The Document Service and strapi.db.query join this transaction by themselves; the plugin's
  // own tables are written through it explicitly (on SQLite, a write beside it would wait for it forever).
  return strapi.db.transaction(({ trx }) => seedContestIn(strapi, seed, createContestEntries(strapi, trx)));
}

async function seedContestIn(strapi: Core.Strapi, seed: Seed, entries: ContestEntries): Promise<number> {
  const data = seed.contest;
  const now = Date.now();
  const { planTask, ...fields } = data.contest;
  const tasks = await strapi.db.query(UID.planTask).findMany({ select: ['documentId', 'number'] });
  const task = planTask ? tasks.find((t: { number?: string }) => t.number === planTask)?.documentId : undefined;
  const contest = Created.parse(await documentsOf(strapi, UID.contest).create({ data: { ...fields, planTask: task ?? null, demo: true } }));
  const areas = await documentIds(strapi, UID.reformArea, 'code');
  const questions: Array<{ id: string; correct: number[]; kind: 'single' | 'multiple'; options: string[] }> = [];
  for (const q of data.questions) {
    const { area, ...question } = q;
    const made = Created.parse(await documentsOf(strapi, UID.contestQuestion).create({ data: { ...question, reformArea: areas.get(area) ?? null, contest: contest.documentId, demo: true } }));
    questions.push({ id: made.documentId, correct: q.correct, kind: q.kind, options: q.options });
  }
  const rounds: Array<{ documentId: string; opensAt: number; closesAt: number; perAttempt: number; minutes: number }> = [];
  for (const r of data.rounds) {
    const { opensInDays, closesInDays, ...round } = r;
    const opensAt = now + opensInDays * DAY;
    const closesAt = now + closesInDays * DAY;
    const made = Created.parse(
      await documentsOf(strapi, UID.contestRound).create({
        data: { ...round, attemptsAllowed: 1, opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString(), contest: contest.documentId, demo: true },
      }),
    );
    rounds.push({ documentId: made.documentId, opensAt, closesAt, perAttempt: r.questionsPerAttempt, minutes: r.timeLimitMinutes });
  }
  const first = rounds[0];
  if (!first) return 1 + questions.length + rounds.length;
  const units = await documentIds(strapi, UID.agency, 'slug');
  const agencyIds = new Map(
    (await strapi.db.query(UID.agency).findMany({ select: ['id', 'documentId'] })).map((a: { id: number; documentId: string }) => [a.documentId, a.id]),
  );
  const keys = new Map(questions.map((q) => [q.id, { kind: q.kind, correct: q.correct }]));
  for (const [i, person] of data.entrants.entries()) {
    const entryId = crypto.randomBytes(12).toString('hex');
    const unit = person.unit ? units.get(person.unit) : undefined;
    await entries.insertEntry({
      publicId: entryId,
      roundId: first.documentId,
      // Nobody holds this secret: a seeded entrant's attempt is never opened from a browser.
      secretHash: crypto.createHash('sha256').update(crypto.randomBytes(24)).digest('hex'),
      name: person.name,
      birthYear: person.birthYear,
      phone: normalizePhone(person.phone),
      citizenId: null,
      audience: person.audience,
      agencyId: unit ? agencyIds.get(unit) ?? null : null,
      commune: person.commune || null,
      createdAt: first.opensAt + (i + 1) * 3600 * 1000,
    });
    const entry = await entries.entryByPublicId(entryId);
    const seedText = `demo-${i}`;
    const drawn = drawAttempt(questions.map((q) => ({ id: q.id, optionCount: q.options.length })), first.perAttempt, seedText);
    const startedAt = first.opensAt + (i + 1) * 3600 * 1000 + 60_000;
    const attemptId = crypto.randomBytes(12).toString('hex');
    await entries.insertAttempt({ publicId: attemptId, entryId: entry!.id, roundId: first.documentId, attemptNo: 1, seed: seedText, drawn, startedAt, deadline: startedAt + first.minutes * 60_000, maxScore: drawn.length });
    const attempt = await entries.attemptByPublicId(attemptId);
    // The first `wrong` questions answered with a wrong option, the others right.
    const answers = drawn.map(({ questionId }, k) => {
      const q = questions.find((x) => x.id === questionId)!;
      return { questionId, chosen: k < person.wrong ? [q.options.findIndex((_, o) => !q.correct.includes(o))] : q.correct };
    });
    const submittedAt = startedAt + (5 + (i % 7)) * 60_000;
    await entries.saveAnswers(attempt!.id, answers, submittedAt - 30_000);
    const { score } = attemptScore(drawn, answers.map((a) => ({ ...a, at: new Date(submittedAt - 30_000) })), keys, new Date(submittedAt));
    await entries.closeAttempt(attempt!.id, { state: 'submitted', at: submittedAt, prediction: person.prediction, score });
  }
  return 1 + questions.length + rounds.length + data.entrants.length;
}
