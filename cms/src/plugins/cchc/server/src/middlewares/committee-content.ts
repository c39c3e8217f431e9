/**
 * Document Service middleware for the Steering Committee website's content: text
 * in NFC, slugs for documents and events, and the checks a form cannot express
 * (an event ends after it starts, one result per index, year and subject, evidence
 * lines, measured formats), each answered with a 400 a person can act on.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_FORMAT_CODES, documentSlug, nfc, parseEvidence, reformIndexLabel, slugify } from '@cchc/shared';
import { UID, type PluginUid } from '../constants.js';
import { InvalidInputError } from '../errors.js';
import { uniqueSlug } from '../repositories/slugs.js';
import { readJsonFields } from './json-fields.js';
import { writeTarget, type WriteTarget } from './write-target.js';

type Data = Record<string, unknown>;
type Context = { uid: string; action: string; params: Record<string, unknown> };

const TEXT_FIELDS: Partial<Record<PluginUid, readonly string[]>> = {
  [UID.committee]: ['name', 'nameEn', 'shortName', 'functions', 'functionsEn', 'structure', 'structureEn', 'address', 'addressEn', 'phone', 'officeHours', 'officeHoursEn'],
  [UID.committeeMember]: ['name', 'officeTitle', 'officeTitleEn'],
  [UID.channel]: ['name', 'url', 'phone', 'description'],
  [UID.steeringDocument]: ['number', 'issuer', 'signer', 'abstract', 'note'],
  [UID.indexResult]: ['subject', 'sourceNote'],
  [UID.committeeEvent]: ['title', 'place', 'onlineUrl', 'organiser', 'description'],
  [UID.planTask]: ['progressNote', 'evidence'],
};

const WEB_URL = /^https?:\/\/[^\s]+$/i;
/** A channel may also be an e-mail address or a phone number to call. */
const CHANNEL_URL = /^(https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+|tel:\+?[\d.\- ]+)$/i;

export const COMMITTEE_MESSAGES = {
  eventEndsBeforeStart: 'Thời điểm kết thúc sự kiện phải sau thời điểm bắt đầu.',
  onlineUrl: 'Đường dẫn trực tuyến phải là địa chỉ web bắt đầu bằng http:// hoặc https://.',
  channelUrl: 'Địa chỉ của kênh phải là địa chỉ web (http:// hoặc https://), thư điện tử (mailto:) hoặc số điện thoại (tel:).',
  rankOutOf: 'Thứ hạng không thể lớn hơn tổng số đơn vị được xếp hạng.',
  negativeScore: 'Điểm số không thể âm.',
  duplicateResult: (index: string, year: number, subject: string) => `Đã có kết quả ${reformIndexLabel(index)} năm ${year} của "${subject}"; hãy sửa kết quả đó thay vì tạo mới.`,
  measureFormats: `Trường "measureFormats" phải là danh sách mã hình thức, ví dụ ["phong-su"]; các mã hợp lệ: ${ARTICLE_FORMAT_CODES.join(', ')}.`,
} as const;


