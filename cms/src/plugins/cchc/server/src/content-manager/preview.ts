/**
 * Strapi's Preview (the edit view's "Xem trước" panel), configured by the plugin: the
 * panel of an article opens the site's preview page with a token signed for that
 * document and the signed-in user (services/preview.ts). Strapi's own route checks only
 * that someone is signed in; the token is issued only when this user may see the piece.
 * A host app that configures `admin.preview` itself keeps its own configuration.
 */
import type { Core } from '@strapi/strapi';
import { extendMiddlewareConfiguration } from '@strapi/utils';
import { pluginConfig } from '../config.js';
import { UID } from '../constants.js';
import { ForbiddenError } from '../errors.js';
import { actorOf, type AdminState } from '../http/actor.js';
import { pluginServices } from '../services/index.js';

/** Sets the preview handler and lets the admin panel frame the site's origin. */
export function configurePreview(strapi: Core.Strapi): void {
  if (strapi.config.get('admin.preview')) return;
  const origin = new URL(pluginConfig(strapi).desk.previewSiteUrl).origin;
  // Content Manager reads this at its own registration, which may come first: the frame is allowed here too.
  const middlewares = strapi.config.get('middlewares') as Parameters<typeof extendMiddlewareConfiguration>[0];
  strapi.config.set('middlewares', extendMiddlewareConfiguration(middlewares, { name: 'strapi::security', config: { contentSecurityPolicy: { directives: { 'frame-src': [origin] } } } }));
  strapi.config.set('admin.preview', {
    enabled: true,
    config: {
      allowedOrigins: [origin],
      async handler(uid: string, { documentId }: { documentId?: string }): Promise<string | null> {
        if (uid !== UID.article || !documentId) return null;
        const state = (strapi.requestContext.get() as { state?: AdminState } | undefined)?.state;
        let actor;
        try {
          actor = actorOf(state ?? {});
        } catch (error) {
          if (error instanceof ForbiddenError) return null;
          throw error;
        }
        return pluginServices(strapi).preview.editorUrl(documentId, actor);
      },
    },
  });
}
