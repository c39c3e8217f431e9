import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy: the client's address is the one the proxy adds (rate limits count clients, not the proxy).
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('PROXY_MAX_IPS', 1) },
  app: { keys: env.array('APP_KEYS') },
  // Uploads live in <public>/uploads; tests point this at a temporary folder.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // The scheduled jobs of later issues run inside Strapi.
  cron: { enabled: true },
  // No update check: the CMS must not call out to the internet at run time.
  logger: { updates: { enabled: false } },
});
