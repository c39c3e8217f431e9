/**
 * Maps the Steering Committee website's records to the public contracts, field
 * by field (nothing private can leak through a populate).
 */
import {
  REFORM_INDICES,
  SITE_PATHS,
  compareVi,
  formatLabel,
  parseEvidence,
  progressOf,
  type ArticleFormat,
  type Channel,
  type Committee,
  type CommitteeEvent,
  type CommitteeMember,
  type DocumentDetail,
  type DocumentSummary,
  type IndexScore,
  type IndexSeries,
  type QuarterCounts,
  type TaskMeasure,
  type TaskProgress,
  type TrackedTask,
} from '@cchc/shared';
import type {
  ChannelRecord,
  CommitteeRecord,
  DocumentRecord,
  EventRecord,
  IndexResultRecord,
  MemberRecord,
  TrackedTaskRecord,
} from '../repositories/records.js';
import { toAttachment, toImage } from './media.js';
import { toAgencyRef, toPlanTask } from './public.js';

export function toCommittee(c: CommitteeRecord): Committee {
  return {
    name: c.name,
    nameEn: c.nameEn ?? '',
    shortName: c.shortName ?? c.name,
    functions: c.functions ?? '',
    functionsEn: c.functionsEn ?? '',
    structure: c.structure ?? '',
    structureEn: c.structureEn ?? '',
    address: c.address ?? '',
    addressEn: c.addressEn ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    officeHours: c.officeHours ?? '',
    officeHoursEn: c.officeHoursEn ?? '',
    newsTopic: c.newsTopic ? { slug: c.newsTopic.slug, name: c.newsTopic.name } : null,
    demo: c.demo ?? false,
  };
}

export function toMember(m: MemberRecord): CommitteeMember {
  return {
    name: m.name,
    position: m.position,
    officeTitle: m.officeTitle ?? '',
    officeTitleEn: m.officeTitleEn ?? '',
    agency: m.agency ? toAgencyRef(m.agency) : null,
    order: m.order ?? 0,
    photo: toImage(m.photo),
    demo: m.demo ?? false,
  };
}

export function toChannel(c: ChannelRecord): Channel {
  return {
    name: c.name,
    kind: c.kind,
    url: c.url ?? '',
    phone: c.phone ?? '',
    description: c.description ?? '',
    order: c.order ?? 0,
    demo: c.demo ?? false,
  };
}

export function toDocumentSummary(d: DocumentRecord): DocumentSummary {
  return {
    slug: d.slug,
    number: d.number,
    type: d.type,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    abstract: d.abstract,
    status: d.validity,
    areas: (d.areas ?? []).map((a) => ({ code: a.code, name: a.name })),
    demo: d.demo ?? false,
  };
}

export function toDocumentDetail(d: DocumentRecord, planYear: number | null): DocumentDetail {
  return {
    ...toDocumentSummary(d),
    signer: d.signer ?? '',
    effectiveFrom: d.effectiveFrom ?? null,
    note: d.note ?? '',
    files: (d.files ?? []).map(toAttachment),
    planYear,
    updatedAt: d.updatedAt,
  };
}

/** Decimal columns come back as strings on PostgreSQL. */
function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toIndexScore(r: IndexResultRecord): IndexScore {
  return {
    year: r.year,
    score: toNumber(r.score),
    rank: r.rank ?? null,
    outOf: r.outOf ?? null,
    subject: r.subject?.trim() ?? '',
    sourceNote: r.sourceNote ?? '',
    demo: r.demo ?? false,
  };
}

/** Every index that has results, in the vocabulary's order, results by year then subject. */
export function toIndexSeries(rows: IndexResultRecord[]): IndexSeries[] {
  return REFORM_INDICES.map((index) => ({
    code: index.code,
    label: index.label,
    name: index.name,
    results: rows
      .filter((r) => r.index === index.code)
      .map(toIndexScore)
      .sort((a, b) => a.year - b.year || compareVi(a.subject, b.subject)),
  })).filter((s) => s.results.length > 0);
}

