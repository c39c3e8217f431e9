/** Turns a CMS image (original plus its renditions) into <picture> sources and <img> attributes. */
import type { Image } from '@cchc/shared';

/** One <source> of a <picture>: a modern encoding with its srcset. */
export interface ImageSource {
  type: string;
  srcset: string;
}

/** The attributes of a responsive <img>; undefined ones are left out by Astro. */
export interface ImageAttributes {
  src: string;
  srcset: string | undefined;
  width: number | undefined;
  height: number | undefined;
  alt: string;
  /** AVIF then WebP, when the CMS made them: browsers take the first they support. */
  sources: ImageSource[];
}

/** Modern encodings offered before the original's, best first. */
const MODERN_TYPES = ['image/avif', 'image/webp'];

type Candidate = { url: string; width: number; height: number };

/** A srcset from candidates of one encoding, one per width. */
function srcsetOf(candidates: readonly Candidate[], resolve: (path: string) => string): string {
  const byWidth = new Map(candidates.map((c) => [c.width, c]));
  return [...byWidth.values()]
    .sort((a, b) => a.width - b.width)
    .map((c) => `${resolve(c.url)} ${c.width}w`)
    .join(', ');
}

/**
 * src, srcset (renditions in the original's format and the original, by width),
 * AVIF/WebP sources, intrinsic size and alt text.
 * @example imageAttributes(img).srcset === 'https://cms/uploads/small_a.png 500w, https://cms/uploads/a.png 1200w'
 */
export function imageAttributes(image: Image, resolve: (path: string) => string): ImageAttributes {
  const same = image.renditions.filter((r) => r.mime === image.mime);
  const fallback: Candidate[] = same.map((r) => ({ url: r.url, width: r.width, height: r.height }));
  if (image.width !== null && image.height !== null) fallback.push({ url: image.url, width: image.width, height: image.height });
  const largest = [...fallback].sort((a, b) => a.width - b.width).at(-1);
  const sources = MODERN_TYPES.map((type) => ({ type, candidates: image.renditions.filter((r) => r.mime === type) }))
    .filter(({ candidates }) => candidates.length > 0)
    .map(({ type, candidates }) => ({ type, srcset: srcsetOf(candidates, resolve) }));
  return {
    src: resolve(image.url),
    srcset: fallback.length > 1 ? srcsetOf(fallback, resolve) : undefined,
    // The ratio is what matters: it reserves the image's room before it loads.
    width: image.width ?? largest?.width,
    height: image.height ?? largest?.height,
    alt: image.alt,
    sources,
  };
}
