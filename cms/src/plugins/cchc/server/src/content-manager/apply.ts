/**
 * Puts the plugin's Vietnamese labels into the Content Manager's configuration at
 * start. A label is written only where it is still the attribute's name (Strapi's
 * default), so what an administrator changed in "Configure the view" is kept.
 */
import type { Core } from '@strapi/strapi';
import { CONTENT_MANAGER_LABELS } from './labels.js';

interface FieldMetadata {
  edit?: { label?: string; description?: string; visible?: boolean; editable?: boolean };
  list?: { label?: string };
}
interface Configuration {
  settings?: { mainField?: string; defaultSortBy?: string; defaultSortOrder?: string };
  metadatas?: Record<string, FieldMetadata>;
  layouts?: { list?: string[]; edit?: Array<Array<{ name: string; size?: number }>> };
}

/** The articles' list as the desk reads it: where each piece is in the review, whose, what, when. */
export const ARTICLE_LIST_COLUMNS = ['title', 'workflowState', 'agency', 'format', 'submittedAt', 'scheduledAt'];
/** Fields only workflow moves write (shared's TRANSITION_ONLY_FIELDS): the workflow panel shows them, the edit form does not. */
const WORKFLOW_OWNED = ['workflowState', 'submittedAt', 'scheduledAt'];
/** Bumped when the layouts below change, so that they are applied once more. */
const ARTICLE_LAYOUT_VERSION = 2;

/**
 * Sets the articles' list columns, and takes the workflow's own fields out of the edit
 * form, once per version (a key in Strapi's store remembers), so that an administrator's
 * later "Configure the view" is kept.
 */
export async function applyArticleLayouts(strapi: Core.Strapi, uid: string): Promise<boolean> {
  const store = strapi.store({ type: 'plugin', name: 'cchc', key: 'article-list-layout' });
  if (((await store.get()) as number | null) === ARTICLE_LAYOUT_VERSION) return false;
  const service = strapi.plugin('content-manager').service('content-types');
  const configuration = (await service.findConfiguration({ uid })) as Configuration;
  const edit = (configuration.layouts?.edit ?? []).map((row) => row.filter((field) => !WORKFLOW_OWNED.includes(field.name))).filter((row) => row.length > 0);
  configuration.layouts = { ...configuration.layouts, list: ARTICLE_LIST_COLUMNS, edit };
  for (const field of WORKFLOW_OWNED) {
    const meta = configuration.metadatas?.[field];
    if (meta?.edit) meta.edit = { ...meta.edit, visible: false, editable: false };
  }
  configuration.settings = { ...configuration.settings, defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' };
  await service.updateConfiguration({ uid }, configuration);
  await store.set({ value: ARTICLE_LAYOUT_VERSION });
  return true;
}

/** Applies the labels; returns how many content types changed. */
export async function applyContentManagerLabels(strapi: Core.Strapi): Promise<number> {
  const service = strapi.plugin('content-manager').service('content-types');
  let changed = 0;
  for (const [uid, labels] of Object.entries(CONTENT_MANAGER_LABELS)) {
    if (!labels || !strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
    const configuration = (await service.findConfiguration({ uid })) as Configuration;
    const metadatas = configuration.metadatas ?? {};
    let dirty = false;
    for (const [field, label] of Object.entries(labels.fields)) {
      const meta = metadatas[field];
      if (!meta) continue;
      const [text, hint] = Array.isArray(label) ? label : [label, undefined];
      if (meta.edit && meta.edit.label === field) {
        meta.edit.label = text;
        if (hint && !meta.edit.description) meta.edit.description = hint;
        dirty = true;
      }
      if (meta.list && meta.list.label === field) {
        meta.list.label = text;
        dirty = true;
      }
    }
    // Strapi picks `id` (or the first string) by default; a named field reads better in pickers.
    if (labels.mainField && configuration.settings && (configuration.settings.mainField === 'id' || configuration.settings.mainField === 'documentId')) {
      configuration.settings.mainField = labels.mainField;
      dirty = true;
    }
    if (dirty) {
      await service.updateConfiguration({ uid }, configuration);
      changed++;
    }
  }
  return changed;
}
