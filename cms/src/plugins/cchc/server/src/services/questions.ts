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
  eraseDetails,
  monthsBefore,
  searchTokens,
  type ListPublishedQuestions,
  type QuestionExport,
  type PublishedQuestion,
  type QuestionStatus,
  type SubmitQuestion,
} from '@cchc/shared';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { QuestionFiles } from '../media/question-files.js';
import type { QuestionRecord, QuestionRepository } from '../repositories/questions.js';

export const QUESTION_MESSAGES = {
  unknownSubject: 'Lĩnh vực đã chọn không có trong danh sách.',
  unknownAgency: 'Cơ quan đã chọn không có trong danh sách.',
  retention: (months: number) => `Họ tên và thông tin liên hệ được xoá ${months} tháng sau khi câu hỏi được trả lời hoặc đóng.`,
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
  /** Months personal data is kept after a question ends (published or closed). */
  keepContactMonths: number;
  /** The private store of attachments (media/question-files.ts). */
  attachments: Pick<QuestionFiles, 'check' | 'keep' | 'remove'>;
  warn?: (message: string) => void;
  now?: () => Date;
}

/** Creates the citizen-facing question service. */
export function createQuestionService({ questions, areas, agencies, limits, receipts, keepContactMonths, attachments, warn = () => {}, now = () => new Date() }: QuestionServiceDeps) {
  /** The submission behind a code, when the contact typed is the one given with it; the same 404 otherwise, counted against the client. */
  async function verified(typedCode: string, contact: string, client: string) {
    await limits.lookupAllowed(client);
    const code = normalizeLookupCode(typedCode);
    const row = code ? await questions.withContact(code) : null;
    if (!row || row.contact.erased_at !== null || !matches(row.contact, contact)) {
      await limits.lookupFailed(client);
      throw new NotFoundError(QUESTION_MESSAGES.notFound);
    }
    return row;
  }

  /** Deletes erased attachments' files; the erasure is committed already, so a failure is logged, never answered. */
  const removeFiles = (stored: readonly string[]) => attachments.remove(stored).catch((error: Error) => warn(`[cchc] erased attachments could not be deleted (${error.name}): ${stored.join(', ')}`));

  const eraser = (actorName: string, note: string, at: Date) => ({ at: at.getTime(), action: 'erase-contact', actorId: null, actorName, note });

  return {
    /** Receives a submission; answers its code. A robot's (the hidden field filled) is answered the same, stored flagged. */
    async submit(body: SubmitQuestion.Body, client = '', files: ReadonlyArray<{ path: string; name: string; size: number }> = []): Promise<SubmitQuestion.Response['data']> {
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
      // Every file is checked from its content before anything is counted or kept.
      const checked = await attachments.check(files);
      // The budget counts robots too: a filled hidden field is no way around it.
      await limits.submission(client);
      const at = now();
      const flagged = body.website.trim() !== '';
      // Kept before the record that names them; removed again if the record is not written. A robot's are not kept.
      const kept = flagged ? [] : await attachments.keep(checked);
      let code: string;
      try {
        ({ code } = await questions.receive(
          { day: lookupDay(at), subject: body.subject, agencyId, title: body.title, body: body.question, flagged, receivedAt: at.getTime(), contact: { name: body.name, email, phone }, files: kept },
          (sequence) => lookupCode(lookupDay(at), sequence),
        ));
      } catch (error) {
        await attachments.remove(kept.map((k) => k.stored));
        throw error;
      }
      // Not awaited: a person's answer takes no longer than a robot's, and a mail server that is slow or down undoes nothing.
      if (email && !flagged && receipts.enabled) void receipts.send(email, code);
      return { code, receivedAt: at.toISOString(), mailed: Boolean(email) && receipts.enabled };
    },

    /**
     * A submission as its citizen sees it, for its code and the contact given; the same 404 for
     * a wrong code or contact, counted against the client (a 429 after a few).
     */
    async lookup(typedCode: string, contact: string, client = ''): Promise<QuestionStatus> {
      const found = (await verified(typedCode, contact, client)).question;
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

    /** Everything stored about a submission, for its sender. */
    async exportData(typedCode: string, contact: string, client = ''): Promise<QuestionExport> {
      const { question, contact: given } = await verified(typedCode, contact, client);
      const [events, subjects, units, files] = await Promise.all([questions.eventsOf(question.id), areas(), agencies(), questions.filesOf(question.id)]);
      return {
        code: question.code,
        exportedAt: now().toISOString(),
        namedAgency: units.find((u) => u.id === question.agency_id)?.name ?? null,
        attachments: files.map((f) => ({ name: f.name, type: f.mime, size: f.size })),
        contact: { name: given.name, email: given.email, phone: given.phone, consentAt: new Date(given.consent_at ?? question.received_at).toISOString() },
        question: {
          subject: subjects.find((a) => a.code === question.subject)?.name ?? OTHER_SUBJECT_LABEL,
          title: question.title,
          text: question.body,
          receivedAt: new Date(question.received_at).toISOString(),
        },
        publicText: question.public_title !== null && question.public_body !== null ? { title: question.public_title, text: question.public_body } : null,
        state: QUESTION_STATE_LABELS[question.state],
        answer: question.state === 'published' ? question.answer : null,
        history: events.filter((e) => e.from_state !== e.to_state).map((e) => ({ at: new Date(e.at).toISOString(), step: QUESTION_STATE_LABELS[e.to_state] })),
        retention: QUESTION_MESSAGES.retention(keepContactMonths),
      };
    },

    /** Erases a sender's name and contact now, at their request (the question and its answer stay, their text masked). */
    async eraseData(typedCode: string, contact: string, client = ''): Promise<{ code: string; erasedAt: string }> {
      const { question } = await verified(typedCode, contact, client);
      const at = now();
      const { files } = await questions.eraseContact(question.id, eraser('Người gửi', 'Theo yêu cầu của người gửi', at), eraseDetails);
      await removeFiles(files);
      return { code: question.code, erasedAt: at.toISOString() };
    },

    /** The erasure job: personal data of questions ended more than the retention period ago; answers how many were erased. */
    async eraseDue(batch = 200): Promise<number> {
      const at = now();
      const cutoff = monthsBefore(at, keepContactMonths);
      let erased = 0;
      for (;;) {
        const due = await questions.contactsDue(cutoff.getTime(), batch);
        for (const id of due) {
          const done = await questions.eraseContact(id, eraser('Hệ thống (hết thời hạn lưu trữ)', QUESTION_MESSAGES.retention(keepContactMonths), at), eraseDetails);
          await removeFiles(done.files);
          if (done.erased) erased++;
        }
        if (due.length < batch) return erased;
      }
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
