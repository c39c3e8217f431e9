/**
 * The contest for its organisers: rounds with live figures, a round's ranking with the
 * entrants' contact details and its XLSX exports, the bank's template and import, and
 * the record of what each organiser did.
 */
import { BANK_COLUMNS, readBank, roundPhase, type AdminRound, type GetRoundRanking, type ImportBank, type RankingRow } from '@cchc/shared';
import { Workbook } from 'exceljs';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { ContestEntries } from '../repositories/contest-entries.js';
import type { ContestLog } from '../repositories/contest-log.js';
import type { ContestRepository, RoundRecord } from '../repositories/contests.js';
import type { Actor } from './workflow.js';
import type { ContestService } from './contest.js';
import { FILE_TYPES } from './compliance-files.js';

/** A file to send: body, type and name. */
export interface ContestFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const ADMIN_MESSAGES = {
  roundNotFound: 'Không tìm thấy đợt thi.',
  contestNotFound: 'Không tìm thấy cuộc thi.',
  unreadable: 'Không đọc được tệp: hãy dùng tệp XLSX tải từ mẫu.',
  tooBig: 'Tệp giải nén ra quá lớn so với một ngân hàng câu hỏi: hãy dùng tệp XLSX tải từ mẫu.',
  tooManyRows: (n: number) => `Tệp có quá ${n} dòng: hãy chia thành nhiều tệp.`,
  rowsWrong: (n: number) => `Có ${n} dòng chưa đúng: chưa nhập câu hỏi nào. Hãy sửa theo thông báo từng dòng rồi nhập lại.`,
  notUpcoming: 'Chỉ mở ngay được một đợt thi chưa mở.',
  notOpen: 'Chỉ đóng ngay được một đợt thi đang mở.',
  bankTooSmall: (bank: number, needed: number) => `Ngân hàng câu hỏi của đợt thi có ${bank} câu, ít hơn ${needed} câu mỗi lượt thi: hãy nhập thêm câu hỏi trước khi mở.`,
} as const;

