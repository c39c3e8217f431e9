/**
 * Share links as plain URLs (no third-party script on the page). Facebook's sharer
 * is documented; Zalo documents only its script plugin, so the link is the
 * share_inline address that Vietnamese news sites use without it.
 */

/**
 * Facebook's share dialog for a URL.
 * @example facebookShareUrl('https://a.vn/x') === 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.vn%2Fx'
 */
export function facebookShareUrl(url: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
}

/**
 * Zalo's share page for a URL (it reads the page's Open Graph tags).
 * @example zaloShareUrl('https://a.vn/x') === 'https://sp.zalo.me/share_inline?url=https%3A%2F%2Fa.vn%2Fx'
 */
export function zaloShareUrl(url: string): string {
  return `https://sp.zalo.me/share_inline?url=${encodeURIComponent(url)}`;
}
