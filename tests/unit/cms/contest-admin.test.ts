/** The bank import's guard on a ZIP's unpacked size, read from its central directory before anything is unpacked. */
import { Workbook } from 'exceljs';
import { zipSync } from 'fflate';
import { expect, test } from 'vitest';
import { unpackedSize } from '../../../cms/src/plugins/cchc/server/src/services/contest-admin.js';

test('an XLSX unpacks to about what its parts weigh', async () => {
  const workbook = new Workbook();
  workbook.addWorksheet('Câu hỏi').addRow(['Câu hỏi?', 'một', 'A', 'B']);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const size = unpackedSize(file)!;
  expect(size).toBeGreaterThan(file.length);
  expect(size).toBeLessThan(100_000);
});

test('a small ZIP that unpacks to 50 MB is measured before it is opened', () => {
  const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 }));
  expect(bomb.length).toBeLessThan(200_000);
  expect(unpackedSize(bomb)).toBe(50 * 1024 * 1024);
});

test.each([
  ['not a ZIP at all', Buffer.from('không phải tệp xlsx')],
  ['empty', Buffer.alloc(0)],
])('%s is not a ZIP', (_, file) => {
  expect(unpackedSize(file)).toBeNull();
});
