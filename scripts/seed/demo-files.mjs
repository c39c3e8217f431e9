// Writes the demo data set's files (cms/seed/demo/files/): an infographic per article
// that names a cover, a short chime per audio attachment, and each steering document
// as PDF (with a real, searchable text layer in DejaVu Serif, which carries Vietnamese)
// or DOCX. A development tool: the files are committed with the data set, and the CMS
// only uploads what the folder holds (a province's real data set has real files).
// Run `npm run seed-files` after changing articles.json, desk.json or committee.json.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import wavefile from 'wavefile';

const require = createRequire(import.meta.url);
/** DejaVu Serif from the npm registry: a free font with every Vietnamese letter. */
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = { regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'), bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'), italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf') };

/** Every file's date: the same data gives the same bytes. */
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

const PALETTE = ['#0b5cab', '#c8102e', '#1b7f4b', '#b35c00', '#6a3d9a', '#00707a'];
const nfc = (text) => text.normalize('NFC');
const escapeXml = (text) => nfc(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
const formatNumber = (n) => new Intl.NumberFormat('vi-VN').format(n);

/** Splits a title into lines of at most `width` characters, at spaces; the last line ends with … when cut. */
function wrap(text, width, maxLines) {
  const lines = [];
  let line = '';
  for (const word of nfc(text).split(/\s+/)) {
    if (`${line} ${word}`.trim().length > width && line !== '') {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines.slice(maxLines - 1).join(' ').slice(0, width - 1)}…`] : lines;
}

/** A demo infographic: the title, the chart's bars (or a poster card), the demo label. */
export function infographicSvg(article, index, demoLabel) {
  const W = 1200;
  const H = 800;
  const accent = PALETTE[index % PALETTE.length];
  const title = wrap(article.title, 46, 2)
    .map((l, i) => `<text x="60" y="${96 + i * 52}" font-size="42" font-weight="bold" fill="#fff">${escapeXml(l)}</text>`)
    .join('');
  const items = article.chart?.items ?? [];
  const max = Math.max(1, ...items.map((i) => i.value));
  const barW = items.length > 0 ? Math.min(160, (W - 160) / items.length - 30) : 0;
  const bars = items
    .map((item, i) => {
      const h = Math.round((item.value / max) * 360);
      const x = 80 + i * (barW + 30);
      const y = 680 - h;
      return `<rect x="${x}" y="${y}" width="${barW}" height="${h}" rx="8" fill="${accent}"/>
<text x="${x + barW / 2}" y="${y - 14}" font-size="30" font-weight="bold" text-anchor="middle" fill="#1a1a1a">${escapeXml(formatNumber(item.value))}</text>
<text x="${x + barW / 2}" y="720" font-size="24" text-anchor="middle" fill="#333">${escapeXml(item.label.slice(0, 18))}</text>`;
    })
    .join('');
  const caption = article.chart ? `<text x="60" y="250" font-size="28" fill="#333">${escapeXml(article.chart.label.slice(0, 70))}</text>` : '';
  const poster =
    items.length === 0
      ? `<circle cx="${W / 2}" cy="480" r="170" fill="${accent}" opacity="0.15"/><text x="${W / 2}" y="500" font-size="56" font-weight="bold" text-anchor="middle" fill="${accent}">CCHC</text>`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif">
<rect width="${W}" height="${H}" fill="#f7f4ec"/>
<rect width="${W}" height="190" fill="${accent}"/>
${title}${caption}${bars}${poster}
<text x="${W - 40}" y="${H - 30}" font-size="22" text-anchor="end" fill="#555">${escapeXml(demoLabel)}</text>
</svg>`;
}

/** A three-note chime whose pitches vary with `seed`, each note decaying, as 16-bit mono WAV. */
export function chimeWav(seed, seconds = 3) {
  const rate = 16_000;
  const notes = [523.25, 659.25, 783.99].map((f, i) => f * (1 + ((seed + i) % 3) * 0.06));
  const samples = new Int16Array(rate * seconds);
  const noteLength = samples.length / notes.length;
  for (let i = 0; i < samples.length; i++) {
    const note = Math.min(notes.length - 1, Math.floor(i / noteLength));
    const t = (i - note * noteLength) / rate;
    samples[i] = Math.round(Math.sin(2 * Math.PI * notes[note] * t) * Math.exp(-3 * t) * 0.4 * 32767);
  }
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, rate, '16', samples);
  return Buffer.from(wav.toBuffer());
}

/** A document as an A4 PDF with a text layer: demo label on every page, title, justified paragraphs, page numbers. */
export function documentPdf({ title, paragraphs }, demoLabel) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 85, bottom: 70, left: 85, right: 60 },
      lang: 'vi-VN',
      displayTitle: true,
      bufferPages: true,
      info: { Title: nfc(title), Subject: nfc(demoLabel), Producer: 'cchc demo seed', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
    });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', FONT.regular).registerFont('bold', FONT.bold).registerFont('italic', FONT.italic);
    doc.font('bold').fontSize(15).text(nfc(title), { align: 'center' }).moveDown(1);
    for (const paragraph of paragraphs) doc.font('body').fontSize(12).text(nfc(paragraph), { align: 'justify', indent: 28, lineGap: 3, paragraphGap: 6 });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Written inside the margins' band at the top and the foot, so no page is added.
      const { top, bottom } = doc.page.margins;
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      doc.font('italic').fontSize(10).fillColor('#a00d26').text(nfc(demoLabel), 85, 40, { width: doc.page.width - 145, align: 'center' });
      doc.font('body').fontSize(9).fillColor('#555555').text(`${i + 1}/${range.count}`, 85, doc.page.height - 45, { width: doc.page.width - 145, align: 'right' });
      doc.page.margins.top = top;
      doc.page.margins.bottom = bottom;
      doc.fillColor('#000000');
    }
    doc.end();
  });
}

