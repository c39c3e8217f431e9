/**
 * Article bodies: markdown from the CMS rendered with marked, then sanitized with
 * an explicit allow-list. Editors are trusted people, but accounts get stolen and
 * text gets pasted from anywhere, so nothing outside the list reaches a reader.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** What the renderer needs to know about the deployment. */
export interface MarkdownConfig {
  /** Hosts whose iframes may stay (video players); empty means no iframe at all. */
  iframeHosts: readonly string[];
  /** Hosts counted as the site's own: links to them get no rel="noopener noreferrer". */
  siteHosts: readonly string[];
  /** Turns a CMS media path such as /uploads/x.png (image src, file link) into a browser URL. */
  resolveMedia: (path: string) => string;
}

/** The configuration used when none is passed: no iframes, every absolute link external. */
export const DEFAULT_MARKDOWN_CONFIG: MarkdownConfig = {
  iframeHosts: [],
  siteHosts: [],
  resolveMedia: (path) => path,
};

const TABLE_TAGS = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
const BASE_TAGS = [
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'code', 'pre',
  ...TABLE_TAGS, 'img', 'figure', 'figcaption', 'br', 'hr',
];
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];
const EXTERNAL_REL = 'noopener noreferrer';
/** Root-relative links into the CMS's upload folder point at files, not at site pages. */
const UPLOADS_PREFIX = '/uploads/';

/** The host of an absolute http(s) URL, or null for relative, mailto and malformed URLs. */
function httpHost(href: string): string | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The sanitize-html options for a configuration: the whole allow-list in one place. */
export function sanitizeOptions(config: MarkdownConfig): sanitizeHtml.IOptions {
  const allowIframes = config.iframeHosts.length > 0;
  return {
    allowedTags: allowIframes ? [...BASE_TAGS, 'iframe'] : BASE_TAGS,
    allowedAttributes: {
      // rel is set by the transform below, never taken from the author.
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
      th: ['colspan', 'rowspan', 'scope', 'align'],
      td: ['colspan', 'rowspan', 'align'],
      ol: ['start'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
    },
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...config.iframeHosts],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Bodies use h2 and below: the page title is the only h1.
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: (tagName, attribs) => {
        const { rel: _authorRel, ...rest } = attribs;
        const href = rest['href'] ?? '';
        if (href.startsWith(UPLOADS_PREFIX)) rest['href'] = config.resolveMedia(href);
        const host = httpHost(rest['href'] ?? '');
        const external = host !== null && !config.siteHosts.includes(host);
        return { tagName, attribs: external ? { ...rest, rel: EXTERNAL_REL } : rest };
      },
      img: (tagName, attribs) => {
        const src = attribs['src'] ?? '';
        const resolved = src.startsWith('/') && !src.startsWith('//') ? config.resolveMedia(src) : src;
        return { tagName, attribs: { ...attribs, src: resolved, loading: 'lazy', decoding: 'async' } };
      },
    },
    // sanitize-html keeps an iframe whose src it removed; an empty frame is noise, drop it.
    exclusiveFilter: (frame) => (frame.tag === 'iframe' && !frame.attribs['src']) || (frame.tag === 'img' && !frame.attribs['src']),
  };
}

/** The options with the default configuration, for tests and inspection. */
export const SANITIZE_OPTIONS = sanitizeOptions(DEFAULT_MARKDOWN_CONFIG);

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Renders an article body to safe HTML.
 * @example renderMarkdown('**Một cửa** <script>x()</script>') === '<p><strong>Một cửa</strong> </p>'
 */
export function renderMarkdown(md: string, config: MarkdownConfig = DEFAULT_MARKDOWN_CONFIG): string {
  const html = marked.parse(md.normalize('NFC'), { async: false });
  return sanitizeHtml(html, sanitizeOptions(config));
}

