/**
 * Strapi's Preview (the edit view's "Xem trước" panel), configured by the plugin: the
 * panel of an article, a steering document or an event opens the site's preview page
 * with a token signed for that document and the signed-in user (services/preview.ts). Strapi's own route checks only
 * that someone is signed in; the token is issued only when this user may see the piece.
 * A host app that configures `admin.preview` itself keeps its own configuration.
 */
import type { Core } from '@strapi/strapi';
import { extendMiddlewareConfiguration } from '@strapi/utils';
import { pluginConfig } from '../config.js';
import type { PreviewKind } from '@cchc/shared';
import { UID } from '../constants.js';
import { ForbiddenError } from '../errors.js';
import { actorOf, type AdminState } from '../http/actor.js';
import { pluginServices } from '../services/index.js';

/** The content types with a preview, and what the site renders them as. */
const PREVIEWED: Partial<Record<string, PreviewKind>> = { [UID.article]: 'article', [UID.steeringDocument]: 'document', [UID.committeeEvent]: 'event' };

/** Sets the preview handler and lets the admin panel frame the site's origin. */
export function configurePreview(strapi: Core.Strapi): void {
  if (strapi.config.get('admin.preview')) return;
  const origin = new URL(pluginConfig(strapi).desk.previewSiteUrl).origin;
  if (process.env.NODE_ENV === 'production' && !process.env.PREVIEW_SITE_URL && !process.env.SITE_URL) {
    strapi.log.warn(`[cchc] previews and share links open on ${origin} (SITE_PURGE_URLS): set PREVIEW_SITE_URL to the site's public address.`);
  }
  // Content Manager reads this at its own registration, which may come first: the frame is allowed here too.
  const middlewares = strapi.config.get('middlewares') as Parameters<typeof extendMiddlewareConfiguration>[0];
  strapi.config.set('middlewares', extendMiddlewareConfiguration(middlewares, { name: 'strapi::security', config: { contentSecurityPolicy: { directives: { 'frame-src': [origin] } } } }));
  strapi.config.set('admin.preview', {
    enabled: true,
    config: {
      allowedOrigins: [origin],
      async handler(uid: string, { documentId }: { documentId?: string }): Promise<string | null> {
        const kind = PREVIEWED[uid];
        if (!kind || !documentId) return null;
        const state = (strapi.requestContext.get() as { state?: AdminState } | undefined)?.state;
        let actor;
        try {
          actor = actorOf(state ?? {});
        } catch (error) {
          if (error instanceof ForbiddenError) return null;
          throw error;
        }
        return pluginServices(strapi).preview.editorUrl(kind, documentId, actor);
      },
    },
  });
}
