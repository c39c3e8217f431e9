/** Fetching site pages and reading their text, for the site tests. */

/** Decodes the HTML entities Astro's escaping produces. */
export function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** GETs a page; returns status, headers and the decoded HTML. */
export async function getPage(url: string): Promise<{ status: number; headers: Headers; html: string; raw: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, html: decodeEntities(raw), raw };
}
