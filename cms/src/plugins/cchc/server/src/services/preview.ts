/**
 * Previews of drafts. Two kinds of token open one:
 * - `e1.…`, signed (HMAC) for one piece (an article, a steering document or an event), one
 *   admin user and a short time: what the Content Manager's preview panel opens. The
 *   user's rights are checked again when it is read (a contributor who leaves the agency
 *   loses the preview at once);
 * - `s1.…`, a share link of an article: random, stored only as its SHA-256, expiring,
 *   revocable, each creation and revocation a history row in the same transaction; made
 *   by someone who may see the piece.
 * Either way the site gets the draft as its page would show it, never cached.
 */
import crypto from 'node:crypto';
import { PREVIEW_KINDS, previewPaths, type ArticleDetail, type CommitteeEvent, type DocumentDetail, type GetPreview, type PreviewKind, type ShareLink } from '@cchc/shared';
import { InvalidInputError, MESSAGES, NotFoundError } from '../errors.js';
import type { PreviewLink } from '../repositories/desk.js';
import type { Actor } from './workflow.js';

/** Collaborators of the preview service. */
export interface PreviewDeps {
  links: {
    createLink(link: { tokenHash: string; documentId: string; createdById: number | null; createdByName: string; createdAt: Date; expiresAt: Date }): Promise<PreviewLink>;
    linksOf(documentId: string): Promise<PreviewLink[]>;
    link(id: number): Promise<PreviewLink | null>;
    openLink(tokenHash: string, at: Date): Promise<PreviewLink | null>;
    revokeLink(id: number, at: Date): Promise<boolean>;
  };
  /** The pieces as their pages would show them, or null when there is no such piece. */
  drafts: {
    article(documentId: string): Promise<ArticleDetail | null>;
    document(documentId: string): Promise<DocumentDetail | null>;
    event(documentId: string): Promise<CommitteeEvent | null>;
  };
  /** Throws NotFoundError unless the actor may see the article (contributors: their agency's only). */
  checkVisible(documentId: string, actor: Actor): Promise<void>;
  /** Runs `work` in one database transaction. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** The actor an admin user is now, or null when inactive or without a workflow role. */
  actorOfUser(userId: number): Promise<Actor | null>;
  /** Appends a history row of the piece (share link made or revoked). */
  recordEvent(documentId: string, actor: Actor, action: 'share-preview' | 'revoke-preview', note: string): Promise<void>;
  secret: string;
  siteUrl: string;
  previewMinutes: number;
  shareLinkHours: number;
  shareLinkMaxHours: number;
  now?: () => Date;
}

const b64 = (buffer: Buffer): string => buffer.toString('base64url');
const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** The fields of an editor's preview token: kind, document, user, expiry (ms). */
interface EditorClaims {
  k: PreviewKind;
  d: string;
  u: number;
  x: number;
}

/** The committee's pieces are the editors' and the committee administrators'; agencies' contributors have no access to them. */
const mayPreviewCommittee = (actor: Actor): boolean => actor.role !== 'contributor';

