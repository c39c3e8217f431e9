/**
 * The questions desk: what staff do with citizens' questions. Moderators (editors and
 * committee administrators) classify, assign to an agency, edit or redact the public text
 * (the original kept), publish the answer or close with a reason; the assigned agency's
 * contributors see and answer only their agency's items. Every step is one conditional
 * update with its history row (repositories/questions.ts); the path itself is shared's
 * (questions/states.ts), the deadlines are working days over the holidays kept as data.
 */
import {
  CLOSE_REASONS,
  OTHER_SUBJECT,
  OTHER_SUBJECT_LABEL,
  QUESTION_STATE_LABELS,
  QUESTION_TRANSITIONS,
  QuestionRuleError,
  TAG,
  actionsFrom,
  addWorkingDays,
  foldForSearch,
  formatDateShort,
  hasContacts,
  maskContacts,
  searchTokens,
  transitionFor,
  type ActOnQuestion,
  type DeskEvent,
  type DeskQuestion,
  type DeskQuestionDetail,
  type DeskView,
  type EditQuestionText,
  type GetQuestionContact,
  type Holidays,
  type ListDeskQuestions,
  type QuestionActor,
  type QuestionState,
  type StateDeadlines,
} from '@cchc/shared';
import { ConflictError, ForbiddenError, InvalidInputError, MESSAGES, NotFoundError } from '../errors.js';
import type { QuestionFiles } from '../media/question-files.js';
import type { NewEvent, QuestionChanges, QuestionContact, QuestionRecord, QuestionRepository } from '../repositories/questions.js';
import type { Actor } from './workflow.js';

export const DESK_MESSAGES = {
  notFound: 'Không tìm thấy câu hỏi.',
  moved: 'Câu hỏi vừa được người khác xử lý; hãy tải lại trang để xem trạng thái mới.',
  unknownSubject: 'Lĩnh vực đã chọn không có trong danh sách.',
  unknownAgency: 'Cơ quan đã chọn không có trong danh sách (hoặc đã ngừng hoạt động).',
  publishedText: 'Câu hỏi đã công bố: nội dung công khai không sửa được nữa.',
  contactInText: 'Câu hỏi hoặc trả lời công khai còn số điện thoại, thư điện tử hoặc số giấy tờ (của người gửi): hãy biên tập (ẩn) trước khi công bố.',
  nameInText: 'Câu hỏi hoặc trả lời công khai còn họ tên người gửi: hãy biên tập (ẩn) trước khi công bố; trả lời chỉ cần "Kính gửi ông/bà".',
  noAnswer: 'Câu hỏi chưa có nội dung trả lời.',
  noFile: 'Không tìm thấy tệp đính kèm (có thể đã bị xoá theo thời hạn lưu trữ).',
  textOnlyModerators: 'Chỉ biên tập viên hoặc quản trị Ban chỉ đạo được sửa nội dung công khai.',
} as const;

/** Names of the history's entries that are not steps of the path. */
const EVENT_LABELS: Record<string, string> = {
  receive: 'Tiếp nhận',
  'edit-text': 'Biên tập nội dung công khai',
  'view-contact': 'Xem thông tin liên hệ',
  'view-attachment': 'Tải tệp đính kèm',
  'erase-contact': 'Xoá thông tin cá nhân',
};
const labelOf = (action: string) => QUESTION_TRANSITIONS.find((t) => t.action === action)?.label ?? EVENT_LABELS[action] ?? action;

/** Which states each view lists. */
const VIEW_STATES: Record<Exclude<DeskView, 'flagged' | 'all' | 'overdue'>, readonly QuestionState[]> = {
  open: ['received', 'classified', 'assigned', 'answered'],
  published: ['published'],
  closed: ['closed'],
};
/** The most items a list shows (open work: the longest in its state; the rest: the newest). */
const LIST_LIMIT = 500;
/** The most open items the overdue count reads. */
const OPEN_COUNT_LIMIT = 5000;

/** Collaborators of the desk. */
export interface QuestionDeskDeps {
  questions: QuestionRepository;
  areas: () => Promise<ReadonlyArray<{ code: string; name: string }>>;
  agencies: () => Promise<ReadonlyArray<{ id: number; slug: string; name: string }>>;
  /** The agency an admin user belongs to. */
  agencyOf: (userId: number) => Promise<{ id: number; slug: string } | null>;
  holidays: () => Promise<Holidays>;
  deadlines: StateDeadlines;
  /** E-mails, sent after the step is committed; a failure never undoes it. */
  mail: {
    assigned: (agencySlug: string, question: { code: string; title: string; dueAt: string | null }) => Promise<void>;
    answered: (email: string, code: string) => Promise<void>;
  };
  /** Asks the sites to drop their copies of the public Q&A pages. */
  purge: (tags: string[]) => Promise<void>;
  /** The private store of attachments. */
  attachments: Pick<QuestionFiles, 'read'>;
  now?: () => Date;
}

