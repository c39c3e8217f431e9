/**
 * The site's static files (dist/client: the one script, Astro's hashed assets), read
 * once at start and served from memory like cached pages, compressed once. Astro's
 * handler in middleware mode renders pages only; these never reach it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compressBodies, etagOf, type CachedPage } from './page-cache.ts';

/** Media types of the files a build puts in dist/client. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Astro's hashed assets never change under their name; other files may change with a release. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Every file under `dir`, by URL path (`/js/page.js`), as a page ready to send; none when the folder is missing. */
export function loadStaticFiles(dir: string, now: number): Map<string, CachedPage> {
  const files = new Map<string, CachedPage>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(dir, full).split(path.sep).join('/')}`;
    const body = fs.readFileSync(full);
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream' };
    if (urlPath.startsWith('/_astro/')) headers['cache-control'] = IMMUTABLE;
    files.set(urlPath, { status: 200, headers, bodies: compressBodies(body), etag: etagOf(body), tags: [], storedAt: now, invalidated: false });
  }
  return files;
}
