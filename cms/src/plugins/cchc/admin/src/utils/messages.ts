import { PLUGIN_ID } from '../pluginId';

/** A message descriptor of the plugin's translations (vi.json, en.json); the id is the fallback text. */
export const msg = (id: string) => ({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id });
