import type { StrapiApp } from '@strapi/strapi/admin';
import { PluginIcon } from './components/PluginIcon';
import { PLUGIN_ID } from './pluginId';

type TranslationMap = Record<string, string>;

/** Prefixes the plugin's translation keys with its id, as the admin expects. */
const prefixed = (messages: TranslationMap): TranslationMap =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Truyền thông CCHC' },
      // Every signed-in administrator may see the overview; its figures are not sensitive.
      permissions: [],
      Component: () => import('./pages/HomePage').then((m) => ({ default: m.HomePage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data as TranslationMap), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
