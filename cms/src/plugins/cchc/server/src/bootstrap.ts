import type { Core } from '@strapi/strapi';
import { addModernImageFormats } from './media/modern-formats.js';

/**
 * Bootstrap: a few named setup steps. The demo seed and the search index are the
 * `startup` service, which the host app runs once every module, admin included, is up.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  addModernImageFormats(strapi);
};
