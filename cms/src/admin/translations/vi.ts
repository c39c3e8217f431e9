/**
 * The Vietnamese the admin panel needs beyond Strapi's own (partial) vi translations, given to
 * `config.translations.vi` in app.tsx, where it overrides what the packages register.
 * One file per Strapi package; `node cms/src/admin/translations/missing.mjs` tells, after a
 * Strapi upgrade, which strings are new (still missing) or gone (stale).
 */
import { VI_ADMIN } from './vi-admin';
import { VI_CONTENT_MANAGER } from './vi-content-manager';
import { VI_CONTENT_RELEASES } from './vi-content-releases';
import { VI_EMAIL } from './vi-email';
import { VI_I18N } from './vi-i18n';
import { VI_REVIEW_WORKFLOWS } from './vi-review-workflows';
import { VI_UPLOAD } from './vi-upload';

export const VI_ADMIN_MESSAGES: Record<string, string> = {
  ...VI_ADMIN,
  ...VI_CONTENT_MANAGER,
  ...VI_UPLOAD,
  ...VI_I18N,
  ...VI_CONTENT_RELEASES,
  ...VI_REVIEW_WORKFLOWS,
  ...VI_EMAIL,
};
