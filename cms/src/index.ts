import fs from 'node:fs';
import type { Core } from '@strapi/strapi';

/**
 * Writes the routes the server actually serves (method and path, as koa-router
 * registered them) to the file named by CCHC_ROUTE_TABLE, once it listens. The
 * permission tests read it, so that a route added by a Strapi upgrade cannot go untested.
 */
function writeRouteTable(strapi: Core.Strapi, file: string): void {
  strapi.server.httpServer.once('listening', () => {
    const layers: Array<{ methods: string[]; path: string }> = strapi.server.listRoutes();
    const routes = layers.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: layer.path })));
    fs.writeFileSync(file, JSON.stringify(routes));
  });
}

/**
 * The host application holds no domain code: everything lives in the `cchc`
 * plugin (src/plugins/cchc), registered in config/plugins.ts.
 */
export default {
  register() {},
  /**
   * The plugin's startup (demo seed, then the search catch-up) runs here rather than in
   * the plugin's own bootstrap because the admin module bootstraps after plugins,
   * and the demo accounts need its roles.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('cchc').service('startup').run();
    const routeTable = process.env.CCHC_ROUTE_TABLE;
    if (routeTable) writeRouteTable(strapi, routeTable);
  },
};
