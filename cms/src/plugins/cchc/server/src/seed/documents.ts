/**
 * Demo files of the seeded steering documents: a PDF and a DOCX written by hand,
 * so the seed needs no office suite, PDF library or network. The PDF holds one
 * JPEG per A4 page, because the 14 standard PDF fonts cannot show Vietnamese
 * and embedding a font by hand is far more code than drawing the page with sharp.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { nfc } from '@cchc/shared';

/** A4 at 110 dpi: readable on screen and small (about 120 KB for a full page of text). */
const PAGE = { width: 910, height: 1286, widthPt: 595.28, heightPt: 841.89 };
const MARGIN_X = 70;
const BODY = { size: 17, lineHeight: 28, width: 80 };
const TITLE = { size: 24, lineHeight: 36, width: 50 };
const TOP = 120;
const BOTTOM = PAGE.height - 90;
const FONT = "'Times New Roman', 'Noto Serif', 'DejaVu Serif', serif";

/** Characters XML 1.0 forbids, which a pasted text may still carry. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const escapeXml = (text: string): string =>
  nfc(text)
    .replace(XML_INVALID, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The temp path of a generated file; the key is reduced to a safe file-name part. */
const tempPath = (key: string, ext: string): string =>
  path.join(os.tmpdir(), `cchc-seed-${process.pid}-${key.replace(/[^A-Za-z0-9-]+/g, '-')}.${ext}`);

/**
 * Splits text into lines of at most `width` characters at spaces; a word longer
 * than a line (a URL) is cut so nothing runs off the page.
 * @example wrapText('một hai ba', 7) // ['một hai', 'ba']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of nfc(text).split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface Line {
  text: string;
  y: number;
  title: boolean;
}

/** Lays out the title and paragraphs on as many pages as they need. */
function layOut(title: string, paragraphs: readonly string[]): Line[][] {
  const pages: Line[][] = [[]];
  let y = TOP;
  const place = (text: string, lineHeight: number, isTitle: boolean) => {
    if (y + lineHeight > BOTTOM) {
      pages.push([]);
      y = TOP;
    }
    y += lineHeight;
    pages.at(-1)!.push({ text, y, title: isTitle });
  };
  for (const line of wrapText(title, TITLE.width)) place(line, TITLE.lineHeight, true);
  y += TITLE.lineHeight / 2;
  for (const paragraph of paragraphs) {
    for (const line of wrapText(paragraph, BODY.width)) place(line, BODY.lineHeight, false);
    y += BODY.lineHeight / 2;
  }
  return pages;
}

