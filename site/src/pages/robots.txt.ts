/** GET /robots.txt: everything may be crawled; points at the sitemaps. */
import type { APIRoute } from 'astro';
import { textResponse } from '../lib/http';
import { robotsTxt } from '../lib/sitemap';
import { siteOrigin } from '../lib/deployment';

// No content tag: the file names no CMS content (the middleware adds the taxonomy tag to every 200).
export const GET: APIRoute = ({ url }) => textResponse(robotsTxt(siteOrigin(url)), 'text/plain; charset=utf-8');
