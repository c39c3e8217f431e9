/**
 * Security headers of every answer of the site: a CSP that runs only the site's own
 * script files (no inline script), no MIME sniffing, a referrer policy, no framing by
 * other sites, and HSTS when the visitor came over HTTPS (directly or through a TLS proxy).
 */
import type http from 'node:http';

/**
 * The headers, for media served from `mediaOrigins` (the CMS's public address) and frames from `frameHosts`.
 * `framedBy` (drafts' previews only): the admin panel's origins, which may show the page in a frame;
 * such a page sends no referrer, since its URL carries a preview token.
 * @example securityHeaders(['https://cms.example.vn'], false)['X-Content-Type-Options'] // 'nosniff'
 */
export function securityHeaders(mediaOrigins: readonly string[], https: boolean, frameHosts: readonly string[] = [], framedBy?: readonly string[]): Record<string, string> {
  const media = ["'self'", 'data:', ...mediaOrigins].join(' ');
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Astro inlines small stylesheets; styles cannot run code.
      "style-src 'self' 'unsafe-inline'",
      `img-src ${media}`,
      `media-src ${media}`,
      // Embedded players only from the hosts an administrator listed (IFRAME_HOSTS).
      `frame-src ${["'self'", ...frameHosts.map((h) => `https://${h}`)].join(' ')}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      framedBy ? `frame-ancestors ${framedBy.length > 0 ? framedBy.join(' ') : "'none'"}` : "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': framedBy ? 'no-referrer' : 'strict-origin-when-cross-origin',
    // Superseded by frame-ancestors where browsers read CSP; kept for those that do not.
    ...(framedBy ? {} : { 'X-Frame-Options': 'DENY' }),
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** True when the visitor's connection is HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function cameOverHttps(req: http.IncomingMessage): boolean {
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() === 'https';
}
