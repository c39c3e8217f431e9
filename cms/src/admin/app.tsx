import type { StrapiApp } from '@strapi/strapi/admin';

/** Admin panel customisation: Vietnamese first, English kept as Strapi's fallback. */
export default {
  config: {
    locales: ['vi'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
