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
  workflowEvent: 'plugin::cchc.workflow-event',
  agencyMember: 'plugin::cchc.agency-member',
  complianceExemption: 'plugin::cchc.compliance-exemption',
  holiday: 'plugin::cchc.holiday',
  committee: 'plugin::cchc.committee',
  committeeMember: 'plugin::cchc.committee-member',
  channel: 'plugin::cchc.channel',
  steeringDocument: 'plugin::cchc.steering-document',
  indexResult: 'plugin::cchc.index-result',
  committeeEvent: 'plugin::cchc.committee-event',
  contest: 'plugin::cchc.contest',
  contestRound: 'plugin::cchc.contest-round',
  contestQuestion: 'plugin::cchc.contest-question',
} as const;

/** The online contest's content types (its entries and attempts live in tables of the plugin's own). */
export const CONTEST_UIDS = [UID.contest, UID.contestRound, UID.contestQuestion] as const;

/** The Steering Committee website's content types. */
export const COMMITTEE_UIDS = [UID.committee, UID.committeeMember, UID.channel, UID.steeringDocument, UID.indexResult, UID.committeeEvent] as const;

/** A content-type UID of the plugin. */
export type PluginUid = (typeof UID)[keyof typeof UID];

/** Admin role codes: Strapi's built-in ones and the two the plugin creates. */
export const ADMIN_ROLE = {
  superAdmin: 'strapi-super-admin',
  editor: 'strapi-editor',
  author: 'strapi-author',
  contributor: 'cchc-contributor',
  cchcEditor: 'cchc-editor',
  committeeAdmin: 'cchc-committee-admin',
} as const;
