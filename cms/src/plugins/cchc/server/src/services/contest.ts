/**
 * The online contest, for entrants: registration, attempts drawn and timed by the
 * server, answers saved at the server's time, one submission, and the published
 * results. The rules are shared's (contest/*); what must hold under concurrency is
 * held by the database (repositories/contest-entries.ts).
 */
import crypto from 'node:crypto';
import {
  ContestRuleError,
  attemptDeadline,
  attemptScore,
  compareVi,
  drawAttempt,
  normalizeCitizenId,
  normalizePhone,
  rankRound,
  roundPhase,
  secondsLeft,
  type AttemptView,
  type ContestDetail,
  type ContestSummary,
  type DrawnQuestion,
  type RegisterEntry,
  type Winner,
} from '@cchc/shared';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { isUniqueViolation, type AttemptRecord, type ContestEntries, type EntryRecord } from '../repositories/contest-entries.js';
import { keyOf, type ContestRecord, type ContestRepository, type QuestionRecord, type RoundRecord } from '../repositories/contests.js';
import type { ContestChallenge } from './contest-challenge.js';
import { attemptView, checkAnswers, deadlineOf, drawnOf, roundSummary } from './contest-views.js';

export const CONTEST_MESSAGES = {
  roundNotFound: 'Không tìm thấy đợt thi.',
  contestNotFound: 'Không tìm thấy cuộc thi.',
  roundNotOpen: 'Đợt thi này chưa mở hoặc đã kết thúc.',
  phoneTaken: 'Số điện thoại này đã được dùng để đăng ký đợt thi này. Mỗi người chỉ đăng ký một lần mỗi đợt.',
  citizenIdTaken: 'Số định danh cá nhân này đã được dùng để đăng ký đợt thi này. Mỗi người chỉ đăng ký một lần mỗi đợt.',
  tooYoung: (age: number) => `Cuộc thi dành cho người từ ${age} tuổi trở lên.`,
  unknownUnit: 'Không tìm thấy đơn vị công tác đã chọn.',
  entryNotFound: 'Không tìm thấy bài dự thi; hãy đăng ký từ trang cuộc thi.',
  noAttemptsLeft: 'Bạn đã dùng hết số lượt thi của đợt này.',
  attemptClosed: 'Bài thi đã được nộp hoặc đã hết thời gian làm bài; các câu trả lời lưu trước khi hết giờ được tính.',
} as const;

