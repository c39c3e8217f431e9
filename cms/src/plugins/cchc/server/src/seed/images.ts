/**
 * Demo infographics drawn locally: an SVG bar chart (or a poster card) rendered
 * to PNG with sharp, so the seed needs nothing from the network.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { formatNumber } from '@cchc/shared';
import type { SeedArticle } from './schema.js';

const PALETTE = ['#0b5cab', '#c8102e', '#1b7f4b', '#b35c00', '#6a3d9a', '#00707a'];

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Splits a title into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width && line !== '') {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(' ').slice(0, width - 1) + '…'] : lines;
}

/** The SVG of a demo infographic for an article. */
export function infographicSvg(article: SeedArticle, index: number, demoLabel: string): string {
  const W = 1200;
  const H = 800;
  const accent = PALETTE[index % PALETTE.length]!;
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
  const poster = items.length === 0
    ? `<circle cx="${W / 2}" cy="480" r="170" fill="${accent}" opacity="0.15"/><text x="${W / 2}" y="500" font-size="56" font-weight="bold" text-anchor="middle" fill="${accent}">CCHC</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="#f7f4ec"/>
<rect width="${W}" height="190" fill="${accent}"/>
${title}${caption}${bars}${poster}
<text x="${W - 40}" y="${H - 30}" font-size="22" text-anchor="end" fill="#555">${escapeXml(demoLabel)}</text>
</svg>`;
}

/** Renders an SVG to a PNG file in the temp folder and returns its path and size. */
export async function renderPng(svg: string, name: string): Promise<{ filepath: string; size: number }> {
  const filepath = path.join(os.tmpdir(), `cchc-seed-${process.pid}-${name}.png`);
  await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(filepath);
  const { size } = await fs.stat(filepath);
  return { filepath, size };
}
