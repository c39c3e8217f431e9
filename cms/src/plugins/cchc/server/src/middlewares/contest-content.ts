/**
 * Document Service middleware for the contest's content types: text in NFC, a slug
 * for a contest that has none, and the checks a form cannot express, each a 400 in
 * Vietnamese: audiences from the shared list, a question well formed (shared's
 * `questionProblems`), a round that closes after it opens, and a round whose draw
 * and clock are fixed once it has opened (entrants are already taking it). Every change
 * an organiser makes through the Content Manager goes in the contest's log.
 */
import type { Core } from '@strapi/strapi';
import { CONTEST_AUDIENCE_CODES, formatDateTime, nfc, questionProblems, slugify, type QuestionKind } from '@cchc/shared';
import { UID } from '../constants.js';
import { InvalidInputError } from '../errors.js';
import type { ContestLog } from '../repositories/contest-log.js';
import { uniqueSlug } from '../repositories/slugs.js';
import { keepClonedJson, readJsonFields } from './json-fields.js';
import { writeTarget, type WriteTarget } from './write-target.js';

type Data = Record<string, unknown>;
type Context = { uid: string; action: string; params: Record<string, unknown> };

export const CONTEST_CONTENT_MESSAGES = {
  audiences: `Trường "audiences" phải là danh sách đối tượng dự thi, ví dụ ["nguoi-dan"]; các mã hợp lệ: ${CONTEST_AUDIENCE_CODES.join(', ')}.`,
  closesBeforeOpen: 'Thời điểm kết thúc đợt thi phải sau thời điểm mở.',
  roundLocked: (fields: string[]) => `Đợt thi đã mở, người dự thi đang làm bài: không thể thay đổi ${fields.join(', ')}. Chỉ được sửa tiêu đề, thời điểm kết thúc, cách hiện điểm và việc công bố kết quả.`,
  optionsList: 'Trường "options" phải là danh sách các phương án trả lời (chuỗi), ví dụ ["Sở Nội vụ", "Sở Tư pháp"].',
  correctList: 'Trường "correct" phải là danh sách số thứ tự (tính từ 0) của các phương án đúng, ví dụ [0].',
  questionLocked: 'Một đợt thi của cuộc thi này đang mở, người dự thi đang trả lời câu hỏi này: không thể sửa hay xóa câu hỏi cho đến khi đợt thi kết thúc.',
  roundInUse: 'Đợt thi đã mở: không thể xóa. Hãy sửa thời điểm kết thúc để đóng đợt thi sớm.',
} as const;

const TEXT_FIELDS: Record<string, readonly string[]> = {
  [UID.contest]: ['title', 'summary', 'rules', 'prizes', 'organisers'],
  [UID.contestRound]: ['title'],
  [UID.contestQuestion]: ['text', 'explanation'],
};

/** The JSON fields (json-fields.ts: the edit view sends them as text). */
const JSON_FIELDS: Record<string, readonly string[]> = {
  [UID.contest]: ['audiences'],
  [UID.contestQuestion]: ['options', 'correct'],
};

/** What cannot change once a round is open: what decides an attempt's draw and clock. */
const LOCKED_ROUND_FIELDS = ['opensAt', 'questionsPerAttempt', 'timeLimitMinutes', 'attemptsAllowed', 'audience', 'contest'] as const;

const sameValue = (field: string, before: unknown, after: unknown): boolean => {
  if (field === 'contest') {
    // The Content Manager sends a relation as { connect, disconnect } lists, empty when unchanged.
    const change = after as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] } | null;
    return !change || typeof change !== 'object' || ((change.connect?.length ?? 0) === 0 && (change.disconnect?.length ?? 0) === 0 && change.set === undefined);
  }
  if (field === 'opensAt') return timeOf(before) === timeOf(after);
  return (before ?? null) === (after ?? null) || Number(before) === Number(after);
};

