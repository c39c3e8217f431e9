/** The plugin id, shared by every admin registration. */
export const PLUGIN_ID = 'cchc';
