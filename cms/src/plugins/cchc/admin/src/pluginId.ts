/** The plugin id, shared by every admin registration. */
export const PLUGIN_ID = 'cchc';

/** The compliance report page, under the plugin's path (`/admin/plugins/cchc/tuan-thu`). */
export const COMPLIANCE_PATH = 'tuan-thu';

/** The questions desk (`/admin/plugins/cchc/hoi-dap`, an item at `/hoi-dap/PAKN.…`; e-mails link there). */
export const QUESTIONS_PATH = 'hoi-dap';