/** The SVG of one page: the demo label on top, the lines, the page number at the foot. */
function pageSvg(lines: readonly Line[], page: number, pages: number, demoLabel: string): string {
  const text = lines
    .map((l) =>
      l.title
        ? `<text x="${PAGE.width / 2}" y="${l.y}" font-size="${TITLE.size}" font-weight="bold" text-anchor="middle">${escapeXml(l.text)}</text>`
        : `<text x="${MARGIN_X}" y="${l.y}" font-size="${BODY.size}">${escapeXml(l.text)}</text>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="${FONT}" fill="#1a1a1a">
<rect width="${PAGE.width}" height="${PAGE.height}" fill="#fff"/>
<rect x="${MARGIN_X}" y="34" width="${PAGE.width - 2 * MARGIN_X}" height="40" rx="4" fill="#fdecee" stroke="#c8102e"/>
<text x="${PAGE.width / 2}" y="60" font-size="16" font-style="italic" text-anchor="middle" fill="#a00d26">${escapeXml(demoLabel)}</text>
${text}
<text x="${PAGE.width - MARGIN_X}" y="${PAGE.height - 40}" font-size="14" text-anchor="end" fill="#555">${page}/${pages}</text>
</svg>`;
}

/** A PDF text string in UTF-16BE with a byte-order mark, as hex: the only portable way to store Vietnamese there. */
const pdfText = (text: string): string =>
  `<${Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(nfc(text), 'utf16le').swap16()]).toString('hex').toUpperCase()}>`;

/** A PDF whose pages are full-page JPEG images, with a catalog, page tree, info dictionary and exact xref offsets. */
export function pdfFromJpegs(jpegs: readonly Buffer[], title: string, subject: string): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Buffer) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (id: number, ...parts: (string | Buffer)[]) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    parts.forEach(push);
    push('\nendobj\n');
  };
  // Objects: 1 catalog, 2 page tree, 3 info, then per page: page, contents, image.
  const pageId = (i: number) => 4 + i * 3;
  push('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'); // the binary comment tells tools the file is binary
  object(1, '<< /Type /Catalog /Pages 2 0 R /Lang (vi-VN) >>');
  object(2, `<< /Type /Pages /Kids [${jpegs.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${jpegs.length} >>`);
  object(3, `<< /Title ${pdfText(title)} /Subject ${pdfText(subject)} /Producer (cchc demo seed) >>`);
  jpegs.forEach((jpeg, i) => {
    const id = pageId(i);
    const contents = `q ${PAGE.widthPt} 0 0 ${PAGE.heightPt} 0 0 cm /Im0 Do Q`;
    object(
      id,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.widthPt} ${PAGE.heightPt}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> /ProcSet [/PDF /ImageC] >> /Contents ${id + 1} 0 R >>`,
    );
    object(id + 1, `<< /Length ${contents.length} >>\nstream\n${contents}\nendstream`);
    object(
      id + 2,
      `<< /Type /XObject /Subtype /Image /Width ${PAGE.width} /Height ${PAGE.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      jpeg,
      '\nendstream',
    );
  });
  const size = offsets.length;
  const xref = length;
  push(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let id = 1; id < size; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** Renders the text as an A4 PDF in the temp folder, the demo label on every page; returns its path and size. */
export async function renderPdf(title: string, paragraphs: string[], demoLabel: string, key: string): Promise<{ filepath: string; size: number }> {
  const pages = layOut(title, paragraphs);
  const jpegs = await Promise.all(
    pages.map((lines, i) => sharp(Buffer.from(pageSvg(lines, i + 1, pages.length, demoLabel))).jpeg({ quality: 72, mozjpeg: true }).toBuffer()),
  );
  const buffer = pdfFromJpegs(jpegs, title, demoLabel);
  const filepath = tempPath(key, 'pdf');
  await fs.writeFile(filepath, buffer);
  return { filepath, size: buffer.length };
}

/** 1 January 2024 00:00 as MS-DOS date and time, so the same text gives the same bytes. */
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** A ZIP archive (DEFLATE, no data descriptors, entries in the given order). */
export function zipArchive(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    header.writeUInt16LE(20, 6); // version needed
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk number, internal and external attributes stay 0
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, compressed);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A run of text in the house font of Vietnamese administrative documents (Times New Roman, 14 pt). */
const run = (text: string, props = ''): string =>
  `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${props}<w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/**
 * The parts of a minimal WordprocessingML package; [Content_Types].xml first, as readers and file-type expect.
 * Child elements follow the schema's order (spacing, ind, jc; rFonts, b/i, color, sz, lang): Word refuses other orders.
 */
function docxParts(title: string, paragraphs: readonly string[], demoLabel: string): { name: string; data: Buffer }[] {
  const label = `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(demoLabel, '<w:i/><w:color w:val="A00D26"/>')}</w:p>`;
  const body = [
    label,
    `<w:p><w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr>${run(title, '<w:b/>')}</w:p>`,
    ...paragraphs.map((p) => `<w:p><w:pPr><w:spacing w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>${run(p)}</w:p>`),
  ].join('');
  const section =
    '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';
  const files: Record<string, string> = {
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'word/document.xml': `<w:document ${W_NS} xmlns:r="${REL_NS}"><w:body>${body}${section}</w:body></w:document>`,
    'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/header" Target="header1.xml"/></Relationships>`,
    // The label again in the page header, so every printed page carries it.
    'word/header1.xml': `<w:hdr ${W_NS}>${label}</w:hdr>`,
    'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title><dc:subject>${escapeXml(demoLabel)}</dc:subject><dc:language>vi-VN</dc:language></cp:coreProperties>`,
  };
  return Object.entries(files).map(([name, xml]) => ({ name, data: Buffer.from(XML_HEAD + xml, 'utf8') }));
}

/** Writes the text as a DOCX in the temp folder, the demo label on top and in the page header; returns its path and size. */
export async function writeDocx(title: string, paragraphs: string[], demoLabel: string, key: string): Promise<{ filepath: string; size: number }> {
  const buffer = zipArchive(docxParts(title, paragraphs, demoLabel));
  const filepath = tempPath(key, 'docx');
  await fs.writeFile(filepath, buffer);
  return { filepath, size: buffer.length };
}
