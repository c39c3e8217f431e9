/** Turns a CMS image (original plus Strapi's renditions) into <img> attributes. */
import type { Image } from '@cchc/shared';
import { mediaUrl } from './cms';

/** The attributes of a responsive <img>; undefined ones are left out by Astro. */
export interface ImageAttributes {
  src: string;
  srcset: string | undefined;
  width: number | undefined;
  height: number | undefined;
  alt: string;
}

/**
 * src, srcset (every rendition and the original, by width), intrinsic size and alt text.
 * @example imageAttributes(img).srcset === 'https://cms/uploads/small_a.png 500w, https://cms/uploads/a.png 1200w'
 */
export function imageAttributes(image: Image, resolve: (path: string) => string = mediaUrl): ImageAttributes {
  const candidates = image.renditions.map((r) => ({ url: r.url, width: r.width, height: r.height }));
  if (image.width !== null && image.height !== null) {
    candidates.push({ url: image.url, width: image.width, height: image.height });
  }
  const byWidth = new Map(candidates.map((c) => [c.width, c]));
  const sorted = [...byWidth.values()].sort((a, b) => a.width - b.width);
  const largest = sorted.at(-1);
  return {
    src: resolve(image.url),
    srcset: sorted.length > 1 ? sorted.map((c) => `${resolve(c.url)} ${c.width}w`).join(', ') : undefined,
    // The ratio is what matters: it reserves the image's room before it loads.
    width: image.width ?? largest?.width,
    height: image.height ?? largest?.height,
    alt: image.alt,
  };
}
