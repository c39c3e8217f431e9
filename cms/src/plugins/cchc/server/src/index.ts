/** The cchc plugin's server part: a list of its parts. */
import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap.js';
import config from './config.js';
import contentTypes from './content-types/index.js';
import destroy from './destroy.js';
import multipartGate from './middlewares/multipart-gate.js';
import { createRouteGuardPolicy } from './guards/strapi-routes.js';
import register from './register.js';
import { controllers, routes } from './routes/index.js';
import services from './services/index.js';

const policies = {
  'route-guard': (context: Parameters<ReturnType<typeof createRouteGuardPolicy>>[0], config: Parameters<ReturnType<typeof createRouteGuardPolicy>>[1], { strapi }: { strapi: Core.Strapi }) =>
    createRouteGuardPolicy(strapi)(context, config),
};

const middlewares = { 'multipart-gate': multipartGate };

export default { register, bootstrap, destroy, config, contentTypes, controllers, routes, services, policies, middlewares };
