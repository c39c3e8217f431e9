/** The <head> metadata of a page: canonical URL and Open Graph tags (read by Zalo and Facebook). */
import type { Image } from '@cchc/shared';

/** One <meta property="…" content="…"> tag. */
export interface MetaProperty {
  property: string;
  content: string;
}

/** What the Open Graph tags of a page are made of. */
export interface OpenGraphInput {
  type: 'website' | 'article';
  title: string;
  description: string;
  /** The canonical URL; null on error pages, which have none. */
  url: string | null;
  image: Image | null;
  siteName: string;
  /** Turns a CMS media path into an absolute URL. */
  resolve: (path: string) => string;
}

/**
 * The Open Graph tags of a page: og:image is the cover's original (the largest file,
 * which Zalo and Facebook crop themselves), with its size and alt text when known.
 * @example openGraphTags({ type: 'website', title: 'T', description: 'D', url: null, image: null, siteName: 'S', resolve: (p) => p })[0] // { property: 'og:type', content: 'website' }
 */
export function openGraphTags(input: OpenGraphInput): MetaProperty[] {
  const tags: MetaProperty[] = [
    { property: 'og:type', content: input.type },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    { property: 'og:locale', content: 'vi_VN' },
    { property: 'og:site_name', content: input.siteName },
  ];
  if (input.url) tags.push({ property: 'og:url', content: input.url });
  const image = input.image;
  if (image) {
    tags.push({ property: 'og:image', content: input.resolve(image.url) });
    if (image.width !== null && image.height !== null) {
      tags.push({ property: 'og:image:width', content: String(image.width) }, { property: 'og:image:height', content: String(image.height) });
    }
    if (image.alt) tags.push({ property: 'og:image:alt', content: image.alt });
  }
  return tags;
}
