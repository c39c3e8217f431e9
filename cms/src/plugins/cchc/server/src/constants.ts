/** Names the plugin uses more than once: its id and the UIDs of its content types. */
export const PLUGIN_ID = 'cchc';

/** Content-type UIDs of the plugin. */
export const UID = {
  reformArea: 'plugin::cchc.reform-area',
  topic: 'plugin::cchc.topic',
  agency: 'plugin::cchc.agency',
  article: 'plugin::cchc.article',
  plan: 'plugin::cchc.plan',
  planTask: 'plugin::cchc.plan-task',
  changeNote: 'plugin::cchc.change-note',
} as const;

/** A content-type UID of the plugin. */
export type PluginUid = (typeof UID)[keyof typeof UID];

/** Strapi's built-in admin role codes the demo accounts use. */
export const ADMIN_ROLE = {
  superAdmin: 'strapi-super-admin',
  editor: 'strapi-editor',
  author: 'strapi-author',
} as const;
