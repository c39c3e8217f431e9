/**
 * Media on S3-compatible storage: a CMS of its own (SQLite in a temporary folder, seeded)
 * keeps its uploads in a bucket of a local S3 server (s3rver, scripts/lib/s3.mjs), and a site
 * of its own shows them. The upload rules hold there as they do in /uploads (uploads.test.ts):
 * nothing refused reaches the bucket, every format goes there and leaves with the file.
 * Booted once for the file, on SQLite only: where media are kept does not depend on the database.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startS3Server } from '../../scripts/lib/s3.mjs';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startCms, startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { adminLogin, publishTestArticle } from '../support/api.js';
import { getPage } from '../support/html.js';
import { freePort } from '../support/ports.js';
import { pngClaiming } from '../support/images.js';

const BUCKET = 'cchc-media';
const PREFIX = 'cchc';

interface Started {
  child: unknown;
  url: string;
}
interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop: () => Promise<void>;
}
interface StoredFile {
  id: number;
  hash: string;
  url: string;
  mime: string;
  ext: string;
  formats: Record<string, { url: string; mime: string; width: number }> | null;
}

describe.runIf(inject('database') === 'sqlite')('media on S3-compatible storage', () => {
  let tmp = '';
  let s3: S3Server;
  let cms: Started | undefined;
  let site: Started | undefined;
  let mediaBase = '';
  let editor = '';
  let contributor = '';
  const lines: string[] = [];

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-s3-'));
    s3 = await startS3Server({ directory: path.join(tmp, 's3'), bucket: BUCKET });
    mediaBase = `${s3.endpoint}/${BUCKET}`;
    const siteKey = crypto.randomBytes(18).toString('base64url');
    const env = {
      NODE_ENV: 'development',
      DEMO_PASSWORD: inject('demoPassword'),
      PUBLIC_DIR: path.join(tmp, 'public'),
      QUESTION_FILES_DIR: path.join(tmp, 'question-files'),
      DATABASE_FILENAME: path.join(tmp, 'cchc.db'),
      SITE_API_KEY: siteKey,
      RATE_LIMIT_EXEMPT_IPS: '127.0.0.1',
      UPLOAD_IMAGE_MB: '2',
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_PREFIX: PREFIX,
      MEDIA_PUBLIC_URL: mediaBase,
    };
    try {
      cms = (await startCms({ port: await freePort(), host: '127.0.0.1', log: (line: string) => lines.push(line), env })) as Started;
      site = (await startSite({ port: await freePort(), host: '127.0.0.1', cmsUrl: cms.url, log: false, env: { SITE_API_KEY: siteKey, MEDIA_PUBLIC_URL: mediaBase, SITE_RENDERS_PER_MINUTE: '1000' } })) as Started;
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
    }
    editor = await adminLogin(cms.url, 'bientap@cchc.local', inject('demoPassword'));
    contributor = await adminLogin(cms.url, 'sotuphap@cchc.local', inject('demoPassword'));
  }, 300_000);

  afterAll(async () => {
    await stopProcess(site?.child);
    await stopProcess(cms?.child);
    await s3?.stop();
    if (!process.env.KEEP_TEST_DATA) await fs.rm(tmp, { recursive: true, force: true });
  });

  const cmsUrl = () => cms!.url;

  /** Every key in the bucket under the prefix, read through the S3 API over plain HTTP (ListObjectsV2). */
  async function bucketKeys(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix: `${PREFIX}/`, ...(token ? { 'continuation-token': token } : {}) });
      const res = await fetch(`${mediaBase}?${query}`);
      expect(res.status).toBe(200);
      const list = new XMLParser({ isArray: (name) => name === 'Contents' }).parse(await res.text()).ListBucketResult as { Contents?: Array<{ Key: string }>; IsTruncated: boolean; NextContinuationToken?: string };
      keys.push(...(list.Contents ?? []).map((c) => String(c.Key)));
      token = list.IsTruncated ? list.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  /** The key of an object from its public URL (which must be under MEDIA_PUBLIC_URL). */
  const keyOf = (url: string) => {
    expect(url.startsWith(`${mediaBase}/${PREFIX}/`)).toBe(true);
    return url.slice(mediaBase.length + 1);
  };

  /** Uploads one file through the admin API (with its alt text, for an article's cover). */
  async function upload(token: string, name: string, type: string, bytes: Uint8Array | Buffer | string, alternativeText?: string) {
    return send(`${cmsUrl()}/upload`, token, name, type, bytes, alternativeText);
  }

  /** Replaces a stored file's content through the admin API (Strapi's "Replace media"). */
  async function replace(token: string, id: number, name: string, type: string, bytes: Uint8Array | Buffer | string) {
    return send(`${cmsUrl()}/upload?id=${id}`, token, name, type, bytes);
  }

  async function send(url: string, token: string, name: string, type: string, bytes: Uint8Array | Buffer | string, alternativeText?: string) {
    const form = new FormData();
    form.append('files', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
    if (alternativeText) form.append('fileInfo', JSON.stringify({ alternativeText }));
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as { error?: { message: string } } & StoredFile[] };
  }

  test('a wrong S3 setting stops a CMS at start, naming the variable', async () => {
    const failed: string[] = [];
    await expect(
      startCms({
        port: await freePort(),
        host: '127.0.0.1',
        log: (line: string) => failed.push(line),
        env: { UPLOAD_PROVIDER: 's3', S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: 'x', S3_SECRET_ACCESS_KEY: 'y', MEDIA_PUBLIC_URL: mediaBase, PUBLIC_DIR: path.join(tmp, 'refused'), DATABASE_FILENAME: path.join(tmp, 'refused.db') },
      }),
    ).rejects.toThrow(/exited/);
    expect(failed.join('\n')).toMatch(/Media storage is misconfigured: S3_BUCKET: required when UPLOAD_PROVIDER=s3/);
  }, 60_000);

  test('the admin panel may show media from the bucket', async () => {
    const res = await fetch(`${cmsUrl()}/admin`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const origin = new URL(mediaBase).origin;
    for (const directive of ['img-src', 'media-src', 'connect-src']) expect(csp).toMatch(new RegExp(`${directive} [^;]*${origin.replace(/[.:/]/g, '\\$&')}`));
  });

  describe('an image', () => {
    let file: StoredFile;
    let article: { slug: string; remove: () => Promise<void> } | undefined;
    const width = 1100;
    const height = 620;

    beforeAll(async () => {
      const png = await sharp({ create: { width, height, channels: 3, background: '#0a5' } }).png().toBuffer();
      const res = await upload(editor, 'pano-mot-cua.png', 'application/octet-stream', png, 'Pano tuyên truyền bộ phận một cửa');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      file = res.body[0]!;
    });

    afterAll(async () => {
      await article?.remove();
    });

    test('lands in the bucket under MEDIA_PUBLIC_URL, with its formats and their AVIF and WebP copies', async () => {
      expect(file.url).toBe(`${mediaBase}/${PREFIX}/${file.hash}.png`);
      const formats = file.formats ?? {};
      expect(Object.keys(formats).sort()).toEqual(['large', 'large_avif', 'large_webp', 'medium', 'medium_avif', 'medium_webp', 'small', 'small_avif', 'small_webp', 'thumbnail']);
      const urls = [file.url, ...Object.values(formats).map((f) => f.url)];
      // Exactly this file's objects are in the bucket: one per URL Strapi stored, nothing else of it.
      expect((await bucketKeys()).filter((key) => key.includes(file.hash))).toEqual(urls.map(keyOf).sort());
      const original = await fetch(file.url);
      expect(original.headers.get('content-type')).toBe('image/png');
      expect(await sharp(Buffer.from(await original.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width, height });
      for (const [key, format] of Object.entries(formats)) {
        const res = await fetch(format.url);
        expect(res.status, key).toBe(200);
        expect(res.headers.get('content-type'), key).toBe(format.mime);
        // An image opens in place: no download header.
        expect(res.headers.get('content-disposition'), key).toBeNull();
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
        expect({ key, format: meta.format, width: meta.width }).toEqual({ key, format: key.endsWith('_avif') ? 'heif' : key.endsWith('_webp') ? 'webp' : 'png', width: format.width });
      }
    });

    test('a page of the site showing it references the bucket, and the page may load it', async () => {
      article = await publishTestArticle(cmsUrl(), editor, { title: `Pano một cửa trên kho S3 ${Date.now()}`, summary: 'Ảnh lưu ở kho S3.', body: 'Nội dung', format: 'infographic', cover: file.id });
      const page = await getPage(`${site!.url}/bai-viet/${article.slug}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`src="${file.url}"`);
      expect(page.html).toContain(`${file.formats!['small_avif']!.url} ${file.formats!['small_avif']!.width}w`);
      expect(page.html).toContain(`<meta property="og:image" content="${file.url}">`);
      expect(page.html).not.toMatch(/(src|srcset)="\/uploads\//);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`img-src 'self' data: ${cmsUrl()} ${new URL(mediaBase).origin}`);
    });
  });

  test('a document is stored to download, not to open, and served with its detected type', async () => {
    const pdf = `%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n<script>alert(1)</script>\n%%EOF\n`;
    const res = await upload(contributor, 'ke-hoach.html', 'text/html', pdf);
    expect(res.status).toBe(201);
    const stored = res.body[0]!;
    expect(stored.url).toBe(`${mediaBase}/${PREFIX}/${stored.hash}.pdf`);
    const served = await fetch(stored.url);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe('attachment');
    expect(await served.text()).toBe(pdf);
    // Replaced, it keeps its address and its download header.
    const newer = pdf.replace('1.4', '1.7');
    const replaced = await replace(contributor, stored.id, 'ke-hoach-moi.pdf', 'application/pdf', newer);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const again = await fetch(stored.url);
    expect(again.headers.get('content-disposition')).toBe('attachment');
    expect(await again.text()).toBe(newer);
  });

  test('caption files in the bucket are served through the site’s own origin', async () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào bà con.\n';
    const res = await upload(contributor, 'phu-de.vtt', 'text/vtt', vtt);
    expect(res.status).toBe(201);
    const key = keyOf(res.body[0]!.url);
    const served = await fetch(`${site!.url}/video/phu-de/${key}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('text/vtt');
    expect(await served.text()).toBe(vtt);
    expect((await fetch(`${site!.url}/video/phu-de/${PREFIX}/khong-co.vtt`)).status).toBe(404);
  });

  test.each([
    ['text sent as an image', 'anh.png', 'image/png', 'Đây không phải ảnh', 'không phải loại được nhận'],
    ['a page renamed .jpg', 'anh.jpg', 'image/jpeg', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'không phải loại được nhận'],
    ['an SVG with script', 'pano.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'SVG'],
    ['an SVG behind a .png name', 'pano.png', 'image/png', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'SVG'],
    ['a 30000 × 30000 pixel bomb', 'bom.png', 'image/png', pngClaiming(30000, 30000), '30.000 × 30.000'],
  ])('%s is refused in Vietnamese and leaves nothing in the bucket', async (_what, name, type, bytes, reason) => {
    const before = await bucketKeys();
    const res = await upload(contributor, name, type, bytes);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain(reason);
    expect(await bucketKeys()).toEqual(before);
  });

  test('an image over the size limit is refused in Vietnamese and leaves nothing in the bucket', async () => {
    // Noise does not compress: about 3 MB of PNG, over the 2 MB limit this CMS has.
    const noise = Buffer.from(Array.from({ length: 1000 * 1000 * 3 }, (_, i) => (i * 2654435761) % 251));
    const png = await sharp(noise, { raw: { width: 1000, height: 1000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    const before = await bucketKeys();
    const res = await upload(contributor, 'to.png', 'image/png', png);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('quá giới hạn 2 MB');
    expect(await bucketKeys()).toEqual(before);
  });

  test('replacing an image by a smaller one deletes the formats it no longer has; deleting it deletes every object of it', async () => {
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#a50' } }).png().toBuffer();
    const res = await upload(contributor, 'xoa-di.png', 'image/png', png);
    expect(res.status).toBe(201);
    const stored = res.body[0]!;
    const objectsOf = async () => (await bucketKeys()).filter((key) => key.includes(stored.hash));
    // The original, the thumbnail, small and medium, and AVIF and WebP copies of the last two.
    expect(await objectsOf()).toHaveLength(8);
    const smaller = await sharp({ create: { width: 400, height: 250, channels: 3, background: '#05a' } }).png().toBuffer();
    const replaced = await replace(contributor, stored.id, 'nho-hon.png', 'image/png', smaller);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    // Under 500 px wide: the original and its thumbnail only.
    const after = replaced.body as unknown as StoredFile;
    expect(Object.keys(after.formats ?? {})).toEqual(['thumbnail']);
    expect(await objectsOf()).toEqual([keyOf(after.url), keyOf(after.formats!['thumbnail']!.url)].sort());
    expect(await sharp(Buffer.from(await (await fetch(after.url)).arrayBuffer())).metadata()).toMatchObject({ width: 400, height: 250 });
    const removed = await fetch(`${cmsUrl()}/upload/files/${stored.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${contributor}` } });
    expect(removed.status).toBe(200);
    expect((await bucketKeys()).filter((key) => key.includes(stored.hash))).toEqual([]);
    expect((await fetch(stored.url)).status).toBe(404);
  });
});
