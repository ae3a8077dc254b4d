import { INTAKE_CODES } from '../actuals/intake';
import { issue, type Issue, type Localized } from '../errors';

/** Problems with the file as a whole: nothing can be imported, whatever `skipBadRows` says. */
export const FILE_ISSUE_CODES = [
  'empty_file',
  'too_large',
  'not_utf8',
  'not_xlsx',
  'csv_syntax',
  'no_header',
  'missing_column',
  'unknown_header',
  'no_rows',
] as const;
export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number];

/** Problems with one row: reading the cells (import only), then the intake rules every entry point shares. */
export const ROW_ISSUE_CODES = [
  'mixed_delimiter',
  'column_count',
  'formula_injection',
  'impossible_date',
  'no_frequency',
  'scope_mismatch',
  'forbidden_scope',
  'ambiguous_number',
  'decimal_conflict',
  ...INTAKE_CODES,
] as const;
export type RowIssueCode = (typeof ROW_ISSUE_CODES)[number];

export function fileIssue(code: FileIssueCode, vi: string, en: string, extra: { row?: number; column?: string } = {}): Issue {
  return issue(extra.column ? `file / ${extra.column}` : 'file', code, vi, en, extra);
}

/**
 * `Dòng 12, cột "Giá trị": …` / `Row 12, column "Value": …`. The column is named as the user's file
 * names it (its header text); a column the file does not have is named by the field's label in each
 * language (`cột "Phòng ban"` / `column "Org unit"`), never by an internal field name.
 */
export function rowIssue(row: number, column: string | Localized, code: RowIssueCode, vi: string, en: string): Issue {
  const name = typeof column === 'string' ? { vi: column, en: column } : column;
  return issue(`row ${row} / ${name.vi}`, code, `Dòng ${row}, cột "${name.vi}": ${vi}`, `Row ${row}, column "${name.en}": ${en}`, { row, column: name.vi });
}

export const MAX_REPORTED_ISSUES = 1000;

/** Collects issues: keeps the first `MAX_REPORTED_ISSUES`, counts all, and the rows they are on. */
export class IssueList {
  readonly items: Issue[] = [];
  total = 0;
  private rows = new Set<number>();
  private fileLevel = false;

  constructor(private readonly cap = MAX_REPORTED_ISSUES) {}

  add(i: Issue): void {
    this.total++;
    if (i.row !== undefined && i.path.startsWith('row ')) this.rows.add(i.row);
    else this.fileLevel = true;
    if (this.items.length < this.cap) this.items.push(i);
  }

  /** Rows with at least one issue. */
  get badRows(): number {
    return this.rows.size;
  }

  /** True when a problem concerns the whole file (header, encoding …). */
  get hasFileIssue(): boolean {
    return this.fileLevel;
  }
}