/** Creates the preview service. */
export function createPreviewService(deps: PreviewDeps) {
  const now = deps.now ?? (() => new Date());
  // A key of its own, derived, so a preview token is never valid as anything else signed with the same secret.
  const key = crypto.createHmac('sha256', deps.secret).update('cchc-preview-token-v1').digest();
  const sign = (payload: string): string => b64(crypto.createHmac('sha256', key).update(payload).digest());
  const site = deps.siteUrl.replace(/\/+$/, '');

  function signEditorToken(claims: EditorClaims): string {
    const payload = b64(Buffer.from(JSON.stringify(claims)));
    return `e1.${payload}.${sign(payload)}`;
  }

  /** The claims of a valid, unexpired editor token, or null. */
  function readEditorToken(token: string): EditorClaims | null {
    const [prefix, payload, signature, ...rest] = token.split('.');
    if (prefix !== 'e1' || !payload || !signature || rest.length > 0) return null;
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const c = claims as Partial<EditorClaims>;
    if (typeof c.d !== 'string' || typeof c.u !== 'number' || typeof c.x !== 'number' || !PREVIEW_KINDS.includes(c.k as PreviewKind)) return null;
    return c.x > now().getTime() ? (c as EditorClaims) : null;
  }

  const toShareLink = (link: PreviewLink): ShareLink => ({
    id: link.id,
    createdBy: link.createdByName,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    openedCount: link.openedCount,
    lastOpenedAt: link.lastOpenedAt?.toISOString() ?? null,
    live: link.revokedAt === null && link.expiresAt.getTime() > now().getTime(),
  });

  /** Throws NotFoundError (one message for every reason) unless the actor may see the piece. */
  async function mustSee(kind: PreviewKind, documentId: string, actor: Actor): Promise<void> {
    if (kind !== 'article') {
      if (!mayPreviewCommittee(actor)) throw new NotFoundError(MESSAGES.previewNotFound);
      return;
    }
    await deps.checkVisible(documentId, actor).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(MESSAGES.previewNotFound) : error;
    });
  }

  /** The piece as its page would show it, with the facts of the preview. */
  async function render(kind: PreviewKind, documentId: string, facts: Omit<GetPreview.Response['data'], 'kind' | 'article' | 'document' | 'event'>): Promise<GetPreview.Response['data']> {
    const missing = () => new NotFoundError(MESSAGES.previewNotFound);
    if (kind === 'document') return { kind, ...facts, document: (await deps.drafts.document(documentId)) ?? throwIt(missing()) };
    if (kind === 'event') return { kind, ...facts, event: (await deps.drafts.event(documentId)) ?? throwIt(missing()) };
    return { kind, ...facts, article: (await deps.drafts.article(documentId)) ?? throwIt(missing()) };
  }

  return {
    /** The URL the edit view's preview panel opens for a piece, signed for this user; null (no preview) when the user may not see it. */
    async editorUrl(kind: PreviewKind, documentId: string, actor: Actor): Promise<string | null> {
      if (actor.id === null) return null;
      try {
        await mustSee(kind, documentId, actor);
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
      const token = signEditorToken({ k: kind, d: documentId, u: actor.id, x: now().getTime() + deps.previewMinutes * 60_000 });
      return `${site}${previewPaths.page(token)}`;
    },

    /** The piece a token opens; NotFoundError (one message for every reason) otherwise. */
    async open(token: string): Promise<GetPreview.Response['data']> {
      const at = now();
      if (token.startsWith('e1.')) {
        const claims = readEditorToken(token);
        const actor = claims ? await deps.actorOfUser(claims.u) : null;
        if (!claims || !actor) throw new NotFoundError(MESSAGES.previewNotFound);
        await mustSee(claims.k, claims.d, actor);
        return render(claims.k, claims.d, { mode: 'editor', readAt: at.toISOString(), expiresAt: new Date(claims.x).toISOString(), sharedBy: null });
      }
      if (token.startsWith('s1.')) {
        const link = await deps.links.openLink(sha256(token), at);
        if (!link) throw new NotFoundError(MESSAGES.previewNotFound);
        return render('article', link.documentId, { mode: 'share', readAt: at.toISOString(), expiresAt: link.expiresAt.toISOString(), sharedBy: link.createdByName });
      }
      throw new NotFoundError(MESSAGES.previewNotFound);
    },

    /** Creates a share link of a piece the actor may see; the URL (with its token) is returned only now. */
    async createLink(documentId: string, actor: Actor, hours: number | undefined): Promise<{ link: ShareLink; url: string }> {
      await deps.checkVisible(documentId, actor);
      const lasting = hours ?? deps.shareLinkHours;
      if (lasting > deps.shareLinkMaxHours) throw new InvalidInputError(MESSAGES.shareLinkTooLong(deps.shareLinkMaxHours));
      const token = `s1.${b64(crypto.randomBytes(32))}`;
      const at = now();
      // The link and its history row are written together, or neither is.
      const link = await deps.transaction(async () => {
        const made = await deps.links.createLink({
          tokenHash: sha256(token),
          documentId,
          createdById: actor.id,
          createdByName: actor.name,
          createdAt: at,
          expiresAt: new Date(at.getTime() + lasting * 3_600_000),
        });
        await deps.recordEvent(documentId, actor, 'share-preview', `Liên kết xem trước số ${made.id}, hết hạn sau ${lasting} giờ`);
        return made;
      });
      return { link: toShareLink(link), url: `${site}${previewPaths.page(token)}` };
    },

    /** The share links of a piece the actor may see. */
    async listLinks(documentId: string, actor: Actor): Promise<ShareLink[]> {
      await deps.checkVisible(documentId, actor);
      return (await deps.links.linksOf(documentId)).map(toShareLink);
    },

    /** Revokes a share link of a piece the actor may see. */
    async revokeLink(documentId: string, linkId: number, actor: Actor): Promise<ShareLink> {
      await deps.checkVisible(documentId, actor);
      const link = await deps.links.link(linkId);
      if (!link || link.documentId !== documentId) throw new NotFoundError(MESSAGES.shareLinkNotFound);
      await deps.transaction(async () => {
        if (await deps.links.revokeLink(linkId, now())) await deps.recordEvent(documentId, actor, 'revoke-preview', `Thu hồi liên kết xem trước số ${link.id}`);
      });
      return toShareLink((await deps.links.link(linkId))!);
    },
  };
}

/** Throws `error` where an expression is expected. */
function throwIt(error: Error): never {
  throw error;
}

/** The preview service's interface. */
export type PreviewService = ReturnType<typeof createPreviewService>;
