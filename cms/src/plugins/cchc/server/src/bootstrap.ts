import type { Core } from '@strapi/strapi';
import type { CchcConfig } from './config.js';
import { PLUGIN_ID } from './constants.js';
import { addModernImageFormats } from './media/modern-formats.js';
import { guardDecidedMedia } from './media/decided-media.js';
import { guardUploads } from './media/upload-guard.js';
import { secureUploadResponses } from './media/serve-headers.js';
import type { createPublicRateLimit } from './rate-limit/public-rate-limit.js';
import { registerSameAgencyCondition } from './services/roles.js';
import type { WorkflowService } from './services/workflow.js';

/** Publishes scheduled pieces when their time comes; the state in the database makes it survive restarts. */
function startScheduler(strapi: Core.Strapi): void {
  const { scheduleCheckSeconds } = strapi.config.get(`plugin::${PLUGIN_ID}`) as CchcConfig;
  strapi.cron.add({
    'cchc-scheduled-publishing': {
      task: async () => {
        if (!strapi.isLoaded) return;
        try {
          const count = await (strapi.plugin(PLUGIN_ID).service('workflow') as WorkflowService).publishDue();
          if (count > 0) strapi.log.info(`[cchc] published ${count} scheduled piece(s)`);
        } catch (error) {
          strapi.log.error(`[cchc] scheduled publishing failed: ${(error as Error).message}`);
        }
      },
      options: { rule: `*/${scheduleCheckSeconds} * * * * *`, tz: 'Asia/Ho_Chi_Minh' },
    },
  });
}

/**
 * Bootstrap: a few named setup steps. Roles, the demo seed and the search index are
 * the `startup` service, which the host app runs once every module, admin included, is up.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerSameAgencyCondition(strapi);
  addModernImageFormats(strapi);
  guardUploads(strapi, () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as CchcConfig).uploadLimits);
  guardDecidedMedia(strapi);
  secureUploadResponses(strapi);
  strapi.server.use((strapi.plugin(PLUGIN_ID).service('rate-limit') as ReturnType<typeof createPublicRateLimit>).middleware);
  startScheduler(strapi);
};
