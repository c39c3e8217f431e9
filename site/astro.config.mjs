// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Every page is rendered on request from the CMS's public API; nothing is prerendered.
// HOST and PORT are read by the standalone server at run time.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // The site keeps no per-visitor state, so the adapter's default file-backed sessions are off.
  session: false,
  server: { port: 4321 },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
