import type { Issue } from '../../core/errors';
import {
  FormatScan,
  IssueList,
  fileIssue,
  resolveColumns,
  suggestMapping,
  FIELD_LABELS,
  type ColumnIndex,
  type ColumnMapping,
  type DecimalStyle,
  type FileFormatGuess,
} from '../../core/import';
import { auditActor, type Actor } from '../actor';
import { importInvalid, openSheet, type Sheet } from '../import/read-sheet';
import type { Store } from '../ports';
import { loadImportLookups } from './import-lookups';
import { rowValidatorFor } from './import-validator';
import { ImportWriter } from './import-write';
import { recomputeFormulas } from './record-actuals';
import { lockedRowIssue, refreshAfterImport, valueLocks } from '../appraisal/results/value-hooks';

export type ImportPhase = 'parse' | 'validate' | 'write';

export interface ImportActualsOptions {
  dryRun: boolean;
  /** Write the good rows and report the bad ones instead of writing nothing. */
  skipBadRows: boolean;
  /** Field → header; missing fields use the suggestion from the headers. */
  mapping?: ColumnMapping | undefined;
  /** Overrides the decimal style learnt from the values. */
  decimal?: DecimalStyle | undefined;
  onProgress?: ((phase: ImportPhase, done: number, total: number) => void) | undefined;
}

export interface ImportActualsResult {
  dryRun: boolean;
  /** Data rows in the file (blank rows not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Bad rows left out (only with skipBadRows). */
  skipped: number;
  /** Formula KPI values recomputed because an input changed. */
  recomputed: number;
  /** The first 1,000 problems; `issueCount` has them all. */
  issues: Issue[];
  issueCount: number;
}

export interface ImportFile {
  name: string;
  data: Buffer;
}

const PROGRESS_EVERY = 10_000;
/** Rows checked between two turns of the event loop: lets chunk writes and other requests go on meanwhile. */
const YIELD_EVERY = 2_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class DryRunRollback extends Error {
  constructor(readonly result: ImportActualsResult) {
    super('dry run: rolled back');
  }
}

/**
 * Imports actuals from a CSV or XLSX file (nhập số liệu thực hiện). A first pass learns the file's number
 * style; the second checks each row and streams the good ones to the database in chunks, in ONE transaction,
 * while the next rows are checked. Every bad row is reported with row, column and reason; with any bad row
 * (unless `skipBadRows`) the transaction is rolled back, so a crash or a bad row leaves all rows or none.
 * Identical rows are `unchanged`, so importing the same file twice changes nothing. A dry run does the
 * same writes and rolls them back, so its counts are exact.
 */
export async function importActuals(store: Store, actor: Actor, now: Date, file: ImportFile, options: ImportActualsOptions): Promise<ImportActualsResult> {
  const progress = options.onProgress ?? (() => {});
  const lookups = await loadImportLookups(store, actor);
  const sheet = await openSheet(file.name, file.data);
  const columns = mapColumns(sheet, options.mapping);

  const scan = new FormatScan(columns);
  for await (const r of sheet.rows()) {
    scan.add(r.cells);
    if (scan.rows % PROGRESS_EVERY === 0) progress('parse', scan.rows, scan.rows);
  }
  progress('parse', scan.rows, scan.rows);
  const format = scan.result();

  const validator = await rowValidatorFor(store, now, sheet, lookups, columns, options.decimal ?? format.decimal);
  const by = { userId: actor.user.id || null, name: actor.user.name };
  const total = scan.rows;
  const locks = await valueLocks(store);
  const periodColumn = sheet.headers[columns.period ?? columns.date ?? 0] ?? '';

  try {
    return await store.transaction(async (tx) => {
      const writer = new ImportWriter(tx, by, (done) => progress('write', done, total));
      try {
        const issues = new IssueList();
        let good = 0;
        let seen = 0;
        for await (const r of sheet.rows()) {
          let ok = validator.check(r.row, r.cells, issues);
          const locked = ok && lockedRowIssue(locks, ok, periodColumn);
          if (locked) {
            issues.add(locked);
            ok = null;
          }
          if (ok) good++;
          if (issues.total > 0 && !options.skipBadRows) writer.discard();
          else if (ok) writer.add(ok);
          if (++seen % YIELD_EVERY === 0) {
            if (seen % PROGRESS_EVERY === 0) progress('validate', seen, total);
            await nextTurn();
          }
        }
        // Blank rows count neither as good nor as bad.
        const rows = good + issues.badRows;
        progress('validate', total, total);
        if (rows === 0) {
          throw importInvalid([fileIssue('no_rows', 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.', 'The file has a header but no data rows.')]);
        }
        if (issues.total > 0 && !options.skipBadRows) throw importInvalid(issues.items, issues.total);

        const counts = await writer.finish();
        const recomputed = await recomputeFormulas(tx, by, writer.kpiIds, writer.slots());
        await refreshAfterImport(tx, writer.slots(), writer.kpiIds);
        const result: ImportActualsResult = {
          dryRun: options.dryRun,
          rows,
          ...counts,
          skipped: issues.badRows,
          recomputed,
          issues: issues.items,
          issueCount: issues.total,
        };
        if (counts.inserted + counts.updated > 0) {
          await tx.audit.record([
            {
              ...auditActor(actor),
              action: 'import',
              entity: 'actual',
              entityId: `file:${file.name}`.slice(0, 200),
              before: null,
              after: { file: file.name, rows, skipped: issues.badRows, ...counts, recomputed },
            },
          ]);
        }
        if (options.dryRun) throw new DryRunRollback(result);
        return result;
      } finally {
        await writer.settle();
      }
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result;
    throw e;
  }
}

/** The mapping given (falling back to the suggestion per field), checked against the headers. */
export function mapColumns(sheet: Pick<Sheet, 'headers' | 'headerRow'>, mapping: ColumnMapping | undefined): ColumnIndex {
  const suggested = suggestMapping(sheet.headers);
  if (!mapping && Object.keys(suggested).length === 0) {
    throw importInvalid([
      fileIssue(
        'no_header',
        `Dòng ${sheet.headerRow} không phải dòng tiêu đề: không nhận ra cột nào (cần Mã KPI, Kỳ hoặc Ngày, Giá trị …).`,
        `Row ${sheet.headerRow} is not a header: no known column (need KPI code, Period or Date, Value …).`,
        { row: sheet.headerRow },
      ),
    ]);
  }
  const resolved = resolveColumns(sheet.headers, { ...suggested, ...mapping });
  if (resolved.ok) return resolved.columns;
  throw importInvalid(
    resolved.problems.map((p) =>
      p.code === 'unknown_header'
        ? fileIssue('unknown_header', `Không có cột "${p.header}" trong tệp (chọn cho ${FIELD_LABELS[p.field].vi}).`, `There is no column "${p.header}" in the file (chosen for ${FIELD_LABELS[p.field].en}).`, { row: sheet.headerRow, column: p.header! })
        : fileIssue('missing_column', `Thiếu cột "${FIELD_LABELS[p.field].vi}".`, `Missing column "${FIELD_LABELS[p.field].en}".`, { row: sheet.headerRow, column: FIELD_LABELS[p.field].vi }),
    ),
  );
}

export type { FileFormatGuess };
