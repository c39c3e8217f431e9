/**
 * The editors' desk's own tables: who is handling each submitted piece (review
 * claims) and the share links of drafts (preview links, stored by the hash of
 * their token only). Plus the read the desk needs from articles: a draft's text and
 * media as a snapshot.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ArticleSnapshot } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { DbInt } from './counts-table.js';
import { documentsOf } from './documents.js';
import { qualified } from './schema-names.js';

export const CLAIM_TABLE = 'cchc_review_claims';
export const PREVIEW_LINK_TABLE = 'cchc_preview_links';

const ClaimRow = z.object({ document_id: z.string(), user_id: DbInt, user_name: z.string(), claimed_at: DbInt });
/** Who handles a piece, since when. */
export interface ReviewClaim {
  documentId: string;
  userId: number;
  userName: string;
  claimedAt: Date;
}

const LinkRow = z.object({
  id: DbInt,
  document_id: z.string(),
  created_by_id: DbInt.nullable(),
  created_by_name: z.string(),
  created_at: DbInt,
  expires_at: DbInt,
  revoked_at: DbInt.nullable(),
  opened_count: DbInt,
  last_opened_at: DbInt.nullable(),
});
/** A share link as stored (never its token). */
export interface PreviewLink {
  id: number;
  documentId: string;
  createdById: number | null;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  openedCount: number;
  lastOpenedAt: Date | null;
}
const toLink = (r: z.output<typeof LinkRow>): PreviewLink => ({
  id: r.id,
  documentId: r.document_id,
  createdById: r.created_by_id,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  openedCount: r.opened_count,
  lastOpenedAt: r.last_opened_at === null ? null : new Date(r.last_opened_at),
});

/** Makes the tables when they are missing. */
async function createDeskTables(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (!(await schema().hasTable(CLAIM_TABLE))) {
    await schema().createTable(CLAIM_TABLE, (t) => {
      // One handler per piece: the primary key makes a second take a conflict, not a second row.
      t.string('document_id', 64).primary();
      t.integer('user_id').notNullable();
      t.string('user_name', 200).notNullable();
      t.bigInteger('claimed_at').notNullable();
    });
  }
  if (!(await schema().hasTable(PREVIEW_LINK_TABLE))) {
    await schema().createTable(PREVIEW_LINK_TABLE, (t) => {
      t.increments('id');
      t.string('token_hash', 64).notNullable().unique();
      t.string('document_id', 64).notNullable().index();
      t.integer('created_by_id').nullable();
      t.string('created_by_name', 200).notNullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('expires_at').notNullable();
      t.bigInteger('revoked_at').nullable();
      t.integer('opened_count').notNullable().defaultTo(0);
      t.bigInteger('last_opened_at').nullable();
    });
  }
}

const SnapshotRow = z.object({
  title: z.string().nullish(),
  summary: z.string().nullish(),
  body: z.string().nullish(),
  cover: z.object({ id: z.number(), name: z.string() }).nullish(),
  attachments: z.array(z.object({ id: z.number(), name: z.string() })).nullish(),
});

