import { parseCell } from '../../core/dataset/cells';
import { checkDatasetName } from '../../core/dataset/identifiers';
import { datasetRowIssue } from '../../core/dataset/issues';
import { planImport, type ImportMode, type ImportPlan } from '../../core/dataset/plan';
import type { DatasetColumnInfo, DatasetInfo } from '../../core/dataset/types';
import type { Issue } from '../../core/errors';
import { fileIssue, IssueList } from '../../core/import';
import { columnLetters } from '../../core/import/limits';
import { auditActor, type Actor } from '../actor';
import { importInvalid } from '../import/read-sheet';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import { BoundKpis, type BoundKpisResult } from '../kpi-binding/after-import';
import { DatasetWriter } from './dataset-writer';
import { injectionPoint } from '../faults/injection-point';
import { openDatasetFile, type DatasetFile, type DatasetFileFormat, type DatasetFileOptions, type OpenedDatasetFile } from './read-dataset-file';

export interface ImportDatasetOptions extends DatasetFileOptions {
  mode: ImportMode;
  /** Columns whose values identify a row: a row whose key is stored replaces it, so nothing is counted twice. */
  keyColumns?: string[] | undefined;
  /** Rows parsed so far and an estimate of all rows (0 when unknown). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ImportDatasetResult {
  dataset: DatasetInfo;
  /** created: a new dataset · replaced: its rows (and columns) replaced · appended. */
  action: 'created' | 'replaced' | 'appended';
  /** Data rows of the file. */
  rows: number;
  inserted: number;
  /** Stored rows replaced by a row with the same key (append with a key). */
  replaced: number;
  format: DatasetFileFormat;
  /** The KPIs bound to this dataset, recomputed for the periods the import touched (docs/kpi-binding.md). */
  kpis: BoundKpisResult;
}

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const YIELD_EVERY = 2_000;
const PROGRESS_EVERY = 10_000;
/** Duplicate keys reported (each with its rows). */
const DUPLICATES_SHOWN = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports a CSV/XLSX file into the dataset `name` (table `ds_<name>`): a new dataset takes the file's columns
 * and inferred types; replace defines it anew; append adds rows, and with a key a row whose key is stored
 * replaces that row. One transaction: any bad row (reported with row and column), a repeated key, or a crash
 * leaves the dataset as it was. See docs/datasets.md.
 */
export async function importDataset(store: Store, actor: Actor, name: string, file: DatasetFile, options: ImportDatasetOptions): Promise<ImportDatasetResult> {
  policy.require(actor, 'dataset.manage', COMPANY);
  checkDatasetName(name);
  const opened = await openDatasetFile(file, options);
  const estimate = estimateRows(file, opened);
  const progress = options.onProgress ?? (() => {});
  const timeZone = (await store.company.get())?.timezone ?? DEFAULT_TIME_ZONE;

  return store.transaction(async (tx) => {
    const existing = await tx.datasets.lock(name);
    const plan = planImport(existing, opened.columns, { mode: options.mode, keyColumns: options.keyColumns, overridden: opened.overridden });
    const dataset = await prepare(tx, plan, existing, { name, label: existing?.label ?? name, columns: opened.columns }, actor);
    if (dataset.columns.some((c) => c.type === 'datetime')) await tx.datasets.useTimeZone(timeZone);
    const bound = await BoundKpis.start(tx, dataset, plan.action, timeZone);
    const keyed = dataset.keyColumns.length > 0;
    if (keyed) await tx.datasets.openStaging(dataset);

    const writer = new DatasetWriter(tx.datasets, dataset, keyed ? 'staging' : 'table');
    let rows: number;
    try {
      rows = await writeRows(opened, dataset, writer, (done) => progress(done, Math.max(estimate, done)));
      await writer.finish();
    } finally {
      await writer.settle();
    }
    let inserted = rows;
    let replaced = 0;
    if (keyed) {
      const duplicates = await tx.datasets.stagedDuplicates(dataset, DUPLICATES_SHOWN);
      if (duplicates.length > 0) throw importInvalid(duplicates.map((rs) => duplicateIssue(dataset, rs)));
      await tx.datasets.index(dataset); // the merge needs the key's unique index
      await bound.beforeMerge(dataset);
      ({ inserted, replaced } = await tx.datasets.merge(dataset));
    }
    const stored = await tx.datasets.finish(dataset);
    const kpis = await bound.finish(stored, { userId: actor.user.id || null, name: actor.user.name });
    progress(rows, rows);
    const action = plan.action === 'define' && !existing ? 'created' : plan.action === 'append' ? 'appended' : 'replaced';
    await tx.audit.record([
      { ...auditActor(actor), action: 'import', entity: 'dataset', entityId: name, before: existing && { rowCount: existing.rowCount }, after: { file: file.name, action, rows, inserted, replaced, rowCount: stored.rowCount } },
    ]);
    await injectionPoint('dataset-import');
    return { dataset: stored, action, rows, inserted, replaced, format: opened.format, kpis };
  });
}