/** Creates the desk service. */
export function createQuestionDesk({ questions, areas, agencies, agencyOf, holidays, deadlines, mail, purge, attachments, now = () => new Date() }: QuestionDeskDeps) {
  const isModerator = (actor: Actor) => actor.role === 'editor' || actor.role === 'committee-admin';
  const actorKind = (actor: Actor): QuestionActor => (isModerator(actor) ? 'moderator' : 'agency');

  /** The agency whose items a contributor sees; undefined for moderators (they see all). */
  async function scopeOf(actor: Actor): Promise<number | undefined> {
    if (isModerator(actor)) return undefined;
    const agency = actor.id === null ? null : await agencyOf(actor.id);
    if (!agency) throw new ForbiddenError(MESSAGES.contributorWithoutAgency);
    return agency.id;
  }

  /** The question, if this actor may see it: another agency's, or a robot's for a contributor, is not even acknowledged. */
  async function visible(code: string, actor: Actor): Promise<QuestionRecord> {
    const scope = await scopeOf(actor);
    const row = await questions.byCode(code);
    if (!row || (scope !== undefined && (row.assigned_agency_id !== scope || row.flagged))) throw new NotFoundError(DESK_MESSAGES.notFound);
    return row;
  }

  function dueOf(row: QuestionRecord, calendar: Holidays): Date | null {
    const days = deadlines[row.state];
    return days === undefined ? null : addWorkingDays(new Date(row.state_since), days, calendar);
  }

  async function present(rows: readonly QuestionRecord[]): Promise<DeskQuestion[]> {
    const [subjects, units, calendar] = await Promise.all([areas(), agencies(), holidays()]);
    const at = now().getTime();
    const unit = (id: number | null) => {
      const found = id === null ? undefined : units.find((u) => u.id === id);
      return found ? { slug: found.slug, name: found.name } : null;
    };
    return rows.map((row) => {
      const due = dueOf(row, calendar);
      return {
        code: row.code,
        state: row.state,
        stateLabel: QUESTION_STATE_LABELS[row.state],
        subject: { code: row.subject, name: subjects.find((a) => a.code === row.subject)?.name ?? OTHER_SUBJECT_LABEL },
        namedAgency: unit(row.agency_id),
        assignedAgency: unit(row.assigned_agency_id),
        title: row.public_title ?? row.title,
        receivedAt: new Date(row.received_at).toISOString(),
        stateSince: new Date(row.state_since).toISOString(),
        dueAt: due ? due.toISOString() : null,
        overdue: due !== null && at > due.getTime(),
        flagged: row.flagged,
      };
    });
  }

  async function detail(row: QuestionRecord, actor: Actor): Promise<DeskQuestionDetail> {
    const [[item], events, files] = await Promise.all([present([row]), questions.eventsOf(row.id), questions.filesOf(row.id)]);
    const reason = CLOSE_REASONS.find((r) => r.code === row.closed_reason) ?? null;
    const history: DeskEvent[] = events.map((e) => ({
      at: new Date(e.at).toISOString(),
      action: e.action,
      label: labelOf(e.action),
      fromState: e.from_state,
      toState: e.to_state,
      actorName: e.actor_name,
      note: e.note,
    }));
    return {
      ...item!,
      originalTitle: row.title,
      originalBody: row.body,
      body: row.public_body ?? row.body,
      redacted: (row.public_title !== null && row.public_title !== row.title) || (row.public_body !== null && row.public_body !== row.body),
      answer: row.answer,
      answeredAt: row.answered_at === null ? null : new Date(row.answered_at).toISOString(),
      publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
      closedReason: row.state === 'closed' && reason ? { code: reason.code, label: reason.label } : null,
      actions: row.flagged && !isModerator(actor) ? [] : actionsFrom(row.state, actorKind(actor)),
      canEditText: isModerator(actor) && row.state !== 'published',
      attachments: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
      history,
    };
  }

  const eventOf = (actor: Actor, action: string, note: string, at: Date): NewEvent => ({ at: at.getTime(), action, actorId: actor.id, actorName: actor.name, note });

  /** The public text a question starts with: the citizen's, with phone numbers, e-mails and ID numbers masked. */
  const startingText = (row: QuestionRecord): QuestionChanges =>
    row.public_title === null || row.public_body === null ? { public_title: maskContacts(row.title), public_body: maskContacts(row.body) } : {};

  /**
   * Refuses to publish a text that still names or reaches the citizen: in the question, any phone,
   * e-mail or ID number and the sender's own; in the answer (which may give an office's hotline),
   * the sender's own details and name.
   */
  function checkPublicText(title: string, body: string, answer: string, contact: QuestionContact | null): void {
    if (hasContacts(`${title}\n${body}`)) throw new InvalidInputError(DESK_MESSAGES.contactInText);
    const folded = foldForSearch(`${title}\n${body}\n${answer}`);
    for (const detail of [contact?.email, contact?.phone]) {
      if (detail && folded.includes(foldForSearch(detail))) throw new InvalidInputError(DESK_MESSAGES.contactInText);
    }
    // A full name of two words or more (one word alone is too common to refuse on).
    const name = contact?.name.trim() ?? '';
    if (name.split(/\s+/).length >= 2 && folded.includes(foldForSearch(name))) throw new InvalidInputError(DESK_MESSAGES.nameInText);
  }

  return {
    /** The items of a view, the counts of every view, and what a moderator chooses from. */
    async list(view: DeskView, actor: Actor): Promise<ListDeskQuestions.Response> {
      const scope = await scopeOf(actor);
      const moderator = scope === undefined;
      const filter = { ...(scope === undefined ? {} : { assignedAgencyId: scope }), limit: LIST_LIMIT };
      const openWork = view === 'open' || view === 'overdue';
      const rows =
        view === 'flagged'
          ? moderator ? await questions.forDesk({ ...filter, flagged: true }) : []
          : await questions.forDesk({ ...filter, oldestFirst: openWork, ...(view === 'all' ? {} : { states: VIEW_STATES[openWork ? 'open' : view] }) });
      const [items, open, counted, subjects, units] = await Promise.all([
        present(rows),
        // The overdue count over all open work (up to OPEN_COUNT_LIMIT items), not only the page shown.
        questions.forDesk({ ...filter, states: VIEW_STATES.open, oldestFirst: true, limit: OPEN_COUNT_LIMIT }).then(present),
        questions.countByState(scope),
        areas(),
        agencies(),
      ]);
      const sum = (states: readonly QuestionState[]) => states.reduce((n, s) => n + (counted.states[s] ?? 0), 0);
      const shown = view === 'overdue' ? items.filter((i) => i.overdue) : items;
      // Oldest due first; items without a deadline after, newest received first.
      shown.sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || b.receivedAt.localeCompare(a.receivedAt));
      return {
        data: shown,
        counts: {
          open: sum(VIEW_STATES.open),
          overdue: open.filter((i) => i.overdue).length,
          published: sum(VIEW_STATES.published),
          closed: sum(VIEW_STATES.closed),
          flagged: moderator ? counted.flagged : 0,
          all: sum(['received', 'classified', 'assigned', 'answered', 'published', 'closed']),
        },
        agencies: moderator ? units.map((u) => ({ slug: u.slug, name: u.name })) : [],
        subjects: [...subjects.map((a) => ({ code: a.code, name: a.name })), { code: OTHER_SUBJECT, name: OTHER_SUBJECT_LABEL }],
      };
    },

    async get(code: string, actor: Actor): Promise<DeskQuestionDetail> {
      return detail(await visible(code, actor), actor);
    },

    /** Takes a step of the path; answers the item as it is after it. */
    async act(code: string, body: ActOnQuestion.Body, actor: Actor): Promise<DeskQuestionDetail> {
      const row = await visible(code, actor);
      let step;
      try {
        if (row.flagged && !isModerator(actor)) throw new QuestionRuleError(DESK_MESSAGES.notFound);
        step = transitionFor(row.state, body.action, actorKind(actor));
      } catch (error) {
        if (error instanceof QuestionRuleError) throw new InvalidInputError(error.message);
        throw error;
      }
      const at = now();
      let changes: QuestionChanges = {};
      let assignedTo: { slug: string } | null = null;
      let contact: QuestionContact | null = null;
      switch (body.action) {
        case 'classify':
          if (body.subject !== OTHER_SUBJECT && !(await areas()).some((a) => a.code === body.subject)) throw new InvalidInputError(DESK_MESSAGES.unknownSubject);
          changes = { ...startingText(row), subject: body.subject };
          break;
        case 'assign': {
          const agency = (await agencies()).find((a) => a.slug === body.agency);
          if (!agency) throw new InvalidInputError(DESK_MESSAGES.unknownAgency);
          // A new agency gets its own full time to answer (a reassignment restarts the clock).
          changes = { ...startingText(row), assigned_agency_id: agency.id, state_since: at.getTime() };
          assignedTo = agency;
          break;
        }
        case 'answer':
          changes = { answer: body.answer, answered_at: at.getTime() };
          break;
        case 'publish': {
          if (!row.answer) throw new InvalidInputError(DESK_MESSAGES.noAnswer);
          const text = { public_title: row.public_title ?? maskContacts(row.title), public_body: row.public_body ?? maskContacts(row.body) };
          contact = await questions.contactOf(row.id);
          checkPublicText(text.public_title, text.public_body, row.answer, contact);
          changes = { ...text, published_at: at.getTime(), ended_at: at.getTime(), search_text: searchTextOf(text.public_title, text.public_body, row.answer) };
          break;
        }
        case 'close':
          changes = { closed_reason: body.reason, ended_at: at.getTime() };
          break;
        case 'reopen':
          // Starts over: no agency keeps it (nor its contact) until it is assigned again.
          changes = { closed_reason: null, ended_at: null, assigned_agency_id: null };
          break;
      }
      const note = body.action === 'close' ? [CLOSE_REASONS.find((r) => r.code === body.reason)?.label, body.note].filter(Boolean).join(' — ') : body.note;
      if (!(await questions.move(row.id, row.state, step.to, changes, eventOf(actor, body.action, note, at)))) throw new ConflictError(DESK_MESSAGES.moved);
      const after = (await questions.byCode(code))!;
      if (assignedTo) {
        const due = dueOf(after, await holidays());
        await mail.assigned(assignedTo.slug, { code, title: after.public_title ?? after.title, dueAt: due ? formatDateShort(due) : null });
      }
      if (body.action === 'publish') {
        if (contact?.email && contact.erased_at === null) await mail.answered(contact.email, code);
        await purge([TAG.questions]);
      }
      return detail(after, actor);
    },

    /** Sets the public title and text (moderators, before publication); the original stays, the edit is in the history. */
    async editText(code: string, body: EditQuestionText.Body, actor: Actor): Promise<DeskQuestionDetail> {
      if (!isModerator(actor)) throw new ForbiddenError(DESK_MESSAGES.textOnlyModerators);
      const row = await visible(code, actor);
      if (row.state === 'published') throw new InvalidInputError(DESK_MESSAGES.publishedText);
      const note = body.note || 'Sửa tiêu đề, nội dung công khai';
      if (!(await questions.change(row.id, row.state, { public_title: body.title, public_body: body.body }, eventOf(actor, 'edit-text', note, now())))) {
        throw new ConflictError(DESK_MESSAGES.moved);
      }
      return detail((await questions.byCode(code))!, actor);
    },

    /** One of the citizen's files; the download is recorded in the item's history. */
    async attachment(code: string, fileId: number, actor: Actor): Promise<{ body: Buffer; mime: string; name: string }> {
      const row = await visible(code, actor);
      const file = (await questions.filesOf(row.id)).find((f) => f.id === fileId);
      if (!file) throw new NotFoundError(DESK_MESSAGES.noFile);
      const body = await attachments.read(file.stored).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new NotFoundError(DESK_MESSAGES.noFile);
        throw error;
      });
      await questions.note(row.id, row.state, eventOf(actor, 'view-attachment', file.name, now()));
      return { body, mime: file.mime, name: file.name };
    },

    /** The citizen's name and contact; the view is recorded in the item's history. */
    async contact(code: string, actor: Actor): Promise<GetQuestionContact.Response['data']> {
      const row = await visible(code, actor);
      const found = await questions.contactOf(row.id);
      await questions.note(row.id, row.state, eventOf(actor, 'view-contact', '', now()));
      if (!found || found.erased_at !== null) return { name: '', email: null, phone: null, erased: true };
      return { name: found.name, email: found.email, phone: found.phone, erased: false };
    },
  };
}

export type QuestionDesk = ReturnType<typeof createQuestionDesk>;

/**
 * The search column of a published question: its words folded (no diacritics, lower case),
 * each after a space, so that a search matches the start of words (` cai` in ` cai cach`).
 */
export function searchTextOf(...texts: string[]): string {
  return ` ${searchTokens(texts.join(' ')).folded.join(' ')} `;
}
