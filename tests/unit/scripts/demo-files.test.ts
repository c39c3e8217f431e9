/**
 * The demo data set's files (scripts/seed/demo-files.mjs): PDFs carry a text layer a
 * screen reader can read, in Vietnamese; DOCX and WAV files are what they say; and
 * the data folder holds exactly the files its JSON names.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import wavefile from 'wavefile';
import { chimeWav, documentDocx, documentPdf } from '../../../scripts/seed/demo-files.mjs';

const DATA = path.resolve(import.meta.dirname, '../../../cms/seed/demo');
const LABEL = 'Dữ liệu minh hoạ, không phải văn bản thật';
const TEXT = { title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2024', paragraphs: ['Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan hành chính nhà nước.', 'Thủ tục hành chính được công khai, minh bạch; người dân, doanh nghiệp được phục vụ tốt hơn.'] };

/** The text of a PDF as poppler extracts it (what screen readers and search engines read). */
function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `cchc-demo-${process.pid}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is needed to read PDF text layers: apt-get install poppler-utils (.ci/run does)');
    throw error;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('demo files', () => {
  test('a PDF has a Vietnamese text layer: title, paragraphs and the demo label come back out', async () => {
    const text = squeeze(pdfText(await documentPdf(TEXT, LABEL)));
    expect(text).toContain(TEXT.title);
    expect(text).toContain(squeeze(TEXT.paragraphs[1]!));
    expect(text).toContain(LABEL);
  });

  test('the same text gives the same PDF bytes (the committed files change only when the data does)', async () => {
    expect((await documentPdf(TEXT, LABEL)).equals(await documentPdf(TEXT, LABEL))).toBe(true);
  });

  test('a DOCX holds the paragraphs in Word\'s document part, the label in the page header', async () => {
    const parts = unzipSync(new Uint8Array(await documentDocx(TEXT, LABEL)));
    const decode = (name: string) => new TextDecoder().decode(parts[name]);
    expect(decode('word/document.xml')).toContain(TEXT.paragraphs[0]);
    expect(Object.keys(parts).filter((n) => n.startsWith('word/header')).map(decode).join('')).toContain(LABEL);
  });

  test('a chime is a 16 kHz mono 16-bit WAV of three seconds', () => {
    const wav = new wavefile.WaveFile(chimeWav(3));
    const fmt = wav.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number };
    expect([fmt.sampleRate, fmt.numChannels, fmt.bitsPerSample]).toEqual([16_000, 1, 16]);
    expect(wav.getSamples(false, Int16Array).length).toBe(48_000);
  });

  test('the data folder holds every file its JSON names, and nothing else', () => {
    const articles = JSON.parse(fs.readFileSync(path.join(DATA, 'articles.json'), 'utf8')) as Array<{ cover: string | null; attachments: string[] }>;
    const committee = JSON.parse(fs.readFileSync(path.join(DATA, 'committee.json'), 'utf8')) as { documents: Array<{ files: Array<{ name: string }> }> };
    const desk = JSON.parse(fs.readFileSync(path.join(DATA, 'desk.json'), 'utf8')) as { pieces: Array<{ cover?: string }> };
    const named = new Set([
      ...articles.flatMap((a) => [...(a.cover ? [a.cover] : []), ...a.attachments]),
      ...desk.pieces.flatMap((p) => (p.cover ? [p.cover] : [])),
      ...committee.documents.flatMap((d) => d.files.map((f) => `files/${f.name}`)),
    ]);
    const present = new Set(fs.readdirSync(path.join(DATA, 'files')).map((name) => `files/${name}`));
    expect([...named].filter((f) => !present.has(f))).toEqual([]);
    expect([...present].filter((f) => !named.has(f))).toEqual([]);
  });

  test('every committed PDF has a text layer with its document\'s title', () => {
    const committee = JSON.parse(fs.readFileSync(path.join(DATA, 'committee.json'), 'utf8')) as { documents: Array<{ files: Array<{ name: string; title: string }> }> };
    const pdfs = committee.documents.flatMap((d) => d.files).filter((f) => f.name.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const file of pdfs) expect(squeeze(pdfText(fs.readFileSync(path.join(DATA, 'files', file.name)))), file.name).toContain(squeeze(file.title.normalize('NFC')));
  });
});
