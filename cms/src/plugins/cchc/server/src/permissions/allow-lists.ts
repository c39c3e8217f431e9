/**
 * The plugin's admin roles as allow-lists: each role is exactly the grants
 * written here (action, subject, fields, conditions), nothing inherited from
 * Strapi's Author or Editor roles. What a grant cannot express (states, clone,
 * delete, publication) is in the article rules of @cchc/shared.
 */
import { EDITOR_ONLY_FIELDS, TRANSITION_ONLY_FIELDS } from '@cchc/shared';
import { ADMIN_ROLE, COMMITTEE_UIDS, CONTEST_UIDS, UID, type PluginUid } from '../constants.js';

/** Permission actions the grants use. */
export const ACTION = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
  mediaRead: 'plugin::upload.read',
  mediaCreate: 'plugin::upload.assets.create',
  /** Crop, details, replace, and delete. */
  mediaUpdate: 'plugin::upload.assets.update',
  mediaDownload: 'plugin::upload.assets.download',
  mediaCopyLink: 'plugin::upload.assets.copy-link',
  mediaConfigureView: 'plugin::upload.configure-view',
  mediaSettings: 'plugin::upload.settings.read',
} as const;

/** The permission condition that binds a contributor's pieces to the contributor's agency. */
export const SAME_AGENCY_CONDITION = 'plugin::cchc.same-agency';
/** Strapi's condition: only what the user created. */
const IS_CREATOR = 'admin::is-creator';

/** Which fields a grant covers: all of the type's, all but some, or a list. */
export type FieldSet = 'all' | { allBut: readonly string[] } | readonly string[];

/** One grant of an allow-list. */
export interface Grant {
  action: string;
  subject?: PluginUid;
  fields?: FieldSet;
  conditions?: readonly string[];
}

/** One plugin role. */
export interface RoleAllowList {
  code: string;
  name: string;
  description: string;
  grants: readonly Grant[];
}

const crud = (subject: PluginUid, actions: ReadonlyArray<keyof typeof ACTION> = ['read', 'create', 'update', 'delete']): Grant[] =>
  actions.map((a) => ({ action: ACTION[a], subject, fields: a === 'read' || a === 'create' || a === 'update' ? 'all' : undefined }));
const readOnly = (...subjects: PluginUid[]): Grant[] => subjects.map((subject) => ({ action: ACTION.read, subject, fields: 'all' }));

/** Reference data: only committee administrators change it. */
export const REFERENCE_SUBJECTS = [UID.agency, UID.reformArea, UID.topic, UID.plan, UID.planTask, UID.agencyMember, UID.complianceExemption, UID.holiday] as const;
/** Fields of a plan task an editor keeps up to date: the progress of tasks not measured from content. */
const TASK_STATUS_FIELDS = ['progressStatus', 'progressNote', 'evidence'];

/** Articles for editors and committee administrators: every field but the workflow's; publication only through the workflow. */
const EDITORIAL_ARTICLES: Grant[] = [
  { action: ACTION.read, subject: UID.article, fields: 'all' },
  { action: ACTION.create, subject: UID.article, fields: { allBut: TRANSITION_ONLY_FIELDS } },
  { action: ACTION.update, subject: UID.article, fields: { allBut: TRANSITION_ONLY_FIELDS } },
  { action: ACTION.delete, subject: UID.article },
];
const COMMITTEE_CONTENT: Grant[] = [
  ...COMMITTEE_UIDS.flatMap((s) => crud(s)),
  { action: ACTION.publish, subject: UID.steeringDocument },
];
const MEDIA_FULL: Grant[] = [ACTION.mediaRead, ACTION.mediaCreate, ACTION.mediaUpdate, ACTION.mediaDownload, ACTION.mediaCopyLink, ACTION.mediaConfigureView].map(
  (action) => ({ action }),
);

