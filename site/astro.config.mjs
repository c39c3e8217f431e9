// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Every page is rendered on request from the CMS's public API; nothing is prerendered.
// Middleware mode: the front server (site/server/main.ts) calls Astro's handler in its own
// process on a cache miss, and serves dist/client itself.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  // The site keeps no per-visitor state, so the adapter's default file-backed sessions are off.
  session: false,
  server: { port: 4321 },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  // Forms are checked by the front server (same origin as the Host it was asked for), which
  // also holds behind a TLS-terminating proxy, where Astro would compare http with https.
  security: { checkOrigin: false },
});
