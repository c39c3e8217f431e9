/**
 * Citizens' attachments, kept privately: in a folder of the CMS that no route serves
 * (QUESTION_FILES_DIR, by default data/question-files beside the SQLite file), under random
 * names; staff download them through the desk's route, which records each view. The type is
 * read from the content (as for article uploads): JPEG, PNG or PDF only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { QUESTION_ATTACHMENTS } from '@cchc/shared';
import { InvalidInputError } from '../errors.js';
import { sniffType } from './upload-guard.js';

/** An attachment checked and kept: its stored name, the name it was sent with, its type and size. */
export interface KeptFile {
  stored: string;
  name: string;
  mime: string;
  size: number;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'application/pdf': '.pdf' };

/** The private store of attachments in a folder. */
export function createQuestionFiles(dir: string) {
  const pathOf = (stored: string) => {
    // Stored names are ours (hex and an extension): anything else never reaches the file system.
    if (!/^[0-9a-f]{32}\.(jpg|png|pdf)$/.test(stored)) throw new Error(`not a stored attachment name: ${stored}`);
    return path.join(dir, stored);
  };
  /** Deletes stored files (those already gone are no error). */
  const remove = async (stored: readonly string[]): Promise<void> => {
    await Promise.all(stored.map((s) => fs.rm(pathOf(s), { force: true })));
  };
  return {
    /** Checks every file from its content (all before any is kept); a 400 naming the file otherwise. */
    async check(files: ReadonlyArray<{ path: string; name: string; size: number }>): Promise<Array<{ path: string; name: string; size: number; mime: string }>> {
      const checked = [];
      for (const file of files) {
        const handle = await fs.open(file.path, 'r');
        let bytes: Buffer;
        try {
          const buffer = Buffer.alloc(4100);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
          bytes = buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
        const mime = await sniffType(bytes);
        if (!mime || !(QUESTION_ATTACHMENTS.types as readonly string[]).includes(mime)) {
          throw new InvalidInputError(`Nội dung tệp "${file.name}" không phải ảnh JPEG, PNG hay tài liệu PDF (dù tên tệp thế nào); hãy gửi ảnh chụp hoặc bản PDF.`);
        }
        checked.push({ ...file, mime });
      }
      return checked;
    },

    /** Copies checked files into the store under new random names. */
    async keep(files: ReadonlyArray<{ path: string; name: string; size: number; mime: string }>): Promise<KeptFile[]> {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const kept: KeptFile[] = [];
      try {
        for (const file of files) {
          const stored = `${crypto.randomBytes(16).toString('hex')}${EXTENSIONS[file.mime]}`;
          await fs.copyFile(file.path, pathOf(stored));
          // The name staff download it under ends with its real type's extension, whatever it was sent as.
          kept.push({ stored, name: `${file.name.replace(/\.[^.]*$/, '') || 'tep'}${EXTENSIONS[file.mime]}`, mime: file.mime, size: file.size });
        }
      } catch (error) {
        await remove(kept.map((k) => k.stored));
        throw error;
      }
      return kept;
    },

    async read(stored: string): Promise<Buffer> {
      return fs.readFile(pathOf(stored));
    },

    remove,
  };
}

export type QuestionFiles = ReturnType<typeof createQuestionFiles>;
