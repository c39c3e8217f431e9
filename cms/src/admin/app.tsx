import type { StrapiApp } from '@strapi/strapi/admin';
import { VI_ADMIN_MESSAGES } from './translations/vi';

/** Where the admin panel keeps the interface language it opens in (Strapi's own key). */
const LANGUAGE_KEY = 'strapi-admin-language';

/** Admin panel customisation: Vietnamese first, English kept as Strapi's fallback. */
export default {
  config: {
    locales: ['vi'],
    // Strapi's vi translations are partial: the rest of the panel's strings, per package
    // (see translations/missing.mjs for what is covered and how to check after an upgrade).
    translations: { vi: VI_ADMIN_MESSAGES },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    // Strapi always offers English too and opens in it until a language is stored, which it
    // does only at sign-in (the account's preferred language): the sign-in page itself would be
    // English. Runs before the panel renders; a language someone picked stays as picked.
    try {
      if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'vi');
      document.documentElement.setAttribute('lang', window.localStorage.getItem(LANGUAGE_KEY) ?? 'vi');
    } catch {
      // Storage refused (private mode with storage disabled): Strapi falls back to English.
    }
  },
};