/** An instant as milliseconds, from a Date, an ISO string or a number (a Date's toString would drop the milliseconds). */
const timeOf = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(String(value)).getTime());

/** What the log calls each content type and action. */
const TYPE_NAMES: Record<string, string> = { [UID.contest]: 'cuộc thi', [UID.contestRound]: 'đợt thi', [UID.contestQuestion]: 'câu hỏi' };
const ACTION_NAMES: Record<string, string> = { create: 'Tạo', clone: 'Nhân bản', update: 'Sửa', delete: 'Xóa' };

/** The signed-in admin user of the current request, if any (the seed and the scheduler have none). */
function requestUser(strapi: Core.Strapi): { id: number; name: string } | null {
  const ctx = strapi.requestContext.get() as { state?: { user?: { id: number; email: string; firstname?: string | null; lastname?: string | null } } } | undefined;
  const user = ctx?.state?.user;
  return user ? { id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email } : null;
}

/** Creates the middleware, bound to a Strapi instance (writes are told apart by write-target.ts). */
export function createContestContentMiddleware(strapi: Core.Strapi, log: () => ContestLog, now: () => Date = () => new Date()) {
  const stored = (uid: string, documentId: string | undefined, fields: string[]): Promise<Data | null> =>
    documentId ? (strapi.db.query(uid).findOne({ select: fields, where: { documentId } }) as Promise<Data | null>) : Promise.resolve(null);


  async function checkContest(data: Data, { own, creating }: WriteTarget): Promise<void> {
    if ('audiences' in data) {
      const list = data.audiences;
      const valid = Array.isArray(list) && list.every((a) => typeof a === 'string' && (CONTEST_AUDIENCE_CODES as readonly string[]).includes(a));
      if (!valid) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.audiences);
    }
    const wanted = typeof data.slug === 'string' && data.slug !== '' ? data.slug : creating && typeof data.title === 'string' ? data.title : null;
    if (wanted) data.slug = await uniqueSlug(strapi, UID.contest, slugify(wanted), own, 'cuoc-thi');
  }

  /** Checks a round's write; answers what it does to the round's clock, for the log ("mở lúc …; kết thúc lúc …"), empty when nothing. */
  async function checkRound(data: Data, { own, source, creating }: WriteTarget): Promise<string> {
    const before = await stored(UID.contestRound, source, ['number', 'title', 'opensAt', 'closesAt', 'questionsPerAttempt', 'timeLimitMinutes', 'attemptsAllowed', 'audience']);
    const full = { ...(before ?? {}), ...data };
    // A round without a title is named by its number, so lists and pickers never show it blank.
    const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
    if (((creating && blank(full.title)) || ('title' in data && blank(data.title))) && Number.isInteger(Number(full.number))) data.title = `Đợt ${Number(full.number)}`;
    if (full.opensAt && full.closesAt && timeOf(full.closesAt) <= timeOf(full.opensAt)) {
      throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.closesBeforeOpen);
    }
    const moved = (field: 'opensAt' | 'closesAt') => field in data && data[field] && (creating || !before || timeOf(before[field]) !== timeOf(data[field]));
    const clock = [moved('opensAt') && `mở lúc ${formatDateTime(new Date(timeOf(data.opensAt)))}`, moved('closesAt') && `kết thúc lúc ${formatDateTime(new Date(timeOf(data.closesAt)))}`].filter(Boolean).join('; ');
    // The lock holds the round being written over, once open; a clone is a new round.
    if (!own || !before || timeOf(before.opensAt) > now().getTime()) return clock;
    const changed = LOCKED_ROUND_FIELDS.filter((field) => field in data && !sameValue(field, before[field], data[field]));
    if (changed.length > 0) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.roundLocked(changed));
    return clock;
  }

  /** True while a round of the question's contest is open: its draws and scores read the bank. */
  async function questionInUse(documentId: string): Promise<boolean> {
    const question = (await strapi.db.query(UID.contestQuestion).findOne({ where: { documentId }, select: ['id'], populate: { contest: { select: ['id'] } } })) as { contest?: { id: number } | null } | null;
    if (!question?.contest) return false;
    const at = now().toISOString();
    const open = await strapi.db.query(UID.contestRound).count({ where: { contest: { id: question.contest.id }, opensAt: { $lte: at }, closesAt: { $gt: at } } });
    return open > 0;
  }

  async function checkQuestion(data: Data, { own, source }: WriteTarget): Promise<void> {
    if (own && (await questionInUse(own))) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.questionLocked);
    const full = { ...((await stored(UID.contestQuestion, source, ['kind', 'text', 'options', 'correct'])) ?? {}), ...data };
    const { options, correct } = full;
    if (!Array.isArray(options) || !options.every((o) => typeof o === 'string')) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.optionsList);
    if (!Array.isArray(correct) || !correct.every((c) => Number.isInteger(c))) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.correctList);
    if (Array.isArray(data.options)) data.options = options.map((o: string) => nfc(o));
    const problems = questionProblems({ kind: (full.kind ?? 'single') as QuestionKind, text: String(full.text ?? ''), options: options as string[], correct: correct as number[] });
    if (problems.length > 0) throw new InvalidInputError(problems.join(' '));
  }

  return async (context: Context, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    const target = typeof params.documentId === 'string' ? params.documentId : undefined;
    if (action === 'delete' && target && uid === UID.contestQuestion && (await questionInUse(target))) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.questionLocked);
    if (action === 'delete' && target && uid === UID.contestRound) {
      const round = await stored(UID.contestRound, target, ['opensAt', 'closesAt']);
      const at = now().getTime();
      if (round && timeOf(round.opensAt) <= at && at < timeOf(round.closesAt)) throw new InvalidInputError(CONTEST_CONTENT_MESSAGES.roundInUse);
    }
    const fields = TEXT_FIELDS[uid];
    if (!fields) return next();
    const at = writeTarget(action, target);
    if (!at || !params.data || typeof params.data !== 'object') return logged(uid, action, target, next);
    const data = params.data as Data;
    for (const field of fields) if (typeof data[field] === 'string') data[field] = nfc(data[field] as string);
    readJsonFields(data, JSON_FIELDS[uid] ?? []);
    let detail = '';
    if (uid === UID.contest) await checkContest(data, at);
    if (uid === UID.contestRound) detail = await checkRound(data, at);
    if (uid === UID.contestQuestion) await checkQuestion(data, at);
    const clonesJson = action === 'clone' && (JSON_FIELDS[uid] ?? []).some((f) => f in data);
    return logged(uid, action, at.own, clonesJson ? async () => {
      const made = await next();
      await keepClonedJson(strapi, uid, made, data, JSON_FIELDS[uid] ?? []);
      return made;
    } : next, detail);
  };

  /** Runs the change, then records who made it (when a signed-in organiser did). */
  async function logged(uid: string, action: string, documentId: string | undefined, next: () => Promise<unknown>, detail = ''): Promise<unknown> {
    const result = await next();
    const user = ACTION_NAMES[action] ? requestUser(strapi) : null;
    if (user) {
      const made = result as { documentId?: string; title?: string; text?: string; number?: number } | null;
      const label = made?.title ?? made?.text?.slice(0, 120) ?? (made?.number !== undefined ? `số ${made.number}` : '');
      const entry = { actorId: user.id, actorName: user.name, action: `${ACTION_NAMES[action]} ${TYPE_NAMES[uid]}`, subject: label || (documentId ?? made?.documentId ?? ''), detail: detail || (documentId ?? made?.documentId ?? '') };
      // In the change's own transaction when there is one (Strapi's nested transactions reuse it).
      await strapi.db.transaction(({ trx }) => log().record(entry, trx));
    }
    return result;
  }
}
