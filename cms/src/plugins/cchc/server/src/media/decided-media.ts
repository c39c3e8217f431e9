/**
 * A decided piece's media are part of its decided text: outside the editors, nobody
 * replaces, re-describes or deletes a file that an approved, scheduled or published
 * piece uses (rule: `mayChangeMediaOf` in @cchc/shared). Wraps the upload plugin's
 * service, so every route that reaches it (single, bulk, replace) is covered.
 */
import type { Core } from '@strapi/strapi';
import { DECIDED_MEDIA_MESSAGE, changesAnyMedia, mayChangeMediaOf, type WorkflowState } from '@cchc/shared';
import { ForbiddenError } from '../errors.js';
import { articleVersionsUsingFile } from '../repositories/media-usage.js';
import { currentCaller } from '../workflow/caller.js';

/** The upload service's methods that change a stored file. */
interface FileChanges {
  updateFileInfo: (id: unknown, info: unknown, opts?: unknown) => Promise<unknown>;
  replace: (id: unknown, input: unknown, opts?: unknown) => Promise<unknown>;
  remove: (file: { id?: unknown }) => Promise<unknown>;
}

/** Wraps updateFileInfo, replace and remove of the upload service with the check. */
export function guardDecidedMedia(strapi: Core.Strapi): void {
  const service = strapi.plugin('upload').service('upload') as FileChanges;

  async function check(fileId: unknown): Promise<void> {
    const { caller } = currentCaller(strapi);
    if (changesAnyMedia(caller)) return;
    const rows = await articleVersionsUsingFile(strapi, Number(fileId));
    const pieces = rows.map((r) => ({ state: r.workflowState as WorkflowState, published: r.publishedAt !== null }));
    if (!mayChangeMediaOf(caller, pieces)) throw new ForbiddenError(DECIDED_MEDIA_MESSAGE);
  }

  const { updateFileInfo, replace, remove } = { updateFileInfo: service.updateFileInfo.bind(service), replace: service.replace.bind(service), remove: service.remove.bind(service) };
  service.updateFileInfo = async (id, info, opts) => {
    await check(id);
    return updateFileInfo(id, info, opts);
  };
  service.replace = async (id, input, opts) => {
    await check(id);
    return replace(id, input, opts);
  };
  service.remove = async (file) => {
    await check(file?.id);
    return remove(file);
  };
}
