/** The signed-in admin user as an actor of the workflow (role from their admin roles). */
import { ForbiddenError, MESSAGES } from '../errors.js';
import { workflowRoleOf } from '../services/roles.js';
import type { Actor } from '../services/workflow.js';

/** The part of Koa's state the admin authentication fills. */
export interface AdminState {
  user?: { id: number; email: string; firstname?: string | null; lastname?: string | null; roles?: Array<{ code: string }> };
}

/** The workflow actor behind a signed-in admin user; 403 when they have no workflow role. */
export function actorOf(state: AdminState): Actor {
  const user = state.user;
  const role = workflowRoleOf((user?.roles ?? []).map((r) => r.code));
  if (!user || !role) throw new ForbiddenError(MESSAGES.noWorkflowRole);
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
  return { id: user.id, name, email: user.email, role };
}