/** A document as DOCX in the house style of Vietnamese administrative documents (Times New Roman 14), the demo label in the page header. */
export function documentDocx({ title, paragraphs }, demoLabel) {
  const font = 'Times New Roman';
  const run = (text, extra = {}) => new TextRun({ text: nfc(text), font, size: 28, language: { value: 'vi-VN' }, ...extra });
  const label = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(demoLabel, { italics: true, color: 'A00D26' })] });
  const document = new Document({
    creator: 'cchc demo seed',
    title: nfc(title),
    subject: nfc(demoLabel),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1701 } } },
        headers: { default: new Header({ children: [label()] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [PageNumber.CURRENT], font, size: 20 })] })] }) },
        children: [
          label(),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(title, { bold: true })] }),
          ...paragraphs.map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: { firstLine: 567 }, children: [run(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A file name inside the data folder's files/ folder, refused when it would leave it. */
function target(dir, relative) {
  const full = path.resolve(dir, relative);
  if (!full.startsWith(path.join(dir, 'files') + path.sep)) throw new Error(`${relative}: demo files must be under files/`);
  return full;
}

/** Generates every file the data set at `dir` names; answers how many of each kind. */
export async function writeDemoFiles(dir) {
  const read = async (file) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
  const [manifest, articles, committee, desk] = await Promise.all([read('manifest.json'), read('articles.json'), read('committee.json'), read('desk.json')]);
  await fs.mkdir(path.join(dir, 'files'), { recursive: true });
  const written = { images: 0, audio: 0, pdf: 0, docx: 0 };
  for (const [index, article] of articles.entries()) {
    if (article.cover) {
      await sharp(Buffer.from(infographicSvg(article, index, manifest.demoNotice))).png({ compressionLevel: 9, palette: true }).toFile(target(dir, article.cover));
      written.images++;
    }
    for (const attachment of article.attachments ?? []) {
      if (!attachment.endsWith('.wav')) continue;
      await fs.writeFile(target(dir, attachment), chimeWav(index));
      written.audio++;
    }
  }
  // The editors' desk's pieces (desk.json) with a cover: a poster card of their own.
  for (const [index, piece] of desk.pieces.entries()) {
    if (!piece.cover) continue;
    await sharp(Buffer.from(infographicSvg(piece, articles.length + index, manifest.demoNotice))).png({ compressionLevel: 9, palette: true }).toFile(target(dir, piece.cover));
    written.images++;
  }
  for (const document of committee.documents) {
    for (const file of document.files) {
      const kind = file.name.endsWith('.docx') ? 'docx' : 'pdf';
      const bytes = kind === 'docx' ? await documentDocx(file, manifest.demoNotice) : await documentPdf(file, manifest.demoNotice);
      await fs.writeFile(target(dir, `files/${file.name}`), bytes);
      written[kind]++;
    }
  }
  return written;
}