/** Creates the desk repository over a Strapi instance. */
export function createDeskRepository(strapi: Core.Strapi) {
  const claims = () => qualified(strapi, CLAIM_TABLE);
  const links = () => qualified(strapi, PREVIEW_LINK_TABLE);
  /** Runs `work` in one transaction, joining the one under way if any. */
  async function transaction<T>(work: (k: Knex) => PromiseLike<T>): Promise<T> {
    let result!: T;
    await strapi.db.transaction(async ({ trx }) => {
      result = await work(trx);
    });
    return result;
  }
  // Queries join the transaction under way, if any (SQLite has one connection: a query beside it would wait for ever).
  const withDb = transaction;
  /** The handlers of these pieces, by document id. */
  async function claimsOf(documentIds: readonly string[]): Promise<Map<string, ReviewClaim>> {
    if (documentIds.length === 0) return new Map();
    const rows = z.array(ClaimRow).parse(await withDb((db) => db(claims()).whereIn('document_id', documentIds as string[])));
    return new Map(rows.map((r) => [r.document_id, { documentId: r.document_id, userId: r.user_id, userName: r.user_name, claimedAt: new Date(r.claimed_at) }]));
  }
  /** The handler of one piece, or null. */
  const handlerOf = async (documentId: string): Promise<ReviewClaim | null> => (await claimsOf([documentId])).get(documentId) ?? null;
  return {
    transaction,
    claimsOf,
    handlerOf,
    async ensureTables(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      const db = strapi.db.connection;
      await createDeskTables(() => (schemaName ? db.schema.withSchema(schemaName) : db.schema));
    },

    /** The draft's text fields and media, as a snapshot; null when there is no such article. */
    async snapshotOf(documentId: string): Promise<ArticleSnapshot | null> {
      const row = await documentsOf(strapi, UID.article).findOne({
        documentId,
        status: 'draft',
        fields: ['title', 'summary', 'body'],
        populate: { cover: { fields: ['name'] }, attachments: { fields: ['name'] } },
      });
      if (!row) return null;
      const r = SnapshotRow.parse(row);
      return {
        title: r.title ?? '',
        summary: r.summary ?? '',
        body: r.body ?? '',
        media: [
          ...(r.cover ? [{ id: r.cover.id, name: r.cover.name, role: 'cover' as const }] : []),
          ...(r.attachments ?? []).map((a) => ({ id: a.id, name: a.name, role: 'attachment' as const })),
        ],
      };
    },

    /**
     * Makes `userId` the handler of a piece: true when it now is. Taking a piece someone
     * else handles succeeds only with `takeOver` (the one-row table makes racing takes safe).
     */
    async claim(documentId: string, userId: number, userName: string, at: Date, takeOver: boolean): Promise<boolean> {
      const row = { document_id: documentId, user_id: userId, user_name: userName.slice(0, 200), claimed_at: at.getTime() };
      const updated = await withDb((db) => {
        const mine = db(claims()).where({ document_id: documentId });
        if (!takeOver) mine.andWhere({ user_id: userId });
        return mine.update({ user_id: userId, user_name: row.user_name, claimed_at: row.claimed_at });
      });
      if (updated > 0) return true;
      // Nobody handles it, or someone else does: the primary key lets only one insert win.
      await withDb((db) => db(claims()).insert(row).onConflict('document_id').ignore());
      return (await handlerOf(documentId))?.userId === userId;
    },

    /** Ends the handling of a piece (by anyone when `userId` is null); true when a row went. */
    async release(documentId: string, userId: number | null): Promise<boolean> {
      const deleted = await withDb((db) => {
        const query = db(claims()).where({ document_id: documentId });
        if (userId !== null) query.andWhere({ user_id: userId });
        return query.delete();
      });
      return deleted > 0;
    },

    /** Stores a new share link. */
    async createLink(link: { tokenHash: string; documentId: string; createdById: number | null; createdByName: string; createdAt: Date; expiresAt: Date }): Promise<PreviewLink> {
      const [inserted] = await withDb((db) =>
        db(links())
        .insert({
          token_hash: link.tokenHash,
          document_id: link.documentId,
          created_by_id: link.createdById,
          created_by_name: link.createdByName.slice(0, 200),
          created_at: link.createdAt.getTime(),
          expires_at: link.expiresAt.getTime(),
          opened_count: 0,
        })
        .returning('id'),
      );
      const id = typeof inserted === 'object' && inserted !== null ? (inserted as { id: number }).id : Number(inserted);
      return toLink(LinkRow.parse(await withDb((db) => db(links()).where({ id }).first())));
    },

    /** The share links of a piece, newest first. */
    async linksOf(documentId: string): Promise<PreviewLink[]> {
      return z.array(LinkRow).parse(await withDb((db) => db(links()).where({ document_id: documentId }).orderBy('id', 'desc').limit(100))).map(toLink);
    },

    /** One share link by id. */
    async link(id: number): Promise<PreviewLink | null> {
      const row = await withDb((db) => db(links()).where({ id }).first());
      return row ? toLink(LinkRow.parse(row)) : null;
    },

    /** The live link with this token hash, counted as opened; null when unknown, revoked or expired. */
    async openLink(tokenHash: string, at: Date): Promise<PreviewLink | null> {
      const updated = await withDb((db) =>
        db(links()).where({ token_hash: tokenHash }).whereNull('revoked_at').andWhere('expires_at', '>', at.getTime()).update({ opened_count: db.raw('opened_count + 1'), last_opened_at: at.getTime() }),
      );
      if (updated === 0) return null;
      const row = await withDb((db) => db(links()).where({ token_hash: tokenHash }).first());
      return row ? toLink(LinkRow.parse(row)) : null;
    },

    /** Revokes a live link; true when this call revoked it. */
    async revokeLink(id: number, at: Date): Promise<boolean> {
      return (await withDb((db) => db(links()).where({ id }).whereNull('revoked_at').update({ revoked_at: at.getTime() }))) > 0;
    },
  };
}

/** The desk repository's interface. */
export type DeskRepository = ReturnType<typeof createDeskRepository>;
