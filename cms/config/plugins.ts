import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  cchc: {
    enabled: true,
    resolve: './src/plugins/cchc',
    config: {
      // Folder of the demo data set, relative to the cms folder. Data, not code:
      // another province or year is another folder.
      seedDir: env('CCHC_SEED_DIR', 'seed/demo'),
      seed: env.bool('CCHC_SEED', true),
      demoPassword: env('DEMO_PASSWORD', 'CchcDemo2024!'),
    },
  },
});
