import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_CONFIG, SANITIZE_OPTIONS, renderMarkdown, type MarkdownConfig } from '../../../site/src/lib/markdown.js';

const withYoutube: MarkdownConfig = {
  iframeHosts: ['www.youtube-nocookie.com'],
  siteHosts: ['cchc.example.vn'],
  resolveMedia: (path) => `https://media.example.vn${path}`,
};

describe('renderMarkdown removes what is not on the allow-list', () => {
  it.each([
    ['a script element', 'Trước <script>alert(1)</script> sau', /<script|alert/],
    ['an inline event handler', '<img src="/uploads/a.png" alt="a" onerror="alert(1)">', /onerror|alert/],
    ['a javascript: link', '[bấm](javascript:alert(1))', /javascript:|alert/],
    ['a javascript: link in raw HTML', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:|alert/i],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', /data:/],
    ['a protocol-relative link', '[x](//evil.example/x)', /evil\.example/],
    ['an iframe when no host is allowed', '<iframe src="https://www.youtube-nocookie.com/embed/a"></iframe>', /<iframe/],
    ['a style attribute', '<p style="color:red">x</p>', /style=/],
    ['a class attribute', '<p class="x">x</p>', /class=/],
    ['an svg with a script', '<svg><script>alert(2)</script></svg>', /<svg|<script|alert/],
    ['an author rel and target', '<a href="/x" rel="opener" target="_blank">x</a>', /opener|target=/],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /javascript|&#106;/i],
    ['a style element', '<style>body{display:none}</style>Chữ', /<style|display/],
    ['a form asking for personal data', '<form action="https://evil.example"><input name="cccd"></form>', /<form|<input/],
    ['an object', '<object data="x.swf"></object>', /<object/],
    ['an event handler on a paragraph', '<p onmouseover="alert(1)">x</p>', /onmouseover|alert/],
  ])('%s', (_name, md, forbidden) => {
    expect(renderMarkdown(md)).not.toMatch(forbidden);
  });

  it('drops iframes from hosts not on the list but keeps listed ones', () => {
    const html = renderMarkdown(
      '<iframe src="https://evil.example/x"></iframe>\n\n<iframe src="https://www.youtube-nocookie.com/embed/a" title="Clip"></iframe>',
      withYoutube,
    );
    expect(html).not.toContain('evil.example');
    expect(html.match(/<iframe/g)).toHaveLength(1);
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/a"');
  });
});

describe('renderMarkdown keeps and adjusts allowed content', () => {
  it.each([
    ['bold and italic', '**đậm** và _nghiêng_', '<p><strong>đậm</strong> và <em>nghiêng</em></p>'],
    ['a relative link, without rel', '[bài](/bai-viet/mot-cua)', '<p><a href="/bai-viet/mot-cua">bài</a></p>'],
    ['a mailto link', '[thư](mailto:a@b.vn)', '<p><a href="mailto:a@b.vn">thư</a></p>'],
    ['an h1 demoted to h2', '# Tiêu đề', '<h2>Tiêu đề</h2>'],
    ['an h6 raised to h4', '###### Nhỏ', '<h4>Nhỏ</h4>'],
    ['the doc comment example', '**Một cửa** <script>x()</script>', '<p><strong>Một cửa</strong> </p>'],
    ['decomposed Vietnamese normalised to NFC', 'Cải cách'.normalize('NFD'), '<p>Cải cách</p>'],
  ])('%s', (_name, md, expected) => {
    expect(renderMarkdown(md).trim()).toBe(expected);
  });

  it('marks links to other hosts noopener noreferrer, not links to the site', () => {
    const html = renderMarkdown('[a](https://example.com/x "t") [b](https://cchc.example.vn/y)', withYoutube);
    expect(html).toContain('<a href="https://example.com/x" title="t" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="https://cchc.example.vn/y">b</a>');
  });

  it('resolves CMS upload paths of images and file links', () => {
    const html = renderMarkdown('![Biểu đồ](/uploads/a.png)\n\n[Tải kế hoạch](/uploads/ke-hoach.pdf)', withYoutube);
    expect(html).toContain('src="https://media.example.vn/uploads/a.png"');
    expect(html).toContain('alt="Biểu đồ"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('href="https://media.example.vn/uploads/ke-hoach.pdf"');
  });

  it('keeps GFM tables', () => {
    const html = renderMarkdown('| Quý | Số hồ sơ |\n|---|---:|\n| I | 1.234 |');
    expect(html).toMatch(/<table>[\s\S]*<th>Quý<\/th>[\s\S]*<td align="right">1.234<\/td>/);
  });
});

describe('SANITIZE_OPTIONS', () => {
  it('allows only http, https and mailto, and no iframe by default', () => {
    expect(SANITIZE_OPTIONS.allowedSchemes).toEqual(['http', 'https', 'mailto']);
    expect(SANITIZE_OPTIONS.allowedTags).not.toContain('iframe');
    expect(SANITIZE_OPTIONS.allowProtocolRelative).toBe(false);
    expect(DEFAULT_MARKDOWN_CONFIG.iframeHosts).toEqual([]);
  });
});
