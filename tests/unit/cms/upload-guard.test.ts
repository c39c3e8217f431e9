/** Stored names of uploads and WebVTT validation (the plugin's upload guard). */
import { expect, test } from 'vitest';
import { isWebVtt, storedName } from '../../../cms/src/plugins/cchc/server/src/media/upload-guard.js';

test.each([
  ['bao-cao.js', 'text/vtt', 'bao-cao.vtt'],
  ['anh.html', 'image/png', 'anh.png'],
  ['anh', 'image/jpeg', 'anh.jpg'],
  ['x.svg', 'application/pdf', 'x.pdf'],
  ['a.b.c.xml', 'audio/mpeg', 'a.b.c.mp3'],
  ['.htaccess', 'image/webp', 'tep.webp'],
])('%s holding %s is stored as %s', (name, mime, expected) => {
  expect(storedName(name, mime)).toBe(expected);
});

test.each([
  ['WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào', true],
  ['WEBVTT - Phụ đề\n\n1\n00:00:00.000 --> 00:00:02.500 align:start\nDòng một\n\n00:03.000 --> 00:04.000\nDòng hai\n', true],
  ['\uFEFFWEBVTT\r\n\r\nNOTE ghi chú\r\n\r\n00:00.000 --> 00:01.000\r\nx\r\n', true],
  ['WEBVTT\n', false],
  ['WEBVTT\nalert(document.cookie)//\n\nfunction x(){}\n', false],
  ['WEBVTTX\n\n00:00.000 --> 00:01.000\nx', false],
  ['WEBVTT\n\n<script>alert(1)</script>\n', false],
])('isWebVtt(%j) is %s', (text, expected) => {
  expect(isWebVtt(Buffer.from(text))).toBe(expected);
});

test('invalid UTF-8 is not WebVTT', () => {
  expect(isWebVtt(Buffer.concat([Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n'), Buffer.from([0xff, 0xfe])]))).toBe(false);
});
