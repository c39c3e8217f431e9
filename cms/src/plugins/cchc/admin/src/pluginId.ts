/** The plugin id, shared by every admin registration. */
export const PLUGIN_ID = 'cchc';

/** The compliance report page, under the plugin's path (`/admin/plugins/cchc/tuan-thu`). */
export const COMPLIANCE_PATH = 'tuan-thu';
