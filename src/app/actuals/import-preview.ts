import { DomainError, type Issue } from '../../core/errors';
import { FormatScan, IssueList, suggestMapping, type ColumnMapping, type DecimalStyle, type ImportedActual } from '../../core/import';
import type { Actor } from '../actor';
import { openSheet, type SheetFormat } from '../import/read-sheet';
import type { Store } from '../ports';
import type { ImportFile } from './import-actuals';
import { mapColumns } from './import-actuals';
import { loadImportLookups } from './import-lookups';
import { rowValidatorFor } from './import-validator';

export const PREVIEW_ROWS = 20;

export interface PreviewRow {
  row: number;
  cells: string[];
  /** The row as it would be imported, or null when it has problems (see `issues`). */
  actual: (Omit<ImportedActual, 'source' | 'row' | 'kpiId' | 'kind' | 'start' | 'end'> & { kpi: string }) | null;
  issues: Issue[];
}

export interface ImportPreview {
  format: SheetFormat & {
    decimal: DecimalStyle | null;
    /** True when the decimal style comes from the values, false when given or unknown. */
    decimalDetected: boolean;
    dates: 'dmy' | 'iso' | 'mixed' | null;
  };
  headers: string[];
  headerRow: number;
  /** The mapping that would be used: the one given, completed by the suggestion from the headers. */
  mapping: ColumnMapping;
  suggestedMapping: ColumnMapping;
  /** Problems with the mapping (missing required column, unknown header); empty when it is usable. */
  mappingIssues: Issue[];
  totalRows: number;
  rows: PreviewRow[];
}

/** What the mapping screen shows: the detected format, headers, a suggested mapping and the first rows parsed. */
export async function previewActualsImport(
  store: Store,
  actor: Actor,
  now: Date,
  file: ImportFile,
  options: { mapping?: ColumnMapping | undefined; decimal?: DecimalStyle | undefined } = {},
): Promise<ImportPreview> {
  const lookups = await loadImportLookups(store, actor);
  const sheet = await openSheet(file.name, file.data);
  const suggestedMapping = suggestMapping(sheet.headers);
  const mapping = { ...suggestedMapping, ...options.mapping };
  let columns;
  let mappingIssues: Issue[] = [];
  try {
    columns = mapColumns(sheet, options.mapping);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    mappingIssues = e.issues;
  }
  const scan = new FormatScan(columns ?? {});
  for await (const r of sheet.rows()) scan.add(r.cells);
  const guess = scan.result();
  const decimal = options.decimal ?? guess.decimal;

  const rows: PreviewRow[] = [];
  const validator = columns ? await rowValidatorFor(store, now, sheet, lookups, columns, decimal) : null;
  const codeOf = new Map([...lookups.kpis.values()].map((k) => [k.id, k.code]));
  for await (const r of sheet.rows()) {
    if (rows.length >= PREVIEW_ROWS) break;
    const issues = new IssueList();
    const ok = validator?.check(r.row, r.cells, issues) ?? null;
    rows.push({
      row: r.row,
      cells: r.cells.map(String),
      actual: ok && {
        kpi: codeOf.get(ok.kpiId) ?? '',
        period: ok.period,
        scope: ok.scope,
        value: ok.value,
        numerator: ok.numerator,
        denominator: ok.denominator,
        comment: ok.comment,
        late: ok.late,
      },
      issues: issues.items,
    });
  }
  return {
    format: { ...sheet.format, decimal, decimalDetected: !options.decimal && guess.decimal !== null, dates: guess.dates },
    headers: sheet.headers,
    headerRow: sheet.headerRow,
    mapping,
    suggestedMapping,
    mappingIssues,
    totalRows: scan.rows,
    rows,
  };
}
