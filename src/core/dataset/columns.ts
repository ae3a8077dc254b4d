import { DomainError, issue, type Issue } from '../errors';
import type { ColumnType, DatasetShape } from '../formula';
import type { DatasetColumnInfo, DatasetColumnType, DatasetInfo } from './types';

/** A catalogue identifier as SQL: always quoted (a name could match a keyword), quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** How the formula language sees a dataset column. A datetime compares as a local date-time in the company time zone. */
export function formulaType(type: DatasetColumnType): ColumnType {
  switch (type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    default:
      return type;
  }
}

export function datasetShape(dataset: DatasetInfo): DatasetShape {
  return { columns: dataset.columns.map((c) => ({ name: c.name, type: formulaType(c.type) })) };
}

/**
 * The SQL of a column as measures and filters read it. A datetime (timestamptz) becomes the wall-clock time in
 * the company time zone (`$tz` is the parameter holding the zone), so `order_time >= '2026-02-01'` and the
 * grains mean the company's calendar, whatever the session's time zone.
 */
export function columnSql(column: DatasetColumnInfo, tzParam: string): string {
  const quoted = quoteIdent(column.name);
  return column.type === 'datetime' ? `(${quoted} AT TIME ZONE ${tzParam}::text)` : quoted;
}

/** The company-local calendar date of a date or datetime column. */
export function localDateSql(column: DatasetColumnInfo, tzParam: string): string {
  return column.type === 'datetime' ? `CAST(${columnSql(column, tzParam)} AS date)` : quoteIdent(column.name);
}

/** Looks a column up in the catalogue; an unknown name is an issue naming the columns there are. */
export function findColumn(dataset: DatasetInfo, name: string, path: string, issues: Issue[]): DatasetColumnInfo | null {
  const column = dataset.columns.find((c) => c.name === name);
  if (column) return column;
  const known = dataset.columns.slice(0, 30).map((c) => c.name).join(', ');
  issues.push(
    issue(path, 'UNKNOWN_COLUMN', `Bộ dữ liệu không có cột '${name}'. Các cột: ${known}`, `The dataset has no column '${name}'. Columns: ${known}`),
  );
  return null;
}

export function isDateColumn(column: DatasetColumnInfo): boolean {
  return column.type === 'date' || column.type === 'datetime';
}

/** The one error of a query, cohort or lift request that does not fit the dataset: every problem as an issue. */
export function queryInvalid(issues: Issue[]): DomainError {
  return new DomainError(
    'DATASET_QUERY_INVALID',
    { vi: `Yêu cầu truy vấn không hợp lệ: ${issues[0]!.message.vi}`, en: `The query is not valid: ${issues[0]!.message.en}` },
    { issues },
  );
}