/** A random id for URLs (not a row number: nobody learns how many entrants there are). */
const publicId = () => crypto.randomBytes(12).toString('hex');
const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Creates the contest service with its repositories and a clock. */
export function createContestService({
  contests,
  entries,
  limitRegistration = async () => {},
  challenge = { verify: async () => null, spend: async () => {} },
  now = () => new Date(),
}: {
  contests: ContestRepository;
  entries: ContestEntries;
  /** Counts a registration against its client's and its phone's budgets, and an unproved one against a smaller one (a 429 past them). */
  limitRegistration?: (client: string, identity: string | null, proved: boolean) => Promise<void>;
  /** The registration's proof of work: checked first, spent last (services/contest-challenge.ts). */
  challenge?: Pick<ContestChallenge, 'verify' | 'spend'>;
  now?: () => Date;
}) {
  /** An entry, checked against the secret its entrant holds (the same refusal whether the entry or the secret is wrong). */
  async function entryWithSecret(entryId: string, secret: string): Promise<EntryRecord> {
    const entry = await entries.entryByPublicId(entryId);
    if (!entry || !sameHash(entry.secret_hash, hashSecret(secret))) throw new NotFoundError(CONTEST_MESSAGES.entryNotFound);
    return entry;
  }

  async function attemptWithSecret(attemptId: string, secret: string): Promise<{ attempt: AttemptRecord; round: RoundRecord }> {
    const attempt = await entries.attemptByPublicId(attemptId);
    const entry = attempt && (await entries.entriesByIds([attempt.entry_id]))[0];
    if (!attempt || !entry || !sameHash(entry.secret_hash, hashSecret(secret))) throw new NotFoundError(CONTEST_MESSAGES.entryNotFound);
    const round = await contests.round(attempt.round_id);
    if (!round) throw new NotFoundError(CONTEST_MESSAGES.roundNotFound);
    return { attempt, round };
  }

  /** Closes an open attempt past its deadline, as the server: its on-time answers count, without a prediction. */
  async function expireIfLate(attempt: AttemptRecord, round: RoundRecord, bank: readonly QuestionRecord[], at: Date): Promise<AttemptRecord> {
    const deadline = deadlineOf(attempt, round);
    if (attempt.state !== 'open' || at.getTime() <= deadline) return attempt;
    const keys = new Map(bank.map((q) => [q.documentId, keyOf(q)]));
    // Held like a submission: an answer being saved is either in the score or refused.
    await entries.transaction(async (trx) => {
      if (!(await entries.holdOpen(attempt.id, trx))) return;
      const { score } = attemptScore(drawnOf(attempt), await scoredAnswers(attempt, trx), keys, new Date(deadline));
      await entries.closeAttempt(attempt.id, { state: 'expired', at: deadline, prediction: null, score }, trx);
    });
    return (await entries.attemptByPublicId(attempt.public_id)) ?? attempt;
  }

  const scoredAnswers = async (attempt: AttemptRecord, trx?: Parameters<ContestEntries['answersOf']>[1]) =>
    (await entries.answersOf(attempt.id, trx)).map((a) => ({ questionId: a.questionId, chosen: a.chosen, at: new Date(a.savedAt) }));

  async function viewOf(attempt: AttemptRecord, round: RoundRecord, bank: readonly QuestionRecord[], at: Date): Promise<AttemptView> {
    const [contest, saved] = await Promise.all([round.contest ? contests.contestByDocumentId(round.contest.documentId) : null, entries.answersOf(attempt.id)]);
    return attemptView({ attempt, round, bank, contest, saved, at });
  }

  /** Results of a closed round whose results are published: the ranking's first places, never a phone or ID number. */
  async function resultsOf(contest: ContestRecord, round: RoundRecord, at: Date, units: ReadonlyMap<number, string>) {
    if (contest.resultsPolicy !== 'nguoi-doat-giai' || !round.resultsPublished || roundPhase(round, at) !== 'closed') return null;
    const { ranking, fullScoreCount } = await ranked(round, at);
    const top = ranking.slice(0, contest.winnersPerRound);
    const people = new Map((await entries.entriesByIds(top.map((r) => r.entry_id))).map((e) => [e.id, e]));
    const winners: Winner[] = top.map((r) => {
      const person = people.get(r.entry_id);
      return { rank: r.rank, name: person?.name ?? '', unit: (person?.agency_id ? units.get(person.agency_id) : person?.commune) ?? '', score: r.score, max: r.max_score };
    });
    return { round: round.documentId, number: round.number, fullScoreCount, entrants: ranking.length, winners };
  }

  /** The ranking of a round: open attempts past their deadline closed first, then shared's rankRound. */
  async function ranked(round: RoundRecord, at: Date) {
    const late = (await entries.attemptsOfRound(round.documentId, 'open')).filter((a) => deadlineOf(a, round) < at.getTime());
    if (late.length > 0) {
      const bank = await contests.bankOf(round);
      for (const attempt of late) await expireIfLate(attempt, round, bank, at);
    }
    const closed = (await entries.attemptsOfRound(round.documentId)).filter((a) => a.state !== 'open' && a.score !== null && a.submitted_at !== null);
    const maxScore = closed.reduce((max, a) => Math.max(max, a.max_score), 0);
    return rankRound(
      closed.map((a) => ({ ...a, attemptId: a.public_id, entrantId: String(a.entry_id), score: a.score!, prediction: a.prediction, submittedAt: new Date(a.submitted_at!) })),
      maxScore,
    );
  }

  return {
    ranked,

    async list(): Promise<ContestSummary[]> {
      const at = now();
      const list = await contests.visibleContests();
      const rounds = await contests.roundsOf(list.map((c) => c.id));
      return list.map((c) => ({
        slug: c.slug,
        title: c.title,
        summary: c.summary,
        audiences: c.audiences,
        rounds: rounds.filter((r) => r.contest?.documentId === c.documentId).map((r) => roundSummary(r, at)),
      }));
    },

    async detail(slug: string): Promise<ContestDetail> {
      const at = now();
      const contest = await contests.contestBySlug(slug);
      if (!contest || !contest.visible) throw new NotFoundError(CONTEST_MESSAGES.contestNotFound);
      const [rounds, units] = await Promise.all([contests.roundsOf([contest.id]), contests.units()]);
      const unitNames = new Map(units.map((u) => [u.id, u.name]));
      const results = [];
      for (const round of rounds) {
        const result = await resultsOf(contest, round, at, unitNames);
        if (result) results.push(result);
      }
      return {
        slug: contest.slug,
        title: contest.title,
        summary: contest.summary,
        audiences: contest.audiences,
        rounds: rounds.map((r) => roundSummary(r, at)),
        rules: contest.rules,
        prizes: contest.prizes,
        organisers: contest.organisers,
        minimumAge: contest.minimumAge,
        resultsPolicy: contest.resultsPolicy,
        results,
        units: units.map(({ slug: unitSlug, name }) => ({ slug: unitSlug, name })).sort((a, b) => compareVi(a.name, b.name)),
      };
    },

    /** Registers an entrant for an open round; answers the entry's id and the secret that stands for it. */
    async register(roundId: string, body: RegisterEntry.Body, client = ''): Promise<{ entry: string; secret: string }> {
      const at = now();
      const round = await contests.round(roundId);
      if (!round) throw new NotFoundError(CONTEST_MESSAGES.roundNotFound);
      if (roundPhase(round, at) !== 'open') throw new ConflictError(CONTEST_MESSAGES.roundNotOpen);
      const contest = round.contest ? await contests.contestByDocumentId(round.contest.documentId) : null;
      if (!contest || !contest.visible) throw new NotFoundError(CONTEST_MESSAGES.roundNotFound);
      let phone: string | null = null;
      let citizenId: string | null = null;
      try {
        phone = body.phone.trim() ? normalizePhone(body.phone) : null;
        citizenId = body.citizenId.trim() ? normalizeCitizenId(body.citizenId) : null;
      } catch (error) {
        if (error instanceof ContestRuleError) throw new InvalidInputError(error.message);
        throw error;
      }
      // The proof's signatures first, the budgets and the proof itself spent last: a visitor who
      // mistyped their birth year or unit loses neither.
      const proof = await challenge.verify(body.proof);
      // A round that could not start an attempt takes no registration (the phone would be spent for nothing).
      const bank = await contests.bankOf(round);
      if (bank.length < round.questionsPerAttempt) throw new ConflictError(`Đợt thi chưa sẵn sàng: ngân hàng có ${bank.length} câu hỏi, ít hơn ${round.questionsPerAttempt} câu mỗi lượt thi.`);
      const age = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(at)) - body.birthYear;
      if (age < contest.minimumAge) throw new InvalidInputError(CONTEST_MESSAGES.tooYoung(contest.minimumAge));
      let agencyId: number | null = null;
      if (body.agency) {
        agencyId = (await contests.units()).find((u) => u.slug === body.agency)?.id ?? null;
        if (agencyId === null) throw new InvalidInputError(CONTEST_MESSAGES.unknownUnit);
      }
      // Before the insert that tells whether the phone is taken: probing phones costs the prober.
      await limitRegistration(client, phone ?? citizenId, proof !== null);
      if (proof) await challenge.spend(proof);
      const secret = crypto.randomBytes(24).toString('base64url');
      const entry = publicId();
      try {
        await entries.insertEntry({
          publicId: entry,
          roundId: round.documentId,
          secretHash: hashSecret(secret),
          name: body.name,
          birthYear: body.birthYear,
          phone,
          citizenId,
          audience: body.audience,
          agencyId,
          commune: body.commune.normalize('NFC').trim() || null,
          createdAt: at.getTime(),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const taken = await entries.takenIdentity(round.documentId, phone, citizenId);
        throw new ConflictError(taken === 'citizenId' ? CONTEST_MESSAGES.citizenIdTaken : CONTEST_MESSAGES.phoneTaken);
      }
      return { entry, secret };
    },

    /** Starts an attempt, or answers the one still open (a second tab, a reload). */
    async start(entryId: string, secret: string): Promise<AttemptView> {
      const at = now();
      const entry = await entryWithSecret(entryId, secret);
      const round = await contests.round(entry.round_id);
      if (!round) throw new NotFoundError(CONTEST_MESSAGES.roundNotFound);
      const bank = await contests.bankOf(round);
      const previous = await entries.attemptsOfEntry(entry.id);
      const last = previous.at(-1);
      if (last) {
        const current = await expireIfLate(last, round, bank, at);
        if (current.state === 'open') return viewOf(current, round, bank, at);
      }
      if (roundPhase(round, at) !== 'open') throw new ConflictError(CONTEST_MESSAGES.roundNotOpen);
      if (previous.length >= round.attemptsAllowed) throw new ConflictError(CONTEST_MESSAGES.noAttemptsLeft);
      const seed = crypto.randomBytes(16).toString('hex');
      let drawn: DrawnQuestion[];
      try {
        drawn = drawAttempt(bank.map((q) => ({ id: q.documentId, optionCount: q.options.length })), round.questionsPerAttempt, seed);
      } catch (error) {
        if (error instanceof ContestRuleError) throw new ConflictError(`Đợt thi chưa sẵn sàng: ${error.message}`);
        throw error;
      }
      const attempt = publicId();
      try {
        await entries.insertAttempt({
          publicId: attempt,
          entryId: entry.id,
          roundId: round.documentId,
          attemptNo: previous.length + 1,
          seed,
          drawn,
          startedAt: at.getTime(),
          deadline: attemptDeadline(at, round.timeLimitMinutes * 60, round.closesAt).getTime(),
          maxScore: drawn.length,
        });
      } catch (error) {
        // Two starts at once: the other one made this attempt; answer it.
        if (!isUniqueViolation(error)) throw error;
        const made = (await entries.attemptsOfEntry(entry.id)).at(-1);
        if (!made || made.state !== 'open') throw new ConflictError(CONTEST_MESSAGES.noAttemptsLeft);
        return viewOf(made, round, bank, at);
      }
      return viewOf((await entries.attemptByPublicId(attempt))!, round, bank, at);
    },

    async view(attemptId: string, secret: string): Promise<AttemptView> {
      const at = now();
      const { attempt, round } = await attemptWithSecret(attemptId, secret);
      const bank = await contests.bankOf(round);
      return viewOf(await expireIfLate(attempt, round, bank, at), round, bank, at);
    },

    /** Saves one answer of an open attempt at the server's time; refused once the attempt is closed or late. */
    async saveAnswer(attemptId: string, secret: string, questionId: string, chosen: readonly number[]): Promise<{ savedAt: string; secondsLeft: number }> {
      const at = now();
      const { attempt, round } = await attemptWithSecret(attemptId, secret);
      if (attempt.state !== 'open' || at.getTime() > deadlineOf(attempt, round)) throw new ConflictError(CONTEST_MESSAGES.attemptClosed);
      checkAnswers(drawnOf(attempt), [{ questionId, chosen }]);
      // The attempt's row is held while the answer is written, so that a submission cannot slip in between.
      await entries.transaction(async (trx) => {
        if (!(await entries.holdOpen(attempt.id, trx))) throw new ConflictError(CONTEST_MESSAGES.attemptClosed);
        await entries.saveAnswers(attempt.id, [{ questionId, chosen }], at.getTime(), trx);
      });
      return { savedAt: at.toISOString(), secondsLeft: secondsLeft(new Date(deadlineOf(attempt, round)), at) };
    },

    /** Submits an attempt with its prediction (and any answers sent along), once. */
    async submit(attemptId: string, secret: string, prediction: number, given: Readonly<Record<string, readonly number[]>>): Promise<AttemptView> {
      const at = now();
      const { attempt, round } = await attemptWithSecret(attemptId, secret);
      const bank = await contests.bankOf(round);
      if (attempt.state !== 'open' || at.getTime() > deadlineOf(attempt, round)) {
        await expireIfLate(attempt, round, bank, at);
        throw new ConflictError(CONTEST_MESSAGES.attemptClosed);
      }
      const drawn = drawnOf(attempt);
      const answers = Object.entries(given).map(([questionId, chosen]) => ({ questionId, chosen }));
      checkAnswers(drawn, answers);
      const keys = new Map(bank.map((q) => [q.documentId, keyOf(q)]));
      // One transaction: the answers sent along, the score and the state, or nothing (a second submission rolls back).
      await entries.transaction(async (trx) => {
        if (!(await entries.holdOpen(attempt.id, trx))) throw new ConflictError(CONTEST_MESSAGES.attemptClosed);
        await entries.saveAnswers(attempt.id, answers, at.getTime(), trx);
        const saved = (await entries.answersOf(attempt.id, trx)).map((a) => ({ questionId: a.questionId, chosen: a.chosen, at: new Date(a.savedAt) }));
        const { score } = attemptScore(drawn, saved, keys, new Date(deadlineOf(attempt, round)));
        if (!(await entries.closeAttempt(attempt.id, { state: 'submitted', at: at.getTime(), prediction, score }, trx))) throw new ConflictError(CONTEST_MESSAGES.attemptClosed);
      });
      return viewOf((await entries.attemptByPublicId(attempt.public_id))!, round, bank, at);
    },
  };
}

/** The contest service's interface. */
export type ContestService = ReturnType<typeof createContestService>;
