/**
 * The expected-permission table of every route the CMS serves, as data. The route
 * test fails on a route that is not here (a Strapi upgrade that adds one cannot
 * slip through) and on any answer that is not what this table says.
 */

/** The plugin roles the table speaks of (the super admin holds everything). */
export const ROLES = ['contributor', 'editor', 'committee'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - `public`: answered without signing in (sign-in, health, the public API, the admin panel's files);
 * - `signed-in`: any signed-in administrator, about their own account or read-only metadata;
 * - `super-admin`: refused to every plugin role;
 * - `nobody`: refused to everyone (the server would fetch or send on the caller's behalf);
 * - `cm`: the Content Manager, decided per content type by CM_ACCESS and CM_NEEDS;
 * - an object: per role, allowed or not.
 */
export type Rule = 'public' | 'signed-in' | 'super-admin' | 'nobody' | 'cm' | Record<Role, boolean>;

const only = (...roles: Role[]): Record<Role, boolean> => ({ contributor: roles.includes('contributor'), editor: roles.includes('editor'), committee: roles.includes('committee') });
const ALL = only('contributor', 'editor', 'committee');
const EDITORS = only('editor', 'committee');
const COMMITTEE = only('committee');

/** What a content type allows a role in the Content Manager: nothing, reading, reading and updating, everything but publishing, or everything. */
export type Access = 'none' | 'read' | 'edit' | 'write' | 'publish';
const ACCESS_ORDER: Access[] = ['none', 'read', 'edit', 'write', 'publish'];
export const allows = (held: Access, needed: Access) => ACCESS_ORDER.indexOf(held) >= ACCESS_ORDER.indexOf(needed);

const row = (contributor: Access, editor: Access, committee: Access): Record<Role, Access> => ({ contributor, editor, committee });

/** Content types probed through the Content Manager, and what each role holds on them. Articles: publication is the workflow's, never the Content Manager's. */
export const CM_ACCESS: Record<string, Record<Role, Access>> = {
  'plugin::cchc.article': row('write', 'write', 'write'),
  'plugin::cchc.reform-area': row('read', 'read', 'write'),
  'plugin::cchc.topic': row('read', 'read', 'write'),
  'plugin::cchc.agency': row('none', 'read', 'write'),
  'plugin::cchc.plan': row('none', 'read', 'write'),
  'plugin::cchc.plan-task': row('none', 'edit', 'write'),
  'plugin::cchc.agency-member': row('none', 'read', 'write'),
  'plugin::cchc.compliance-exemption': row('none', 'read', 'write'),
  'plugin::cchc.holiday': row('none', 'read', 'write'),
  'plugin::cchc.change-note': row('none', 'write', 'write'),
  'plugin::cchc.workflow-event': row('none', 'none', 'none'),
  'plugin::cchc.steering-document': row('none', 'publish', 'publish'),
  'plugin::cchc.committee-event': row('none', 'write', 'write'),
  'plugin::cchc.committee-member': row('none', 'write', 'write'),
  'plugin::cchc.channel': row('none', 'write', 'write'),
  'plugin::cchc.index-result': row('none', 'write', 'write'),
  'plugin::cchc.contest': row('none', 'none', 'write'),
  'plugin::cchc.contest-round': row('none', 'none', 'write'),
  'plugin::cchc.contest-question': row('none', 'none', 'write'),
  'admin::user': row('none', 'none', 'none'),
  'plugin::upload.file': row('none', 'none', 'none'),
};
/** Single types probed through the Content Manager. */
export const CM_SINGLE_ACCESS: Record<string, Record<Role, Access>> = {
  'plugin::cchc.committee': row('none', 'write', 'write'),
};

/** What each Content Manager route needs of a content type. */
export const CM_NEEDS: Record<string, Access> = {
  'GET /content-manager/collection-types/:model': 'read',
  'POST /content-manager/collection-types/:model': 'write',
  'POST /content-manager/collection-types/:model/clone/:sourceId': 'write',
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': 'write',
  'GET /content-manager/collection-types/:model/:id': 'read',
  'PUT /content-manager/collection-types/:model/:id': 'edit',
  'DELETE /content-manager/collection-types/:model/:id': 'write',
  'POST /content-manager/collection-types/:model/actions/publish': 'publish',
  'POST /content-manager/collection-types/:model/:id/actions/publish': 'publish',
  'POST /content-manager/collection-types/:model/:id/actions/unpublish': 'publish',
  'POST /content-manager/collection-types/:model/:id/actions/discard': 'edit',
  'POST /content-manager/collection-types/:model/actions/bulkDelete': 'write',
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation': 'read',
  'POST /content-manager/collection-types/:model/actions/bulkPublish': 'publish',
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish': 'publish',
  'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations': 'read',
  'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations': 'read',
  'GET /content-manager/single-types/:model': 'read',
  'PUT /content-manager/single-types/:model': 'edit',
  'DELETE /content-manager/single-types/:model': 'write',
  'POST /content-manager/single-types/:model/actions/publish': 'publish',
  'POST /content-manager/single-types/:model/actions/unpublish': 'publish',
  'POST /content-manager/single-types/:model/actions/discard': 'edit',
  'GET /content-manager/single-types/:model/actions/countDraftRelations': 'read',
  'GET /content-manager/relations/:model/:targetField': 'read',
  'GET /content-manager/relations/:model/:id/:targetField': 'read',
};

const SUPER_ADMIN_ROUTES = [
  'POST /admin/access-token', 'GET /admin/admin-tokens', 'POST /admin/admin-tokens', 'DELETE /admin/admin-tokens/:id', 'GET /admin/admin-tokens/:id', 'PUT /admin/admin-tokens/:id',
  'GET /admin/admin-tokens/:id/owner-permissions', 'POST /admin/admin-tokens/:id/regenerate',
  'GET /admin/api-tokens', 'POST /admin/api-tokens', 'DELETE /admin/api-tokens/:id', 'GET /admin/api-tokens/:id', 'PUT /admin/api-tokens/:id', 'POST /admin/api-tokens/:id/regenerate',
  'GET /admin/project-settings', 'POST /admin/project-settings',
  'GET /admin/roles', 'POST /admin/roles', 'DELETE /admin/roles/:id', 'GET /admin/roles/:id', 'PUT /admin/roles/:id', 'GET /admin/roles/:id/permissions', 'PUT /admin/roles/:id/permissions', 'POST /admin/roles/batch-delete',
  'GET /admin/transfer/runner/pull', 'GET /admin/transfer/runner/push', 'GET /admin/transfer/tokens', 'POST /admin/transfer/tokens', 'DELETE /admin/transfer/tokens/:id', 'GET /admin/transfer/tokens/:id', 'PUT /admin/transfer/tokens/:id', 'POST /admin/transfer/tokens/:id/regenerate',
  'GET /admin/users', 'POST /admin/users', 'DELETE /admin/users/:id', 'GET /admin/users/:id', 'PUT /admin/users/:id', 'POST /admin/users/batch-delete',
  'GET /admin/webhooks', 'POST /admin/webhooks', 'DELETE /admin/webhooks/:id', 'GET /admin/webhooks/:id', 'PUT /admin/webhooks/:id', 'POST /admin/webhooks/:id/trigger', 'POST /admin/webhooks/batch-delete',
  'PUT /content-manager/content-types/:uid/configuration', 'PUT /content-manager/components/:uid/configuration',
  'DELETE /content-type-builder/component-categories/:name', 'PUT /content-type-builder/component-categories/:name',
  'GET /content-type-builder/components', 'POST /content-type-builder/components', 'DELETE /content-type-builder/components/:uid', 'GET /content-type-builder/components/:uid', 'PUT /content-type-builder/components/:uid',
  'GET /content-type-builder/content-types', 'POST /content-type-builder/content-types', 'DELETE /content-type-builder/content-types/:uid', 'GET /content-type-builder/content-types/:uid', 'PUT /content-type-builder/content-types/:uid',
  'GET /content-type-builder/reserved-names', 'GET /content-type-builder/schema', 'POST /content-type-builder/update-schema', 'GET /content-type-builder/update-schema-status',
  'POST /email', 'GET /email/settings', 'POST /email/test', 'POST /email/verify',
  'GET /admin/plugins', 'GET /i18n/iso-locales', 'POST /i18n/locales', 'DELETE /i18n/locales/:id', 'PUT /i18n/locales/:id', 'PUT /i18n/settings',
];

const SIGNED_IN_ROUTES = [
  'GET /admin/init', 'GET /admin/project-type', 'GET /admin/information', 'GET /admin/telemetry-properties', 'GET /admin/guided-tour-meta',
  'GET /admin/permissions', 'POST /admin/permissions/check', 'POST /admin/logout',
  'GET /admin/users/me', 'PUT /admin/users/me', 'GET /admin/users/me/permissions', 'GET /admin/users/me/sessions', 'DELETE /admin/users/me/sessions', 'DELETE /admin/users/me/sessions/:sessionId',
  'GET /admin/content-api/permissions', 'GET /admin/content-api/routes', 'GET /admin/homepage/key-statistics', 'GET /admin/homepage/layout', 'PUT /admin/homepage/layout',
  'GET /admin/license-trial-time-left', 'GET /admin/ai-usage', 'GET /admin/ai-token', 'GET /admin/ai-feature-config',
  'GET /content-manager/init', 'GET /content-manager/content-types', 'GET /content-manager/content-types-settings', 'GET /content-manager/components',
  'GET /content-manager/content-types/:uid/configuration', 'GET /content-manager/components/:uid/configuration',
  'POST /content-manager/uid/generate', 'POST /content-manager/uid/check-availability',
  'GET /content-manager/preview/url/:contentType', 'GET /content-manager/preview/script', 'GET /content-manager/homepage/recent-documents', 'GET /content-manager/homepage/count-documents',
  'GET /i18n/locales', 'GET /i18n/settings', 'POST /i18n/content-manager/actions/get-non-localized-fields', 'GET /i18n/content-manager/get-fill-from-locale/:model',
  'GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId', 'GET /i18n/ai-localization-jobs/single-types/:contentType',
  'GET /upload/ai-metadata-jobs/latest', 'GET /upload/ai-metadata-jobs/pending-count',
];

const PUBLIC_ROUTES = [
  'GET /', 'GET /((?!uploads/).+)', 'GET /admin/:path*', 'GET /uploads/(.*)', 'GET /_health',
  'POST /admin/login', 'POST /admin/register-admin', 'GET /admin/registration-info', 'POST /admin/register', 'POST /admin/forgot-password', 'POST /admin/reset-password',
  // The content API: Strapi's need an API token (none is issued), ours serve published content only.
  'GET /api/content-type-builder/components', 'GET /api/content-type-builder/components/:uid', 'GET /api/content-type-builder/content-types', 'GET /api/content-type-builder/content-types/:uid',
  'POST /api/email', 'GET /api/i18n/locales', 'POST /api/upload', 'GET /api/upload/files', 'DELETE /api/upload/files/:id', 'GET /api/upload/files/:id', 'GET /api/upload/files/page',
  // The contest's entrants: anyone registers; an entry's attempts answer only to the secret given at registration.
  'POST /api/cchc/contest-rounds/:round/entries', 'POST /api/cchc/contest-entries/:entry/attempts',
  'PUT /api/cchc/contest-attempts/:attempt/answers/:question', 'POST /api/cchc/contest-attempts/:attempt/submit',
  // Citizens' questions: anyone sends one; a lookup, an export and an erasure answer only to the code with the contact given.
  'POST /api/cchc/questions', 'POST /api/cchc/questions/lookup', 'POST /api/cchc/questions/export', 'POST /api/cchc/questions/erase',
];

/** The whole table. */
export const ROUTE_TABLE: Record<string, Rule> = {
  ...Object.fromEntries(PUBLIC_ROUTES.map((r) => [r, 'public' as const])),
  ...Object.fromEntries(SIGNED_IN_ROUTES.map((r) => [r, 'signed-in' as const])),
  ...Object.fromEntries(SUPER_ADMIN_ROUTES.map((r) => [r, 'super-admin' as const])),
  ...Object.fromEntries(Object.keys(CM_NEEDS).map((r) => [r, 'cm' as const])),
  'POST /upload/actions/upload-from-urls': 'nobody',
  'POST /upload/actions/generate-ai-metadata': 'nobody',
  'POST /upload/ai-metadata-jobs': 'nobody',
  // The media library: contributors upload and see their own files; editors and committee administrators manage it.
  'POST /upload': ALL,
  'POST /upload/files': ALL,
  'GET /upload/files': ALL,
  'GET /upload/files/:id': EDITORS,
  'PUT /upload/files/:id': EDITORS,
  'POST /upload/files/:id/replace': EDITORS,
  'DELETE /upload/files/:id': EDITORS,
  // Contributors: only their own files, and no folders (guarded in the plugin; tried in contributor-attacks).
  'POST /upload/actions/bulk-delete': ALL,
  'POST /upload/actions/bulk-move': ALL,
  'POST /upload/actions/bulk-update': ALL,
  'GET /upload/folders': ALL,
  'GET /upload/folders/:id': ALL,
  'POST /upload/folders': EDITORS,
  'PUT /upload/folders/:id': EDITORS,
  'GET /upload/folder-structure': ALL,
  'GET /upload/configuration': ALL,
  'PUT /upload/configuration': EDITORS,
  'GET /upload/settings': COMMITTEE,
  'PUT /upload/settings': COMMITTEE,
  // The plugin's own admin routes (the workflow's rules are in the workflow matrix).
  'GET /cchc/overview': ALL,
  'GET /cchc/compliance': COMMITTEE,
  'GET /cchc/compliance/latest-period': COMMITTEE,
  // The contest's organisers: the ranking carries entrants' phone and ID numbers.
  'GET /cchc/contest-rounds': COMMITTEE,
  'GET /cchc/contest-rounds/:round/ranking': COMMITTEE,
  'POST /cchc/contest-rounds/:round/open-now': COMMITTEE,
  'POST /cchc/contest-rounds/:round/close-now': COMMITTEE,
  'GET /cchc/contests/:contest/bank-template': COMMITTEE,
  'POST /cchc/contests/:contest/bank': COMMITTEE,
  'GET /cchc/contest-actions': COMMITTEE,
  'GET /cchc/compliance/counts-audit': COMMITTEE,
  'GET /cchc/review-queue': EDITORS,
  'GET /cchc/calendar': EDITORS,
  // Citizens' questions: contributors reach their agency's assigned items only (tried in question-desk.test.ts); only moderators edit the public text.
  'GET /cchc/questions': ALL,
  'GET /cchc/questions/:code': ALL,
  'POST /cchc/questions/:code/actions': ALL,
  'PUT /cchc/questions/:code/public-text': EDITORS,
  'GET /cchc/questions/:code/contact': ALL,
  'GET /cchc/questions/:code/attachments/:file': ALL,
  'POST /cchc/articles/:documentId/transition': ALL,
  'GET /cchc/articles/:documentId/history': ALL,
  // The editors' desk: what changed, who handles a piece, share links (contributors: their agency's pieces only).
  'GET /cchc/articles/:documentId/changes': ALL,
  'POST /cchc/articles/:documentId/take': EDITORS,
  'POST /cchc/articles/:documentId/share-links': ALL,
  'GET /cchc/articles/:documentId/share-links': ALL,
  'POST /cchc/articles/:documentId/share-links/:linkId/revoke': ALL,
};

/** Routes matched by a prefix instead of one row each: /_health answers every method, the public API is read-only. */
export const PREFIX_RULES: Array<[prefix: string, rule: Rule]> = [
  [' /_health', 'public'],
  ['GET /api/cchc/', 'public'],
];
