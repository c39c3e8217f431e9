import type { Core } from '@strapi/strapi';

/**
 * The host application holds no domain code: everything lives in the `cchc`
 * plugin (src/plugins/cchc), registered in config/plugins.ts.
 */
export default {
  register() {},
  /**
   * The plugin's startup (demo seed, then the search index) runs here rather than in
   * the plugin's own bootstrap because the admin module bootstraps after plugins,
   * and the demo accounts need its roles.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('cchc').service('startup').run();
  },
};
