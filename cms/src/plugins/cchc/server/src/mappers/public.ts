/**
 * Maps stored records to the public API contracts. Fields are picked one by one,
 * so nothing private (createdBy, updatedBy, drafts, admin data) can leak through,
 * whatever a populate brings along.
 */
import type { Agency, AgencyRef, ArticleDetail, ArticleLink, ArticleSummary, Plan, PlanTask, ReformArea, Topic } from '@cchc/shared';
import type {
  AgencyRecord,
  AgencyRefRecord,
  ArticleLinkRecord,
  ArticleRecord,
  ChangeNoteRecord,
  PlanRecord,
  PlanTaskRecord,
  ReformAreaRecord,
  TopicRecord,
} from '../repositories/records.js';
import { toAttachment, toImage } from './media.js';

/** A short reference to an agency. */
export function toAgencyRef(a: AgencyRefRecord): AgencyRef {
  return { slug: a.slug, name: a.name, shortName: a.shortName ?? a.name };
}

/** An agency with its public contact fields. */
export function toAgency(a: AgencyRecord, predecessors: AgencyRecord[] = []): Agency {
  return {
    ...toAgencyRef(a),
    kind: a.kind,
    active: a.active,
    parent: a.parent ? toAgencyRef(a.parent) : null,
    successor: a.successor ? toAgencyRef(a.successor) : null,
    predecessors: predecessors.map(toAgencyRef),
    phone: a.phone ?? '',
    email: a.email ?? '',
    website: a.website ?? '',
    address: a.address ?? '',
  };
}

/** A reform area. */
export function toReformArea(r: ReformAreaRecord): ReformArea {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description ?? '',
    order: r.order ?? 0,
    leadAgency: r.leadAgency ? { slug: r.leadAgency.slug, name: r.leadAgency.name } : null,
  };
}

/** A topic. */
export function toTopic(t: TopicRecord): Topic {
  return { slug: t.slug, name: t.name, description: t.description ?? '', order: t.order ?? 0 };
}

/** An article as a list item. */
export function toArticleSummary(a: ArticleRecord): ArticleSummary {
  return {
    slug: a.slug,
    title: a.title,
    summary: a.summary ?? '',
    format: a.format,
    publicationDate: a.publicationDate ?? a.publishedAt ?? a.updatedAt,
    featured: a.featured ?? false,
    demo: a.demo ?? false,
    areas: (a.areas ?? []).map((r) => ({ code: r.code, name: r.name })),
    topics: (a.topics ?? []).map((t) => ({ slug: t.slug, name: t.name })),
    agency: a.agency ? toAgencyRef(a.agency) : null,
    cover: toImage(a.cover),
  };
}

/** A link to an article. */
export function toArticleLink(a: ArticleLinkRecord): ArticleLink {
  return { slug: a.slug, title: a.title, publicationDate: a.publicationDate };
}

/** What an article page shows around the article itself. */
export interface ArticleSurroundings {
  related: ArticleRecord[];
  older: ArticleLinkRecord | null;
  newer: ArticleLinkRecord | null;
  changes: ChangeNoteRecord[];
}

/** A whole article with its related and neighbouring articles. */
export function toArticleDetail(a: ArticleRecord, around: ArticleSurroundings): ArticleDetail {
  return {
    ...toArticleSummary(a),
    body: a.body ?? '',
    byline: a.byline ?? '',
    attachments: (a.attachments ?? []).map(toAttachment),
    updatedAt: a.updatedAt,
    related: around.related.map(toArticleSummary),
    previous: around.older ? toArticleLink(around.older) : null,
    next: around.newer ? toArticleLink(around.newer) : null,
    changes: around.changes.map((c) => ({ date: c.notedAt, note: c.note })),
  };
}

/** A plan task. */
export function toPlanTask(t: PlanTaskRecord): PlanTask {
  return {
    number: t.number,
    title: t.title,
    timing: t.timing ?? '',
    product: t.product ?? '',
    order: t.order ?? 0,
    leadAgencies: (t.leadAgencies ?? []).map(toAgencyRef),
    coordinatingAgencies: (t.coordinatingAgencies ?? []).map(toAgencyRef),
  };
}

/** A plan's own fields, without its tasks. */
export function toPlanFields(p: Omit<PlanRecord, 'tasks'>): Omit<Plan, 'tasks'> {
  return { year: p.year, code: p.code ?? '', title: p.title, issuedOn: p.issuedOn ?? null, issuer: p.issuer ?? '', summary: p.summary ?? '' };
}

/** A plan with its tasks in appendix order. */
export function toPlan(p: PlanRecord): Plan {
  return { ...toPlanFields(p), tasks: (p.tasks ?? []).map(toPlanTask).sort((x, y) => x.order - y.order) };
}