/** Creates the middleware, bound to a Strapi instance. */
export function createCommitteeContentMiddleware(strapi: Core.Strapi) {
  /** The record as it will be: the stored fields under the ones being written. */
  async function merged(uid: PluginUid, documentId: string | undefined, data: Data, fields: string[]): Promise<Data> {
    if (!documentId) return data;
    const stored = (await strapi.db.query(uid).findOne({ select: fields, where: { documentId } })) as Data | null;
    return { ...(stored ?? {}), ...data };
  }

  async function checkDocument(data: Data, { own, source, creating }: WriteTarget): Promise<void> {
    const wantsSlug = creating || data.slug === '' || data.slug === null;
    if (!wantsSlug && typeof data.slug === 'string') {
      data.slug = await uniqueSlug(strapi, UID.steeringDocument, slugify(data.slug), own, 'van-ban');
      return;
    }
    if (!wantsSlug) return;
    const full = await merged(UID.steeringDocument, source, data, ['number', 'issuedOn']);
    if (typeof full.number === 'string') {
      data.slug = await uniqueSlug(strapi, UID.steeringDocument, documentSlug(full.number, String(full.issuedOn ?? '')), own, 'van-ban');
    }
  }

  async function checkEvent(data: Data, { own, source, creating }: WriteTarget): Promise<void> {
    const full = await merged(UID.committeeEvent, source, data, ['title', 'startsAt', 'endsAt']);
    if (full.startsAt && full.endsAt && new Date(String(full.endsAt)).getTime() < new Date(String(full.startsAt)).getTime()) {
      throw new InvalidInputError(COMMITTEE_MESSAGES.eventEndsBeforeStart);
    }
    if (typeof data.onlineUrl === 'string' && data.onlineUrl !== '' && !WEB_URL.test(data.onlineUrl)) throw new InvalidInputError(COMMITTEE_MESSAGES.onlineUrl);
    if (typeof data.slug === 'string' && data.slug !== '') {
      data.slug = await uniqueSlug(strapi, UID.committeeEvent, slugify(data.slug), own, 'su-kien');
    } else if ((creating || data.slug === '' || data.slug === null) && typeof full.title === 'string') {
      data.slug = await uniqueSlug(strapi, UID.committeeEvent, slugify(full.title), own, 'su-kien');
    }
  }

  async function checkIndexResult(data: Data, { own, source }: WriteTarget): Promise<void> {
    const full = await merged(UID.indexResult, source, data, ['index', 'year', 'subject', 'score', 'rank', 'outOf']);
    if (full.score !== null && full.score !== undefined && full.score !== '' && Number(full.score) < 0) throw new InvalidInputError(COMMITTEE_MESSAGES.negativeScore);
    if (typeof full.rank === 'number' && typeof full.outOf === 'number' && full.rank > full.outOf) throw new InvalidInputError(COMMITTEE_MESSAGES.rankOutOf);
    if (typeof full.index !== 'string' || full.year === undefined || typeof full.subject !== 'string') return;
    const subject = full.subject.trim();
    const twins = await strapi.db.query(UID.indexResult).findMany({
      select: ['documentId', 'subject'],
      where: { index: full.index, year: Number(full.year) },
    });
    if (twins.some((t) => t.documentId !== own && String(t.subject ?? '').trim() === subject)) {
      throw new InvalidInputError(COMMITTEE_MESSAGES.duplicateResult(full.index, Number(full.year), subject));
    }
  }

  function checkPlanTask(data: Data): void {
    // The edit view sends a JSON field as the text typed in its editor (json-fields.ts).
    readJsonFields(data, ['measureFormats']);
    if ('measureFormats' in data && data.measureFormats !== null && data.measureFormats !== undefined) {
      const formats = data.measureFormats;
      const valid = Array.isArray(formats) && formats.every((f) => typeof f === 'string' && (ARTICLE_FORMAT_CODES as readonly string[]).includes(f));
      if (!valid) throw new InvalidInputError(COMMITTEE_MESSAGES.measureFormats);
    }
    if (typeof data.evidence === 'string') {
      const { errors } = parseEvidence(data.evidence);
      if (errors.length > 0) throw new InvalidInputError(errors.join(' '));
    }
  }

  return async (context: Context, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    const fields = TEXT_FIELDS[uid as PluginUid];
    const at = writeTarget(action, params.documentId);
    if (!fields || !at || !params.data || typeof params.data !== 'object') return next();
    const data = params.data as Data;
    for (const field of fields) if (typeof data[field] === 'string') data[field] = nfc(data[field] as string);
    if (uid === UID.steeringDocument) await checkDocument(data, at);
    if (uid === UID.committeeEvent) await checkEvent(data, at);
    if (uid === UID.indexResult) await checkIndexResult(data, at);
    if (uid === UID.planTask) checkPlanTask(data);
    if (uid === UID.channel && typeof data.url === 'string' && data.url !== '' && !CHANNEL_URL.test(data.url)) throw new InvalidInputError(COMMITTEE_MESSAGES.channelUrl);
    return next();
  };
}
