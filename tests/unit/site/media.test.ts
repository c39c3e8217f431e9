import { describe, expect, test } from 'vitest';
import { articleMedia, captionsSrc, imageDetails } from '../../../site/src/lib/media.js';
import { attachment, cover } from './fixtures.js';

const resolve = (path: string) => `https://media.example.gov.vn${path}`;
const video = attachment({ url: '/uploads/clip_a1.mp4', name: 'clip.mp4', mime: 'video/mp4', kind: 'video' });
const vtt = attachment({ url: '/uploads/phu_de_a1.vtt', name: 'phu-de.vtt', mime: 'text/vtt', kind: 'document' });
const audio = attachment();
const pdf = attachment({ url: '/uploads/loi_a1.pdf', name: 'loi.pdf', mime: 'application/pdf', kind: 'document' });

describe('articleMedia', () => {
  test('picks the video, its captions and every audio file', () => {
    const second = attachment({ url: '/uploads/ban_tin_2.mp3', mime: 'audio/mpeg' });
    expect(articleMedia([pdf, vtt, video, audio, second])).toEqual({ video, captions: vtt, audio: [audio, second] });
  });

  test('finds captions by extension when the MIME type is generic', () => {
    expect(articleMedia([attachment({ url: '/uploads/phu_de.vtt', mime: 'application/octet-stream', kind: 'other' })]).captions).not.toBeNull();
  });

  test('is empty for a piece without media', () => {
    expect(articleMedia([pdf])).toEqual({ video: null, captions: null, audio: [] });
  });
});

describe('captionsSrc', () => {
  test.each([
    ['/uploads/phu_de_a1.vtt', '/video/phu-de/phu_de_a1.vtt'],
    ['/uploads/nested/phu_de.vtt', 'https://media.example.gov.vn/uploads/nested/phu_de.vtt'],
    ['https://cdn.example.com/phu_de.vtt', 'https://cdn.example.com/phu_de.vtt'],
    ['/uploads/..vtt', 'https://media.example.gov.vn/uploads/..vtt'],
  ])('%s → %s', (url, expected) => {
    expect(captionsSrc(attachment({ url, mime: 'text/vtt', kind: 'document' }), (p) => (p.startsWith('http') ? p : resolve(p)))).toBe(expected);
  });
});

describe('captionsSrc with media in a bucket', () => {
  const base = 'https://media.example.vn/cchc-media';
  test.each([
    [`${base}/cchc/phu_de_a1.vtt`, '/video/phu-de/cchc/phu_de_a1.vtt'],
    [`${base}/phu_de_a1.vtt`, '/video/phu-de/phu_de_a1.vtt'],
    // Files uploaded before the move are still the CMS's.
    ['/uploads/phu_de_a1.vtt', '/video/phu-de/phu_de_a1.vtt'],
    // Another host, or a path the site would not fetch, stays where it is.
    ['https://other.example.vn/cchc-media/phu_de.vtt', 'https://other.example.vn/cchc-media/phu_de.vtt'],
    [`${base}-khac/phu_de.vtt`, `${base}-khac/phu_de.vtt`],
    [`${base}/cchc/../phu_de.vtt`, `${base}/cchc/../phu_de.vtt`],
    [`${base}/cchc/phu_de.vtt?x=1`, `${base}/cchc/phu_de.vtt?x=1`],
  ])('%s → %s', (url, expected) => {
    expect(captionsSrc(attachment({ url, mime: 'text/vtt', kind: 'document' }), (p) => (p.startsWith('http') ? p : resolve(p)), base)).toBe(expected);
  });
});

describe('imageDetails', () => {
  test.each([
    [cover, 'PNG, 1200 × 800 px'],
    [{ ...cover, url: '/uploads/pano.jpg', mime: 'image/jpeg', width: null, height: null }, 'JPG'],
  ])('%#: %s', (image, expected) => {
    expect(imageDetails(image)).toBe(expected);
  });
});
