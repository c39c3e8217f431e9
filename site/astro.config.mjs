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
  // No `image.domains` / `remotePatterns`: pages never run CMS media through Astro's image service
  // (covers use Strapi's renditions and the plugin's AVIF/WebP copies as they are), and this file is
  // read at build time, while the media's host (CMS_PUBLIC_URL, MEDIA_PUBLIC_URL) is the run time's:
  // the front server's CSP allows it (server/config.ts).
});
