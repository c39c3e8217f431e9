// Folders of the repository, resolved once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.cache');
export const CMS = path.join(ROOT, 'cms');
export const SITE = path.join(ROOT, 'site');
export const SHARED = path.join(ROOT, 'shared');
export const PLUGIN = path.join(CMS, 'src', 'plugins', 'cchc');
