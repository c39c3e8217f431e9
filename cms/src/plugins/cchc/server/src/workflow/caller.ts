/**
 * Who is behind a document operation, read from the request Strapi is serving
 * (its request context): the workflow's own route, a signed-in administrator on
 * any other route, or no request at all (the seed at start, the scheduler).
 */
import type { Core } from '@strapi/strapi';
import type { ArticleCaller } from '@cchc/shared';
import { PLUGIN_ID } from '../constants.js';
import { WORKFLOW_HANDLER } from '../routes/index.js';
import { workflowRoleOf } from '../services/roles.js';


/** The part of Koa's context this module reads. */
interface RequestState {
  state?: {
    route?: { handler?: unknown; info?: { pluginName?: string } };
    user?: { id?: unknown; roles?: Array<{ code?: unknown }> };
  };
}

/** The caller and, for a signed-in administrator, their user id. */
export interface CurrentCaller {
  caller: ArticleCaller;
  userId: number | null;
}

/** The caller of the operation being run now. */
export function currentCaller(strapi: Core.Strapi): CurrentCaller {
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  if (!ctx) return { caller: { kind: 'system' }, userId: null };
  const route = ctx.state?.route;
  // The workflow's route checks the rules table and records history before it publishes or withdraws.
  if (route?.info?.pluginName === PLUGIN_ID && route.handler === WORKFLOW_HANDLER) return { caller: { kind: 'workflow' }, userId: null };
  const user = ctx.state?.user;
  const userId = typeof user?.id === 'number' ? user.id : null;
  const codes = (user?.roles ?? []).map((r) => String(r.code));
  return { caller: { kind: 'user', role: userId === null ? null : workflowRoleOf(codes) }, userId };
}
