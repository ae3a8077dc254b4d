import type { Issue } from '../../core/errors';
import {
  ActualRowValidator,
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
  type ImportedActual,
} from '../../core/import';
import { localDate } from '../../core/period';
import { auditActor, type Actor } from '../actor';
import { importInvalid, openSheet, type Sheet } from '../import/read-sheet';
import type { Store } from '../ports';
import { DEFAULT_TIMEZONE } from './check-in';
import { loadImportLookups } from './import-lookups';
import { writeImportedActuals } from './import-write';

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

/**
 * Imports actuals from a CSV or XLSX file (nhập số liệu thực hiện). Every bad row is reported with row,
 * column and reason; nothing is written when any row is bad unless `skipBadRows`. The writes run in ONE
 * transaction in chunks of ~10,000 rows: a crash leaves all rows or none. Identical rows are `unchanged`,
 * so importing the same file twice changes nothing. A dry run writes and rolls back, so its counts are exact.
 */
export async function importActuals(store: Store, actor: Actor, now: Date, file: ImportFile, options: ImportActualsOptions): Promise<ImportActualsResult> {
  const progress = options.onProgress ?? (() => {});
  const lookups = await loadImportLookups(store, actor);
  const sheet = await openSheet(file.name, file.data);
  const columns = mapColumns(sheet, options.mapping);

  const scan = new FormatScan(columns);
  for (const r of sheet.rows()) {
    scan.add(r.cells);
    if (scan.rows % PROGRESS_EVERY === 0) progress('parse', scan.rows, scan.rows);
  }
  progress('parse', scan.rows, scan.rows);
  const format = scan.result();

  const timezone = (await store.company.get())?.timezone ?? DEFAULT_TIMEZONE;
  const validator = new ActualRowValidator({
    lookups,
    columns,
    headers: sheet.headers,
    decimal: options.decimal ?? format.decimal,
    today: localDate(now, timezone),
    otherDelimiter: sheet.format.delimiter === null ? null : sheet.format.delimiter === ',' ? ';' : ',',
  });
  const issues = new IssueList();
  const good: ImportedActual[] = [];
  let seen = 0;
  for (const r of sheet.rows()) {
    const ok = validator.check(r.row, r.cells, issues);
    if (ok) good.push(ok);
    if (++seen % PROGRESS_EVERY === 0) progress('validate', seen, scan.rows);
  }
  // Blank rows count neither as good nor as bad.
  const rows = good.length + issues.badRows;
  progress('validate', scan.rows, scan.rows);
  if (rows === 0) {
    throw importInvalid([fileIssue('no_rows', 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.', 'The file has a header but no data rows.')]);
  }
  if (issues.total > 0 && !options.skipBadRows) throw importInvalid(issues.items, issues.total);

  const by = { userId: actor.user.id || null, name: actor.user.name };
  const written = await writeImportedActuals(store, by, good, {
    dryRun: options.dryRun,
    onProgress: (done, total) => progress('write', done, total),
    audit: {
      ...auditActor(actor),
      action: 'import',
      entity: 'actual',
      entityId: `file:${file.name}`.slice(0, 200),
      before: null,
      after: { file: file.name, rows, skipped: issues.badRows },
    },
  });
  return {
    dryRun: options.dryRun,
    rows,
    ...written,
    skipped: issues.badRows,
    issues: issues.items,
    issueCount: issues.total,
  };
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
