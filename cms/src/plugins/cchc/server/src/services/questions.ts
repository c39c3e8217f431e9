/**
 * Citizens' questions and feedback, for the citizen: sending one (a lookup code back, the
 * contact kept apart, the code e-mailed when an address was given) and looking it up with
 * the code and that contact. The path of an item and its vocabulary are shared's
 * (questions/*); what must hold under concurrency is held by the database
 * (repositories/questions.ts).
 */
import {
  CLOSE_REASONS,
  OTHER_SUBJECT,
  OTHER_SUBJECT_LABEL,
  QUESTION_STATE_LABELS,
  QuestionRuleError,
  lookupCode,
  lookupDay,
  normalizeContactPhone,
  normalizeEmail,
  normalizeLookupCode,
  searchTokens,
  type ListPublishedQuestions,
  type PublishedQuestion,
  type QuestionStatus,
  type SubmitQuestion,
} from '@cchc/shared';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { QuestionRecord, QuestionRepository } from '../repositories/questions.js';

export const QUESTION_MESSAGES = {
  unknownSubject: 'Lĩnh vực đã chọn không có trong danh sách.',
  unknownAgency: 'Cơ quan đã chọn không có trong danh sách.',
  notPublished: 'Không tìm thấy câu hỏi đã trả lời với mã này.',
  notFound: 'Không tìm thấy câu hỏi với mã tra cứu và thông tin liên hệ này. Hãy kiểm tra lại mã (dạng PAKN.20241105.0001) và thư điện tử hoặc số điện thoại bạn đã dùng khi gửi.',
} as const;

/** Collaborators of the service. */
export interface QuestionServiceDeps {
  questions: QuestionRepository;
  /** The reform areas' codes and names. */
  areas: () => Promise<ReadonlyArray<{ code: string; name: string }>>;
  /** The agencies a citizen may name: id, slug, name. */
  agencies: () => Promise<ReadonlyArray<{ id: number; slug: string; name: string }>>;
  limits: {
    /** Counts a submission against its client's budgets (a 429 past them). */
    submission: (client: string) => Promise<void>;
    /** Refuses a lookup from a client that has failed too often (a 429). */
    lookupAllowed: (client: string) => Promise<void>;
    /** Counts a failed lookup. */
    lookupFailed: (client: string) => Promise<void>;
  };
  /** The receipt by e-mail (question-mail.ts): whether one goes out at all, and sending it. */
  receipts: { enabled: boolean; send: (to: string, code: string) => Promise<void> };
  now?: () => Date;
}

