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
  type QuestionStatus,
  type SubmitQuestion,
} from '@cchc/shared';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { QuestionRepository } from '../repositories/questions.js';

export const QUESTION_MESSAGES = {
  unknownSubject: 'Lĩnh vực đã chọn không có trong danh sách.',
  unknownAgency: 'Cơ quan đã chọn không có trong danh sách.',
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
        history: events.map((e) => ({ state: e.to_state, label: QUESTION_STATE_LABELS[e.to_state], at: new Date(e.at).toISOString() })),
        answer: state === 'published' && found.answer && found.published_at ? { text: found.answer, agency: answering, at: new Date(found.published_at).toISOString() } : null,
        closedReason: state === 'closed' && reason ? { code: reason.code, label: reason.label } : null,
      };
    },
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
