import { WORKFLOW_STATE_LABELS, formatLabel, isArticleFormat, type WorkflowState } from '@cchc/shared';

/** A column of the Content Manager's list table, as far as this hook reads it. */
interface Header {
  name: string;
  cellFormatter?: (row: Record<string, unknown>) => string;
  [key: string]: unknown;
}

/**
 * The Content Manager's list-table hook: in a list that has the review state (articles),
 * the state and the format cells show their Vietnamese names instead of stored codes.
 */
export function deskColumns<T extends { displayedHeaders: Header[] }>(args: T): T {
  if (!args.displayedHeaders.some((h) => h.name === 'workflowState')) return args;
  const displayedHeaders = args.displayedHeaders.map((header): Header => {
    if (header.name === 'workflowState') {
      return { ...header, cellFormatter: (row) => WORKFLOW_STATE_LABELS[row['workflowState'] as WorkflowState] ?? String(row['workflowState'] ?? '') };
    }
    if (header.name === 'format') {
      return { ...header, cellFormatter: (row) => (typeof row['format'] === 'string' && isArticleFormat(row['format']) ? formatLabel(row['format']) : String(row['format'] ?? '')) };
    }
    return header;
  });
  return { ...args, displayedHeaders };
}
