/** Destroy: what the plugin opened is closed (the rate limit's Redis connection). */
import type { Core } from '@strapi/strapi';
import { pluginServices } from './services/index.js';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await pluginServices(strapi)['rate-limit'].close();
};
