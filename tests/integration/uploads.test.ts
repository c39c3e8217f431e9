/** What agencies may upload: checked from the file's content, with limits, in Vietnamese. */
import sharp from 'sharp';
import { describe, expect, inject, test } from 'vitest';
import { pngClaiming } from '../support/images.js';

/** Uploads one file through the admin API as the Sở Tư pháp contributor. */
async function upload(name: string, type: string, bytes: Uint8Array | Buffer | string) {
  const form = new FormData();
  form.append('files', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${inject('cmsUrl')}/upload`, { method: 'POST', headers: { authorization: `Bearer ${inject('adminTokens').tuPhap}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { error?: { message: string } } & Array<{ id: number; mime: string; ext: string; url: string }> };
}

describe('uploads', () => {
  test('a real PNG is accepted, whatever type the browser claimed', async () => {
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#0a0' } }).png().toBuffer();
    const res = await upload('anh.png', 'application/octet-stream', png);
    expect(res.status).toBe(201);
    expect(res.body[0]!.mime).toBe('image/png');
  });

  test('WebVTT captions are accepted', async () => {
    const res = await upload('phu-de.vtt', 'text/vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào bà con.\n');
    expect(res.status).toBe(201);
  });

  test.each([
    ['text behind a .png name', 'anh.png', 'image/png', 'Đây không phải ảnh', 'không phải loại được nhận'],
    ['an executable behind a .pdf name', 'ke-hoach.pdf', 'application/pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'không phải loại được nhận'],
    ['a script-bearing SVG', 'pano.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'SVG'],
    ['an SVG behind a .png name', 'pano.png', 'image/png', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'SVG'],
  ])('%s is refused with a reason', async (_what, name, type, bytes, reason) => {
    const res = await upload(name, type, bytes);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain(reason);
  });

  test('a Word document (DOCX) is accepted as one, a plain ZIP is not', async () => {
    // The seeded plan decision carries a DOCX made by the seed; upload its bytes again.
    const list = (await (await fetch(`${inject('cmsUrl')}/api/cchc/committee/documents?q=854`)).json()) as { data: Array<{ slug: string }> };
    const detail = (await (await fetch(`${inject('cmsUrl')}/api/cchc/committee/documents/${list.data[0]!.slug}`)).json()) as { data: { files: Array<{ url: string; mime: string }> } };
    const docx = detail.data.files.find((f) => f.mime.includes('wordprocessingml'))!;
    const bytes = Buffer.from(await (await fetch(`${inject('cmsUrl')}${docx.url}`)).arrayBuffer());
    const accepted = await upload('ke-hoach.docx', 'application/octet-stream', bytes);
    expect(accepted.status).toBe(201);
    expect(accepted.body[0]!.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // An empty ZIP archive: the end-of-central-directory record alone.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const refused = await upload('tai-lieu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zip);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('DOCX');
  });

  test('an image over the size limit is refused with the limit in the message', async () => {
    // Noise does not compress: about 3 MB of PNG, over the 2 MB limit the test stack sets.
    const noise = Buffer.from(Array.from({ length: 1000 * 1000 * 3 }, (_, i) => (i * 2654435761) % 251));
    const png = await sharp(noise, { raw: { width: 1000, height: 1000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(2_000_000);
    const res = await upload('to.png', 'image/png', png);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('quá giới hạn 2 MB');
  });

  test('a 30000 × 30000 pixel bomb is refused, and the server keeps serving', async () => {
    const res = await upload('bom.png', 'image/png', pngClaiming(30000, 30000));
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('30.000 × 30.000');
    expect((await fetch(`${inject('cmsUrl')}/_health`)).status).toBe(204);
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#00a' } }).png().toBuffer();
    expect((await upload('sau.png', 'image/png', png)).status).toBe(201);
  });
});

describe('what /uploads serves is inert', () => {
  const SCRIPT = '<script>document.title="pwned"</script><html><body onload="alert(1)">x</body></html>';
  /** Files that carry a script after an accepted type's magic bytes. */
  const script = Buffer.from(SCRIPT);
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } });
  /** A RIFF/WAVE file whose samples are the script's bytes. */
  const wav = () => {
    const head = Buffer.alloc(44);
    head.write('RIFF', 0);
    head.writeUInt32LE(36 + script.length, 4);
    head.write('WAVEfmt ', 8);
    head.writeUInt32LE(16, 16);
    head.writeUInt16LE(1, 20); // PCM
    head.writeUInt16LE(1, 22); // mono
    head.writeUInt32LE(8000, 24);
    head.writeUInt32LE(8000, 28);
    head.writeUInt16LE(1, 32);
    head.writeUInt16LE(8, 34);
    head.write('data', 36);
    head.writeUInt32LE(script.length, 40);
    return Buffer.concat([head, script]);
  };
  /** An ISO media file: an ftyp box of `brand`, then the script. */
  const isoMedia = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp41`), script]);
  /** The EBML header of a WebM file, then the script. */
  const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]), script]);
  /** Files that carry a script after each accepted type's magic bytes. */
  const carriers = async (): Promise<Array<[kind: string, bytes: Buffer, mime: string, ext: string]>> => [
    ['webvtt', Buffer.from(`WEBVTT\n\n00:00.000 --> 00:01.000\n${SCRIPT}\n`), 'text/vtt', '.vtt'],
    ['png', Buffer.concat([await image.clone().png().toBuffer(), script]), 'image/png', '.png'],
    ['jpeg', Buffer.concat([await image.clone().jpeg().toBuffer(), script]), 'image/jpeg', '.jpg'],
    ['webp', Buffer.concat([await image.clone().webp().toBuffer(), script]), 'image/webp', '.webp'],
    ['pdf', Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n${SCRIPT}\n%%EOF\n`), 'application/pdf', '.pdf'],
    ['wav', wav(), 'audio/wav', '.wav'],
    ['mp3', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413), script]), 'audio/mpeg', '.mp3'],
    ['mp4', isoMedia('isom'), 'video/mp4', '.mp4'],
    ['m4a', isoMedia('M4A '), 'audio/x-m4a', '.m4a'],
    ['webm', webm, 'video/webm', '.webm'],
  ];

  test.each(['x.js', 'x.html', 'x.svg', 'x.xml'])('stored under the detected type, whatever the name (%s)', async (name) => {
    for (const [kind, bytes, mime, ext] of await carriers()) {
      const res = await upload(name, 'text/html', bytes);
      expect(res.status, `${kind} as ${name}: ${JSON.stringify(res.body)}`).toBe(201);
      const file = res.body[0]!;
      expect(file.mime).toBe(mime);
      expect(file.ext).toBe(ext);
      expect(file.url.endsWith(ext)).toBe(true);
      const served = await fetch(`${inject('cmsUrl')}${file.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).not.toMatch(/html|javascript|xml/);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-security-policy')).toContain('sandbox');
      if (!/^(image|audio|video)\//.test(mime)) expect(served.headers.get('content-disposition')).toBe('attachment');
    }
  });

  test('an encoded path to the uploads folder gets the same headers', async () => {
    const res = await upload('x.vtt', 'text/vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n<b>x</b>\n');
    const file = res.body[0]!;
    const served = await fetch(`${inject('cmsUrl')}${file.url.replace('/uploads/', '/%75ploads/')}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe('attachment');
  });

  test('a text that starts with WEBVTT but is not WebVTT is refused', async () => {
    const res = await upload('x.vtt', 'text/vtt', 'WEBVTT\nalert(document.cookie)//\n\nfunction x(){}\n');
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toContain('WebVTT');
  });
});