export function toEvent(e: EventRecord, report: { slug: string; title: string } | null): CommitteeEvent {
  return {
    slug: e.slug,
    title: e.title,
    kind: e.kind,
    startsAt: new Date(e.startsAt).toISOString(),
    endsAt: new Date(e.endsAt).toISOString(),
    place: e.place ?? '',
    onlineUrl: e.onlineUrl ?? '',
    organiser: e.organiser ?? '',
    description: e.description ?? '',
    planTask: e.planTask?.plan ? { number: e.planTask.number, title: e.planTask.title, planYear: e.planTask.plan.year } : null,
    report: report ? { slug: report.slug, title: report.title } : null,
    demo: e.demo ?? false,
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

/** The format codes a task counts (the JSON field is checked on save; anything else is ignored). */
function measureFormats(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What a measured task counts, in words. */
function criteriaOf(t: TrackedTaskRecord): string {
  const parts = [
    measureFormats(t.measureFormats).length > 0 && `hình thức ${measureFormats(t.measureFormats).map((f) => formatLabel(f as ArticleFormat)).join(', ')}`,
    (t.measureAreas ?? []).length > 0 && `lĩnh vực ${t.measureAreas!.map((a) => a.name).join(', ')}`,
    (t.measureTopics ?? []).length > 0 && `chủ đề ${t.measureTopics!.map((x) => x.name).join(', ')}`,
    (t.measureAgencies ?? []).length > 0 && `của ${t.measureAgencies!.map((a) => a.shortName || a.name).join(', ')}`,
  ].filter((p): p is string => typeof p === 'string');
  const what = t.measureUnit === 'agencies' ? 'Số cơ quan, đơn vị có tin, bài được đăng' : 'Số tin, bài được đăng';
  return parts.length > 0 ? `${what} (${parts.join('; ')})` : what;
}

/** The column page that lists exactly what a task counts, when there is one. */
function listPathOf(t: TrackedTaskRecord): string | null {
  const areas = t.measureAreas ?? [];
  const topics = t.measureTopics ?? [];
  const agencies = t.measureAgencies ?? [];
  const formats = measureFormats(t.measureFormats);
  const criteria = areas.length + topics.length + agencies.length + formats.length;
  if (criteria !== 1) return null;
  if (areas.length === 1) return SITE_PATHS.area(areas[0]!.code);
  if (topics.length === 1) return SITE_PATHS.topic(topics[0]!.slug);
  if (agencies.length === 1) return SITE_PATHS.agency(agencies[0]!.slug);
  return null;
}

/** What a measured task counts; null for a task whose progress an editor sets. */
export function measureOf(t: TrackedTaskRecord): TaskMeasure | null {
  if (t.progressMode !== 'measured') return null;
  return {
    unit: t.measureUnit ?? 'articles',
    formats: measureFormats(t.measureFormats),
    areas: (t.measureAreas ?? []).map((a) => a.code),
    topics: (t.measureTopics ?? []).map((x) => x.slug),
    agencies: (t.measureAgencies ?? []).map((a) => a.slug),
    expectedPerQuarter: t.expectedPerQuarter ?? 0,
  };
}

/** A task's progress in the plan's year: measured (from its counts per quarter) or as set by an editor. */
export function toTaskProgress(t: TrackedTaskRecord, counts: QuarterCounts | undefined, year: number, now: Date): TaskProgress {
  const measure = measureOf(t);
  if (measure) {
    return {
      mode: 'measured',
      unit: measure.unit,
      expectedPerQuarter: measure.expectedPerQuarter,
      criteria: criteriaOf(t),
      quarters: progressOf(measure, counts ?? { 1: 0, 2: 0, 3: 0, 4: 0 }, year, now),
      listPath: listPathOf(t),
    };
  }
  return {
    mode: 'manual',
    status: t.progressStatus ?? 'chua-bat-dau',
    statusNote: t.progressNote ?? '',
    evidence: parseEvidence(t.evidence).links,
  };
}

/** The tasks as a tree: "5.1" … "5.6" under "5"; a sub-task whose parent is missing stays at the top. */
export function toTrackedTasks(rows: TrackedTaskRecord[], progressOfTask: (t: TrackedTaskRecord) => TaskProgress): TrackedTask[] {
  const sorted = [...rows].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || compareVi(a.number, b.number));
  const byNumber = new Map<string, TrackedTask>();
  const top: TrackedTask[] = [];
  for (const row of sorted) {
    const { order: _order, ...fields } = toPlanTask(row);
    const task: TrackedTask = { ...fields, progress: progressOfTask(row), subtasks: [] };
    byNumber.set(row.number, task);
    const parent = row.number.includes('.') ? byNumber.get(row.number.slice(0, row.number.lastIndexOf('.'))) : undefined;
    (parent ? parent.subtasks : top).push(task);
  }
  return top;
}