/** Creates the citizen-facing question service. */
export function createQuestionService({ questions, areas, agencies, limits, receipts, now = () => new Date() }: QuestionServiceDeps) {
  return {
    /** Receives a submission; answers its code. A robot's (the hidden field filled) is answered the same, stored flagged. */
    async submit(body: SubmitQuestion.Body, client = ''): Promise<SubmitQuestion.Response['data']> {
      let phone: string | null = null;
      try {
        phone = body.phone ? normalizeContactPhone(body.phone) : null;
      } catch (error) {
        if (error instanceof QuestionRuleError) throw new InvalidInputError(error.message);
        throw error;
      }
      const email = body.email ? normalizeEmail(body.email) : null;
      if (body.subject !== OTHER_SUBJECT && !(await areas()).some((a) => a.code === body.subject)) throw new InvalidInputError(QUESTION_MESSAGES.unknownSubject);
      let agencyId: number | null = null;
      if (body.agency) {
        agencyId = (await agencies()).find((a) => a.slug === body.agency)?.id ?? null;
        if (agencyId === null) throw new InvalidInputError(QUESTION_MESSAGES.unknownAgency);
      }
      // The budget counts robots too: a filled hidden field is no way around it.
      await limits.submission(client);
      const at = now();
      const flagged = body.website.trim() !== '';
      const { code } = await questions.receive(
        { day: lookupDay(at), subject: body.subject, agencyId, title: body.title, body: body.question, flagged, receivedAt: at.getTime(), contact: { name: body.name, email, phone } },
        (sequence) => lookupCode(lookupDay(at), sequence),
      );
      // Not awaited: a person's answer takes no longer than a robot's, and a mail server that is slow or down undoes nothing.
      if (email && !flagged && receipts.enabled) void receipts.send(email, code);
      return { code, receivedAt: at.toISOString(), mailed: Boolean(email) && receipts.enabled };
    },

    /**
     * A submission as its citizen sees it, for its code and the contact given; the same 404 for
     * a wrong code or contact, counted against the client (a 429 after a few).
     */
    async lookup(typedCode: string, contact: string, client = ''): Promise<QuestionStatus> {
      await limits.lookupAllowed(client);
      const code = normalizeLookupCode(typedCode);
      const row = code ? await questions.withContact(code) : null;
      if (!row || !matches(row.contact, contact)) {
        await limits.lookupFailed(client);
        throw new NotFoundError(QUESTION_MESSAGES.notFound);
      }
      const found = row.question;
      const [events, subjects, units] = await Promise.all([questions.eventsOf(found.id), areas(), agencies()]);
      const state = found.state;
      const answering = units.find((u) => u.id === found.assigned_agency_id)?.name ?? '';
      const reason = CLOSE_REASONS.find((r) => r.code === found.closed_reason) ?? null;
      return {
        code: found.code,
        state,
        stateLabel: QUESTION_STATE_LABELS[state],
        title: found.public_title ?? found.title,
        subject: subjects.find((a) => a.code === found.subject)?.name ?? OTHER_SUBJECT_LABEL,
        receivedAt: new Date(found.received_at).toISOString(),
        // The steps only: views and edits by staff are theirs to see.
        history: events.filter((e) => e.from_state !== e.to_state).map((e) => ({ state: e.to_state, label: QUESTION_STATE_LABELS[e.to_state], at: new Date(e.at).toISOString() })),
        answer: state === 'published' && found.answer && found.published_at ? { text: found.answer, agency: answering, at: new Date(found.published_at).toISOString() } : null,
        closedReason: state === 'closed' && reason ? { code: reason.code, label: reason.label } : null,
      };
    },

    /** Published questions and answers, searched (folded words, prefixes of words), by area and answering agency. */
    async published(query: ListPublishedQuestions.Query): Promise<ListPublishedQuestions.Response> {
      const units = await agencies();
      const agencyId = query.agency ? units.find((u) => u.slug === query.agency)?.id : undefined;
      const pagination = (total: number) => ({ page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total });
      // An agency no longer listed answers an empty page, as an area without questions does.
      if (query.agency && agencyId === undefined) return { data: [], meta: { pagination: pagination(0) } };
      const words = [...new Set(searchTokens(query.q).folded)].slice(0, 12);
      const { rows, total } = await questions.published({
        words,
        ...(query.area ? { subject: query.area } : {}),
        ...(agencyId === undefined ? {} : { agencyId }),
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const subjects = await areas();
      return { data: rows.map((row) => publishedOf(row, subjects, units)), meta: { pagination: pagination(total) } };
    },

    /** One published question; 404 for any other code (or state). */
    async publishedOne(code: string): Promise<PublishedQuestion> {
      const row = code ? await questions.byCode(code) : null;
      if (!row || row.state !== 'published' || row.flagged) throw new NotFoundError(QUESTION_MESSAGES.notPublished);
      const [subjects, units] = await Promise.all([areas(), agencies()]);
      return publishedOf(row, subjects, units);
    },
  };
}

/** A published row as the public reads it: the public text only. */
function publishedOf(row: QuestionRecord, subjects: ReadonlyArray<{ code: string; name: string }>, units: ReadonlyArray<{ id: number; slug: string; name: string }>): PublishedQuestion {
  const agency = units.find((u) => u.id === row.assigned_agency_id);
  return {
    code: row.code,
    title: row.public_title ?? '',
    question: row.public_body ?? '',
    subject: { code: row.subject, name: subjects.find((a) => a.code === row.subject)?.name ?? OTHER_SUBJECT_LABEL },
    agency: agency ? { slug: agency.slug, name: agency.name } : null,
    askedAt: new Date(row.received_at).toISOString(),
    answer: row.answer ?? '',
    publishedAt: new Date(row.published_at ?? row.state_since).toISOString(),
  };
}

/** True when a contact typed at lookup is the e-mail or the phone given with the question. */
function matches(given: { email: string | null; phone: string | null }, typed: string): boolean {
  if (typed.includes('@')) return given.email !== null && given.email === normalizeEmail(typed);
  try {
    return given.phone !== null && given.phone === normalizeContactPhone(typed);
  } catch {
    return false;
  }
}

export type QuestionService = ReturnType<typeof createQuestionService>;
