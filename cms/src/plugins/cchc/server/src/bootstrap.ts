import type { Core } from '@strapi/strapi';
import { pluginConfig } from './config.js';
import { addModernImageFormats } from './media/modern-formats.js';
import { guardDecidedMedia } from './media/decided-media.js';
import { guardUploads } from './media/upload-guard.js';
import { secureUploadResponses } from './media/serve-headers.js';
import { storeObjectsWithHeaders } from './media/bucket-headers.js';
import { pluginServices } from './services/index.js';
import { registerSameAgencyCondition } from './services/roles.js';

/**
 * Publishes scheduled pieces when their time comes, and erases citizens' personal data past its
 * retention period; the state in the database makes both survive restarts.
 */
function startScheduler(strapi: Core.Strapi): void {
  const { scheduleCheckSeconds } = pluginConfig(strapi);
  strapi.cron.add({
    'cchc-scheduled-publishing': {
      task: async () => {
        if (!strapi.isLoaded) return;
        try {
          const count = await pluginServices(strapi).workflow.publishDue();
          if (count > 0) strapi.log.info(`[cchc] published ${count} scheduled piece(s)`);
        } catch (error) {
          strapi.log.error(`[cchc] scheduled publishing failed: ${(error as Error).message}`);
        }
        try {
          // Citizens' personal data past its retention period: a conditional update per question, so instances never erase twice.
          const erased = await pluginServices(strapi).questions.eraseDue();
          if (erased > 0) strapi.log.info(`[cchc] erased the personal data of ${erased} question(s) past the retention period`);
        } catch (error) {
          strapi.log.error(`[cchc] erasing personal data failed: ${(error as Error).message}`);
        }
      },
      options: { rule: `*/${scheduleCheckSeconds} * * * * *`, tz: 'Asia/Ho_Chi_Minh' },
    },
  });
}

/**
 * Bootstrap: a few named setup steps. Roles, the demo seed and the search catch-up are
 * the `startup` service, which the host app runs once every module, admin included, is up.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await pluginServices(strapi).tallies.ensureTable();
  await pluginServices(strapi)['contest-entries'].ensureTables();
  await pluginServices(strapi)['contest-log'].ensureTable();
  await pluginServices(strapi)['spent-challenges'].ensureTable();
  await pluginServices(strapi)['question-repository'].ensureTables();
  await pluginServices(strapi).desk.ensureTables();
  await registerSameAgencyCondition(strapi);
  addModernImageFormats(strapi);
  guardUploads(strapi, () => pluginConfig(strapi).uploadLimits);
  guardDecidedMedia(strapi);
  secureUploadResponses(strapi);
  storeObjectsWithHeaders(strapi);
  strapi.server.use(pluginServices(strapi)['rate-limit'].middleware);
  startScheduler(strapi);
};
