/**
 * The plugin's admin roles, created at start when missing: agency contributors
 * (Strapi's Author permissions: their own pieces only, no publishing), editors
 * (Strapi's Editor permissions on content, but only reading the reference data:
 * agencies, plans, taxonomies) and the committee administrators (Strapi's Editor
 * permissions in full, plus the compliance report). Workflow rights are in @cchc/shared.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowRole } from '@cchc/shared';
import { ADMIN_ROLE, UID } from '../constants.js';
import { agencyOfUser } from '../repositories/agency-members.js';

/** The permission condition that binds a contributor's pieces to the contributor's agency. */
export const SAME_AGENCY_CONDITION = 'plugin::cchc.same-agency';

/**
 * Registers the condition: a piece passes when its agency is the signed-in user's
 * (from "Cán bộ của cơ quan"); a user linked to no agency passes nothing.
 */
export async function registerSameAgencyCondition(strapi: Core.Strapi): Promise<void> {
  const conditions = strapi.service('admin::permission').conditionProvider;
  await conditions.register({
    displayName: 'Cùng cơ quan với người dùng',
    name: 'same-agency',
    plugin: 'cchc',
    handler: async (user: { email: string }) => {
      const agency = await agencyOfUser(strapi, user.email);
      return agency ? { 'agency.id': agency.id } : false;
    },
  });
}

/** Reference data that only committee administrators change; editors may read it. */
const REFERENCE_SUBJECTS = new Set<string>([UID.agency, UID.agencyMember, UID.plan, UID.planTask, UID.reformArea, UID.topic, UID.complianceExemption]);
const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';
/** The Steering Committee website's content: editors and committee administrators keep it, contributors do not touch it. */
const COMMITTEE_SUBJECTS = new Set<string>([UID.committee, UID.committeeMember, UID.channel, UID.steeringDocument, UID.indexResult, UID.committeeEvent]);
/** Fields of a plan task an editor keeps up to date: the progress of tasks not measured from content. */
const TASK_STATUS_FIELDS = ['progressStatus', 'progressNote', 'evidence'];

interface Grant {
  action: string;
  subject: string | null;
  properties: unknown;
  conditions: string[];
}

const PLUGIN_ROLES: ReadonlyArray<{
  code: string;
  name: string;
  description: string;
  like: string;
  keep: (g: Grant) => boolean;
  adapt?: (g: Grant) => Grant;
  extra?: Grant[];
}> = [
  {
    code: ADMIN_ROLE.contributor,
    name: 'Cộng tác viên cơ quan',
    description: 'Cán bộ của một cơ quan: viết, tải tệp và gửi duyệt tin bài của cơ quan mình.',
    like: ADMIN_ROLE.author,
    keep: (g) => !g.subject || !COMMITTEE_SUBJECTS.has(g.subject),
    // Colleagues of one agency share its pieces: the agency, not the creator, decides.
    adapt: (g) => (g.subject === UID.article ? { ...g, conditions: [SAME_AGENCY_CONDITION] } : g),
  },
  {
    code: ADMIN_ROLE.cchcEditor,
    name: 'Biên tập viên',
    description: 'Duyệt, sửa, hẹn giờ, đăng và gỡ tin bài; quản lý văn bản, chỉ số, sự kiện của trang Ban Chỉ đạo; cập nhật tình trạng nhiệm vụ kế hoạch; chỉ xem cơ quan và danh mục.',
    like: ADMIN_ROLE.editor,
    keep: (g) => !g.subject || !REFERENCE_SUBJECTS.has(g.subject) || g.action === READ,
    extra: [{ action: UPDATE, subject: UID.planTask, properties: { fields: TASK_STATUS_FIELDS }, conditions: [] }],
  },
  { code: ADMIN_ROLE.committeeAdmin, name: 'Quản trị Ban chỉ đạo', description: 'Sở Nội vụ: mọi quyền của biên tập viên, cùng cơ quan, kế hoạch và báo cáo tuân thủ.', like: ADMIN_ROLE.editor, keep: () => true },
];

/** Which workflow role an admin role code gives; the strongest one counts. */
const WORKFLOW_ROLE_OF: Record<string, WorkflowRole> = {
  [ADMIN_ROLE.superAdmin]: 'committee-admin',
  [ADMIN_ROLE.committeeAdmin]: 'committee-admin',
  [ADMIN_ROLE.editor]: 'editor',
  [ADMIN_ROLE.cchcEditor]: 'editor',
  [ADMIN_ROLE.contributor]: 'contributor',
  [ADMIN_ROLE.author]: 'contributor',
};
const STRENGTH: Record<WorkflowRole, number> = { contributor: 1, editor: 2, 'committee-admin': 3 };

/** The workflow role of an admin user, from their admin roles; null when they have none. */
export function workflowRoleOf(roleCodes: readonly string[]): WorkflowRole | null {
  let best: WorkflowRole | null = null;
  for (const code of roleCodes) {
    const role = WORKFLOW_ROLE_OF[code];
    if (role && (!best || STRENGTH[role] > STRENGTH[best])) best = role;
  }
  return best;
}

/** Creates the plugin's roles that do not exist yet, with the permissions of the role each is modelled on. */
export async function ensureRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const permissions = strapi.service('admin::permission');
  for (const role of PLUGIN_ROLES) {
    if (await roles.findOne({ code: role.code })) continue;
    const model = await roles.findOne({ code: role.like });
    const created = await roles.create({ name: role.name, code: role.code, description: role.description });
    if (!model) continue;
    const granted = (await permissions.findMany({ where: { role: { id: model.id } } })) as Grant[];
    await roles.assignPermissions(
      created.id,
      granted
        .filter(role.keep)
        .map(role.adapt ?? ((g) => g))
        .concat(role.extra ?? [])
        .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })),
    );
  }
}
