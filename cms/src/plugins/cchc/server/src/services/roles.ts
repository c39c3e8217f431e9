/**
 * The plugin's admin roles, kept equal to their allow-lists (permissions/allow-lists.ts)
 * at every start: created when missing, brought back to the list when an older
 * version or a person changed them. Strapi's own Author and Editor roles keep
 * nothing on the plugin's types. Workflow rights are in @cchc/shared.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowRole } from '@cchc/shared';
import { ADMIN_ROLE, UID, type PluginUid } from '../constants.js';
import { ROLE_ALLOW_LISTS, permissionsOf } from '../permissions/allow-lists.js';
import { agencyOfUser } from '../repositories/agency-members.js';


/**
 * Registers the condition: a piece passes when its agency is the signed-in user's
 * (from "Cán bộ của cơ quan", by user id); a user linked to no agency passes nothing.
 */
export async function registerSameAgencyCondition(strapi: Core.Strapi): Promise<void> {
  const conditions = strapi.service('admin::permission').conditionProvider;
  await conditions.register({
    displayName: 'Cùng cơ quan với người dùng',
    name: 'same-agency',
    plugin: 'cchc',
    handler: async (user: { id: number }) => {
      const agency = await agencyOfUser(strapi, user.id);
      return agency ? { 'agency.id': agency.id } : false;
    },
  });
}

/** Which workflow role an admin role code gives; the strongest one counts. Only the plugin's roles (and super admins) have one. */
const WORKFLOW_ROLE_OF: Record<string, WorkflowRole> = {
  [ADMIN_ROLE.superAdmin]: 'committee-admin',
  [ADMIN_ROLE.committeeAdmin]: 'committee-admin',
  [ADMIN_ROLE.cchcEditor]: 'editor',
  [ADMIN_ROLE.contributor]: 'contributor',
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

const PLUGIN_SUBJECTS = new Set<string>(Object.values(UID));

/** Creates the plugin's roles when missing and sets each one's permissions to exactly its allow-list. */
export async function syncRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const permissions = strapi.service('admin::permission');
  const attributesOf = (uid: PluginUid) => Object.keys(strapi.contentType(uid).attributes);
  for (const list of ROLE_ALLOW_LISTS) {
    const role = (await roles.findOne({ code: list.code })) ?? (await roles.create({ name: list.name, code: list.code, description: list.description }));
    await roles.assignPermissions(role.id, permissionsOf(list, attributesOf));
  }
  // Strapi's Author and Editor roles: whatever else they hold, nothing on the plugin's types.
  for (const code of [ADMIN_ROLE.author, ADMIN_ROLE.editor]) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const held = (await permissions.findMany({ where: { role: { id: role.id } } })) as Array<{ action: string; subject: string | null; properties: unknown; conditions: string[] }>;
    const kept = held.filter((p) => !p.subject || !PLUGIN_SUBJECTS.has(p.subject));
    if (kept.length !== held.length) {
      await roles.assignPermissions(role.id, kept.map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })));
    }
  }
}
