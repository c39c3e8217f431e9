import admin from './admin.js';
import adminWorkflow from './admin-workflow.js';
import contentApi from './content-api.js';

export default {
  'content-api': contentApi,
  admin: { ...admin, routes: [...admin.routes, ...adminWorkflow] },
};