/** The three plugin roles. */
export const ROLE_ALLOW_LISTS: readonly RoleAllowList[] = [
  {
    code: ADMIN_ROLE.contributor,
    name: 'Cộng tác viên cơ quan',
    description: 'Cán bộ của một cơ quan: viết, tải tệp và gửi duyệt tin bài của cơ quan mình.',
    grants: [
      { action: ACTION.read, subject: UID.article, fields: 'all', conditions: [SAME_AGENCY_CONDITION] },
      { action: ACTION.create, subject: UID.article, fields: { allBut: [...TRANSITION_ONLY_FIELDS, ...EDITOR_ONLY_FIELDS] } },
      { action: ACTION.update, subject: UID.article, fields: { allBut: [...TRANSITION_ONLY_FIELDS, ...EDITOR_ONLY_FIELDS] }, conditions: [SAME_AGENCY_CONDITION] },
      { action: ACTION.delete, subject: UID.article, conditions: [SAME_AGENCY_CONDITION] },
      // To choose a piece's areas and topics.
      ...readOnly(UID.reformArea, UID.topic),
      { action: ACTION.mediaRead, conditions: [IS_CREATOR] },
      { action: ACTION.mediaCreate },
      { action: ACTION.mediaUpdate, conditions: [IS_CREATOR] },
      { action: ACTION.mediaDownload },
      { action: ACTION.mediaCopyLink },
    ],
  },
  {
    code: ADMIN_ROLE.cchcEditor,
    name: 'Biên tập viên',
    description: 'Duyệt, sửa, hẹn giờ, đăng và gỡ tin bài; quản lý văn bản, chỉ số, sự kiện của trang Ban Chỉ đạo; cập nhật tình trạng nhiệm vụ kế hoạch; chỉ xem cơ quan và danh mục.',
    grants: [
      ...EDITORIAL_ARTICLES,
      ...crud(UID.changeNote),
      ...COMMITTEE_CONTENT,
      ...readOnly(...REFERENCE_SUBJECTS),
      { action: ACTION.update, subject: UID.planTask, fields: TASK_STATUS_FIELDS },
      ...MEDIA_FULL,
    ],
  },
  {
    code: ADMIN_ROLE.committeeAdmin,
    name: 'Quản trị Ban chỉ đạo',
    description: 'Sở Nội vụ: mọi quyền của biên tập viên, cùng cơ quan, cán bộ của cơ quan, kế hoạch, miễn trừ, báo cáo tuân thủ và cuộc thi trực tuyến.',
    grants: [
      ...EDITORIAL_ARTICLES,
      ...crud(UID.changeNote),
      ...COMMITTEE_CONTENT,
      ...REFERENCE_SUBJECTS.flatMap((s) => crud(s)),
      // The contest, its rounds and its question bank (answer keys included): organisers only.
      ...CONTEST_UIDS.flatMap((s) => crud(s)),
      ...MEDIA_FULL,
      { action: ACTION.mediaSettings },
    ],
  },
];

/** Attributes no grant lists: Strapi keeps them itself. */
const SYSTEM_ATTRIBUTES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

/** A permission as Strapi's role service takes it. */
export interface PermissionInput {
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
}

/**
 * Expands an allow-list into permissions, with each field set resolved against
 * the content type's attributes (`attributesOf`).
 */
export function permissionsOf(list: RoleAllowList, attributesOf: (uid: PluginUid) => string[]): PermissionInput[] {
  return list.grants.map(({ action, subject, fields, conditions }) => {
    let resolved: string[] | undefined;
    if (subject && fields) {
      const own = attributesOf(subject).filter((a) => !SYSTEM_ATTRIBUTES.has(a));
      if (fields === 'all') resolved = own;
      else if ('allBut' in fields) resolved = own.filter((f) => !fields.allBut.includes(f));
      else resolved = [...fields];
    }
    return { action, subject: subject ?? null, properties: resolved ? { fields: resolved } : {}, conditions: [...(conditions ?? [])] };
  });
}
