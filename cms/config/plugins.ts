import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  cchc: {
    enabled: true,
    resolve: './src/plugins/cchc',
    config: {
      // Folder of the demo data set, relative to the cms folder. Data, not code:
      // another province or year is another folder.
      seedDir: env('CCHC_SEED_DIR', 'seed/demo'),
      // Seeding is on by default outside production; demo accounts are never created in production.
      seed: env.bool('CCHC_SEED', env('NODE_ENV') !== 'production'),
      demoPassword: env('DEMO_PASSWORD', 'CchcDemo2024!'),
      // Sites whose page caches are purged after a change, and the secret that signs the calls.
      sitePurgeUrls: env.array('SITE_PURGE_URLS', []),
      purgeSecret: env('PURGE_SECRET', ''),
    },
  },
});