/** Creates the organisers' contest service. */
export function createContestAdminService(deps: {
  contests: ContestRepository;
  entries: ContestEntries;
  log: ContestLog;
  contest: ContestService;
  now?: () => Date;
}) {
  const { contests, entries, log, contest } = deps;
  const now = deps.now ?? (() => new Date());

  async function adminRound(round: RoundRecord, at: Date): Promise<AdminRound> {
    const [owner, figures, bank] = await Promise.all([
      round.contest ? contests.contestByDocumentId(round.contest.documentId) : null,
      entries.figures(round.documentId),
      contests.bankOf(round),
    ]);
    return {
      id: round.documentId,
      contest: { id: owner?.documentId ?? '', slug: owner?.slug ?? '', title: owner?.title ?? '' },
      number: round.number,
      title: round.title,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      phase: roundPhase(round, at),
      resultsPublished: round.resultsPublished,
      bank: bank.length,
      figures,
    };
  }

  async function rankingOf(roundId: string): Promise<GetRoundRanking.Response['data']> {
    const at = now();
    const round = await contests.round(roundId);
    if (!round) throw new NotFoundError(ADMIN_MESSAGES.roundNotFound);
    const [{ ranking, fullScoreCount }, units] = await Promise.all([contest.ranked(round, at), contests.units()]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const people = new Map((await entries.entriesByIds(ranking.map((r) => r.entry_id))).map((e) => [e.id, e]));
    const rows: RankingRow[] = ranking.map((r) => {
      const person = people.get(r.entry_id);
      return {
        rank: r.rank,
        name: person?.name ?? '',
        birthYear: person?.birth_year ?? 0,
        phone: person?.phone ?? '',
        citizenId: person?.citizen_id ?? '',
        unit: (person?.agency_id ? unitName.get(person.agency_id) : person?.commune) ?? '',
        audience: person?.audience ?? '',
        score: r.score,
        max: r.max_score,
        prediction: r.prediction,
        distance: r.predictionDistance,
        submittedAt: r.submittedAt.toISOString(),
        closedBy: r.state === 'expired' ? 'server' : 'entrant',
      };
    });
    const byUnit = new Map<string, { entrants: number; fullScores: number }>();
    for (const row of rows) {
      const unit = byUnit.get(row.unit) ?? { entrants: 0, fullScores: 0 };
      unit.entrants++;
      if (row.score >= row.max) unit.fullScores++;
      byUnit.set(row.unit, unit);
    }
    return {
      round: await adminRound(round, at),
      fullScoreCount,
      rows,
      units: [...byUnit].map(([unit, n]) => ({ unit, ...n })).sort((a, b) => b.entrants - a.entrants || a.unit.localeCompare(b.unit, 'vi')),
    };
  }

  /** The ranking as a workbook: every result, or the first `limit` places. */
  async function rankingXlsx(data: GetRoundRanking.Response['data'], limit: number | null): Promise<Buffer> {
    const workbook = new Workbook();
    workbook.created = now();
    const sheet = workbook.addWorksheet(limit === null ? 'Kết quả' : 'Người đạt giải');
    sheet.addRow(['Hạng', 'Họ và tên', 'Năm sinh', 'Số điện thoại', 'Số định danh', 'Đơn vị, địa phương', 'Đối tượng', 'Điểm', 'Điểm tối đa', 'Dự đoán', 'Chênh lệch dự đoán', 'Nộp bài lúc (UTC)', 'Thu bài']).font = { bold: true };
    for (const r of limit === null ? data.rows : data.rows.slice(0, limit)) {
      sheet.addRow([r.rank, r.name, r.birthYear, r.phone, r.citizenId, r.unit, r.audience, r.score, r.max, r.prediction ?? '', r.distance ?? '', r.submittedAt, r.closedBy === 'server' ? 'Hết giờ' : 'Người dự thi nộp']);
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const units = workbook.addWorksheet('Theo đơn vị');
    units.addRow(['Đơn vị, địa phương', 'Số người dự thi', 'Số người đạt điểm tối đa']).font = { bold: true };
    for (const u of data.units) units.addRow([u.unit, u.entrants, u.fullScores]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  return {
    /** Every contest's rounds with their figures, and every contest (for the bank import). */
    async rounds(): Promise<{ rounds: AdminRound[]; contests: Array<{ id: string; slug: string; title: string }> }> {
      const at = now();
      const list = await contests.allContests();
      const rounds = await contests.roundsOf(list.map((c) => c.id));
      return { rounds: await Promise.all(rounds.map((r) => adminRound(r, at))), contests: list.map((c) => ({ id: c.documentId, slug: c.slug, title: c.title })) };
    },

    /**
     * Opens an upcoming round now, or closes an open one now, by moving its opening or
     * closing to this second through the Document Service, so the Content Manager's checks
     * apply and the contest's log records who moved it to when; a 409 that says why when the
     * round is not in the phase for it, or its bank cannot fill an attempt. (Two organisers
     * at once: the second's opening is refused with the open round's lock, a 400 that says the
     * round has opened; a second close moves the close a moment later.)
     */
    async move(roundId: string, to: 'open' | 'close'): Promise<AdminRound> {
      const at = now();
      const round = await contests.round(roundId);
      if (!round) throw new NotFoundError(ADMIN_MESSAGES.roundNotFound);
      const phase = roundPhase(round, at);
      if (to === 'open') {
        if (phase !== 'upcoming') throw new ConflictError(ADMIN_MESSAGES.notUpcoming);
        const bank = (await contests.bankOf(round)).length;
        if (bank < round.questionsPerAttempt) throw new ConflictError(ADMIN_MESSAGES.bankTooSmall(bank, round.questionsPerAttempt));
        await contests.moveRound(roundId, { opensAt: at });
      } else {
        if (phase !== 'open') throw new ConflictError(ADMIN_MESSAGES.notOpen);
        await contests.moveRound(roundId, { closesAt: at });
      }
      const moved = await contests.round(roundId);
      return adminRound(moved ?? round, new Date(at.getTime() + 1));
    },

    /** The ranking as JSON, or one of its exports (recorded in the log). */
    async ranking(roundId: string, format: GetRoundRanking.Query['format'], actor: Actor): Promise<{ data: GetRoundRanking.Response['data'] } | ContestFile> {
      const data = await rankingOf(roundId);
      const subject = `${data.round.contest.title} – đợt ${data.round.number}`;
      if (format === 'json') {
        // The ranking shows entrants' phone and ID numbers: who looked is recorded too.
        await log.record({ actorId: actor.id, actorName: actor.name, action: 'Xem xếp hạng', subject, detail: `${data.rows.length} người dự thi` });
        return { data };
      }
      const winners = format === 'winners';
      const file: ContestFile = {
        body: await rankingXlsx(data, winners ? (await contests.contestByDocumentId(data.round.contest.id))?.winnersPerRound ?? 10 : null),
        contentType: FILE_TYPES.xlsx,
        fileName: `${winners ? 'nguoi-dat-giai' : 'ket-qua'}-${data.round.contest.slug}-dot-${data.round.number}.xlsx`,
      };
      await log.record({ actorId: actor.id, actorName: actor.name, action: winners ? 'Xuất danh sách người đạt giải' : 'Xuất kết quả', subject, detail: `${data.rows.length} người dự thi` });
      return file;
    },

    /** The bank's template: the header, an example row, and the area codes on a second sheet. */
    async template(contestId: string): Promise<ContestFile> {
      const owner = await contests.contestByDocumentId(contestId);
      if (!owner) throw new NotFoundError(ADMIN_MESSAGES.contestNotFound);
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('Câu hỏi');
      sheet.addRow([...BANK_COLUMNS]).font = { bold: true };
      sheet.addRow(['Cơ quan nào thường trực tham mưu về cải cách hành chính ở cấp tỉnh?', 'một', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', '', '', '', 'A', '', '', 'dễ', '']);
      sheet.columns.forEach((column, i) => (column.width = i === 0 ? 60 : 22));
      const codes = workbook.addWorksheet('Mã lĩnh vực');
      codes.addRow(['Mã lĩnh vực', 'Tên']).font = { bold: true };
      for (const area of await contests.areas()) codes.addRow([area.code, area.name]);
      return { body: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: FILE_TYPES.xlsx, fileName: `mau-ngan-hang-cau-hoi-${owner.slug}.xlsx` };
    },

    /** Reads a filled template; with `commit`, imports every question in one transaction when no row is wrong. */
    async importBank(contestId: string, body: ImportBank.Body, actor: Actor): Promise<ImportBank.Response['data']> {
      const owner = await contests.contestByDocumentId(contestId);
      if (!owner) throw new NotFoundError(ADMIN_MESSAGES.contestNotFound);
      const rows = await sheetRows(Buffer.from(body.file, 'base64'));
      const areas = await contests.areas();
      const read = readBank(rows, areas.map((a) => a.code));
      const preview = read.questions.map((q) => ({ row: q.row, text: q.text, kind: q.kind, options: q.options.length }));
      if (!body.commit) return { questions: preview, errors: read.errors, imported: 0 };
      if (read.errors.length > 0) throw new InvalidInputError(ADMIN_MESSAGES.rowsWrong(read.errors.length));
      const areaIds = new Map(areas.map((a) => [a.code, a.documentId]));
      await contests.addQuestions(owner.documentId, read.questions.map((q) => ({ ...q, reformArea: q.area ? areaIds.get(q.area) ?? null : null })));
      await log.record({ actorId: actor.id, actorName: actor.name, action: 'Nhập ngân hàng câu hỏi', subject: owner.title, detail: `${read.questions.length} câu hỏi` });
      return { questions: preview, errors: [], imported: read.questions.length };
    },

    async actions() {
      return (await log.latest()).map((a) => ({ ...a, at: a.at.toISOString() }));
    },
  };
}

/** Most rows a bank's sheet may have, and most bytes its files may unpack to (a small file cannot unpack into gigabytes). */
const MAX_BANK_ROWS = 3000;
const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;

/**
 * What the entries of a ZIP file (an XLSX) unpack to, in bytes, from its central directory,
 * before anything is unpacked; null when the file is not a ZIP.
 */
export function unpackedSize(file: Buffer): number | null {
  // The end-of-central-directory record: signature 0x06054b50, within the last 64 KB + 22 bytes.
  for (let end = file.length - 22; end >= Math.max(0, file.length - 65_557); end--) {
    if (file.readUInt32LE(end) !== 0x06054b50) continue;
    const entries = file.readUInt16LE(end + 10);
    let at = file.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) return null;
      total += file.readUInt32LE(at + 24);
      at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/** The first sheet's rows as text (formulas as their results); a file that is not XLSX, or too big unpacked, is a 400. */
async function sheetRows(file: Buffer): Promise<string[][]> {
  const size = unpackedSize(file);
  if (size === null) throw new InvalidInputError(ADMIN_MESSAGES.unreadable);
  if (size > MAX_UNPACKED_BYTES) throw new InvalidInputError(ADMIN_MESSAGES.tooBig);
  const workbook = new Workbook();
  try {
    // exceljs declares the Buffer of older @types/node; the value is the same at run time.
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new InvalidInputError(ADMIN_MESSAGES.unreadable);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InvalidInputError(ADMIN_MESSAGES.unreadable);
  if (sheet.rowCount > MAX_BANK_ROWS) throw new InvalidInputError(ADMIN_MESSAGES.tooManyRows(MAX_BANK_ROWS));
  const rows: string[][] = [];
  const width = BANK_COLUMNS.length;
  // Rows with content only (numbered as in the sheet): an empty sheet stretched to its last row costs nothing.
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).text;
      cells.push(typeof value === 'string' ? value : String(value ?? ''));
    }
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The organisers' contest service's interface. */
export type ContestAdminService = ReturnType<typeof createContestAdminService>;
