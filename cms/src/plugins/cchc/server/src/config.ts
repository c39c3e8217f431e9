/** The plugin's configuration, set in the host app's config/plugins.ts. */
export interface CchcConfig {
  /** Folder of the demo data set, relative to the host app's root. */
  seedDir: string;
  /** Whether to seed on start. */
  seed: boolean;
  /** Password of the demo accounts (never created in production). */
  demoPassword: string;
  /** Base URLs of the sites whose page caches are purged after a change. */
  sitePurgeUrls: string[];
  /** Secret shared with the sites to sign purge calls. */
  purgeSecret: string;
}

export default {
  default: { seedDir: 'seed/demo', seed: true, demoPassword: 'CchcDemo2024!', sitePurgeUrls: [], purgeSecret: '' } satisfies CchcConfig,
  validator(config: Partial<CchcConfig>) {
    if (config.seedDir !== undefined && typeof config.seedDir !== 'string') throw new Error('cchc.seedDir must be a folder path');
    if (config.demoPassword !== undefined && String(config.demoPassword).length < 8) {
      throw new Error('DEMO_PASSWORD must have at least 8 characters');
    }
  },
};