/** Makes the table ready for the rows as the plan says; returns the dataset as it now is. */
async function prepare(tx: Store, plan: ImportPlan, existing: DatasetInfo | null, file: { name: string; label: string; columns: DatasetColumnInfo[] }, actor: Actor): Promise<DatasetInfo> {
  const by = actor.user.id || null;
  switch (plan.action) {
    case 'define':
      return tx.datasets.define({ ...file, keyColumns: plan.keyColumns }, by);
    case 'replace':
      return tx.datasets.define({ ...file, keyColumns: plan.keyColumns }, by);
    case 'append':
      return plan.setKey ? tx.datasets.setKey(existing!, plan.keyColumns) : existing!;
  }
}

/**
 * Parses every row in the dataset's column order and hands the good ones to the writer. Every problem is
 * collected (the first 1,000 kept); after the first one nothing more is written and the import fails.
 */
async function writeRows(opened: OpenedDatasetFile, dataset: DatasetInfo, writer: DatasetWriter, progress: (done: number) => void): Promise<number> {
  const { sheet, cellFormat } = opened;
  // File column index of each dataset column (append may list them in another order).
  const fileIndex = dataset.columns.map((c) => opened.columns.findIndex((f) => f.name === c.name));
  const types = dataset.columns.map((c) => c.type);
  const labels = dataset.columns.map((c, i) => opened.columns[fileIndex[i]!]?.label ?? c.label);
  const isKey = dataset.columns.map((c) => dataset.keyColumns.includes(c.name));
  const width = opened.columns.length;
  const issues = new IssueList();
  const values: (string | null)[] = new Array(types.length).fill(null);
  let rows = 0;
  for await (const r of sheet.rows()) {
    const cells = r.cells;
    if (isBlankRow(cells)) continue;
    rows++;
    const before = issues.total;
    for (let i = width; i < cells.length; i++) {
      if (String(cells[i]).trim() !== '') {
        issues.add(datasetRowIssue(r.row, columnLetters(i + 1), null, 'column_count'));
        break;
      }
    }
    for (let i = 0; i < types.length; i++) {
      const parsed = parseCell(cells[fileIndex[i]!] ?? '', types[i]!, cellFormat);
      if (!parsed.ok) issues.add(datasetRowIssue(r.row, labels[i]!, types[i]!, parsed.problem));
      else if (parsed.value === null && isKey[i]) issues.add(datasetRowIssue(r.row, labels[i]!, types[i]!, 'key_missing'));
      else values[i] = parsed.value;
    }
    if (issues.total > before) writer.discard();
    else writer.add(r.row, values);
    if (rows % YIELD_EVERY === 0) {
      if (rows % PROGRESS_EVERY === 0) progress(rows);
      await writer.drain();
      await nextTurn();
    }
  }
  if (rows === 0) throw importInvalid([fileIssue('no_rows', 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.', 'The file has a header but no data rows.')]);
  if (issues.total > 0) throw importInvalid(issues.items, issues.total);
  return rows;
}

function isBlankRow(cells: readonly (string | number)[]): boolean {
  for (const c of cells) if (typeof c === 'number' || c.trim() !== '') return false;
  return true;
}

function duplicateIssue(dataset: DatasetInfo, rows: number[]): Issue {
  const key = dataset.keyColumns.join(', ');
  const [first, ...others] = rows;
  return datasetRowIssue(others[0]!, key, null, 'duplicate_key', { vi: `(Các dòng ${rows.join(', ')}; dòng đầu: ${first}.)`, en: `(Rows ${rows.join(', ')}; first: ${first}.)` });
}

/** Rows of a CSV counted by its line ends (an upper bound: quoted line breaks count too); XLSX: unknown. */
function estimateRows(file: DatasetFile, opened: OpenedDatasetFile): number {
  if (opened.format.type !== 'csv') return 0;
  let lines = 0;
  for (let at = file.data.indexOf(10); at >= 0; at = file.data.indexOf(10, at + 1)) lines++;
  return Math.max(lines - opened.sheet.headerRow + 1, 0);
}
