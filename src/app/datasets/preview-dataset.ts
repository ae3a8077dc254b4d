import { parseCell } from '../../core/dataset/cells';
import { checkDatasetName } from '../../core/dataset/identifiers';
import { datasetRowIssue } from '../../core/dataset/issues';
import { planImport, type ImportMode } from '../../core/dataset/plan';
import type { DatasetColumnInfo, DatasetInfo } from '../../core/dataset/types';
import { DomainError, type Issue } from '../../core/errors';
import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import { openDatasetFile, type DatasetFile, type DatasetFileFormat, type DatasetFileOptions } from './read-dataset-file';

export const PREVIEW_ROWS = 20;

export interface DatasetPreviewRow {
  row: number;
  /** Values as they would be stored (exact text; null = empty), in column order. */
  values: (string | null)[];
  issues: Issue[];
}

export interface DatasetPreview {
  format: DatasetFileFormat;
  headerRow: number;
  /** The file's columns: identifier, header, inferred type (overrides applied). */
  columns: DatasetColumnInfo[];
  /** The dataset as stored now, when it exists. */
  existing: DatasetInfo | null;
  /** Why the import would be refused as a whole (columns or key that do not fit the dataset). */
  planIssues: Issue[];
  rows: DatasetPreviewRow[];
}

/** What the import screen shows before confirming: format, columns and types, the first rows parsed, problems. */
export async function previewDatasetImport(store: Store, actor: Actor, name: string, file: DatasetFile, options: DatasetFileOptions & { mode: ImportMode; keyColumns?: string[] | undefined }): Promise<DatasetPreview> {
  policy.require(actor, 'dataset.manage', COMPANY);
  checkDatasetName(name);
  const opened = await openDatasetFile(file, options);
  const existing = await store.datasets.get(name);
  let planIssues: Issue[] = [];
  let columns = opened.columns;
  try {
    const plan = planImport(existing, opened.columns, { mode: options.mode, keyColumns: options.keyColumns, overridden: opened.overridden });
    // Appending parses with the stored types.
    if (plan.action === 'append' && existing) columns = opened.columns.map((c) => ({ ...c, type: existing.columns.find((s) => s.name === c.name)!.type }));
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    planIssues = e.issues;
  }
  const rows: DatasetPreviewRow[] = [];
  for await (const r of opened.sheet.rows()) {
    if (rows.length >= PREVIEW_ROWS) break;
    const issues: Issue[] = [];
    const values = columns.map((c, i) => {
      const parsed = parseCell(r.cells[i] ?? '', c.type, opened.cellFormat);
      if (parsed.ok) return parsed.value;
      issues.push(datasetRowIssue(r.row, c.label, c.type, parsed.problem));
      return null;
    });
    rows.push({ row: r.row, values, issues });
  }
  return { format: opened.format, headerRow: opened.sheet.headerRow, columns, existing, planIssues, rows };
}
