/**
 * Every route of the plugin, each a declaration of @cchc/shared with its handler
 * (handlers/*.ts). Strapi's `routes` and `controllers` parts are derived from this
 * list (http/define-route.ts); nothing else declares a route.
 */
import { TransitionArticle } from '@cchc/shared';
import adminRoutes from '../handlers/admin.js';
import committeeRoutes from '../handlers/committee.js';
import contestRoutes from '../handlers/contest.js';
import contestAdminRoutes from '../handlers/contest-admin.js';
import publicRoutes from '../handlers/public.js';
import questionRoutes from '../handlers/questions.js';
import questionDeskRoutes from '../handlers/question-desk.js';
import { handlerOf, mountRoutes, type RouteDefinition } from '../http/define-route.js';

export const ROUTES: readonly RouteDefinition[] = [...publicRoutes, ...committeeRoutes, ...contestRoutes, ...questionRoutes, ...adminRoutes, ...contestAdminRoutes, ...questionDeskRoutes];

export const { routes, controllers } = mountRoutes(ROUTES);

/** The route that takes workflow actions: the article rules let publications through only from it (workflow/caller.ts). */
export const WORKFLOW_HANDLER = handlerOf(TransitionArticle.Endpoint);
