import type { Core } from '@strapi/strapi';

/**
 * Bootstrap: a few named setup steps. The demo seed is a service (`seed.run`)
 * that the host app calls once every module, admin included, has bootstrapped.
 */
export default async (_context: { strapi: Core.Strapi }) => {};
