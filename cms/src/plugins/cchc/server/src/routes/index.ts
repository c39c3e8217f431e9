import admin from './admin.js';
import contentApi from './content-api.js';

export default { 'content-api': contentApi, admin };
