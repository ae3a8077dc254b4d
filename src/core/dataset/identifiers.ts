import { DomainError, issue } from '../errors';

/** Longest column identifier; PostgreSQL's limit is 63 bytes, and `ds_` + a dataset name stays far below it too. */
export const MAX_IDENTIFIER_LENGTH = 60;

/** A dataset name: what the catalogue's CHECK allows (migration 0009). */
export const DATASET_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * A header as a safe SQL identifier: diacritics removed (đ → d), lower case, every run of other characters
 * one `_`, no `_` at either end. `Order ID` → `order_id`, `Sub-Category` → `sub_category`, `Doanh thu` →
 * `doanh_thu`. A result that does not start with a letter gets `c_` in front (`2025` → `c_2025`); an empty one
 * is named by its position (`column_3`). The header itself is kept as the column's label.
 */
export function identifierOf(header: string, position: number): string {
  const base = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') return `column_${position}`;
  const named = /^[a-z]/.test(base) ? base : `c_${base}`;
  return named.slice(0, MAX_IDENTIFIER_LENGTH).replace(/_+$/, '');
}

export interface NamedColumn {
  name: string;
  label: string;
}

/**
 * The columns of a header row; blank headers at the end (a trailing `;` in an export) are no columns. Two headers that give the same identifier (`Doanh thu` and `doanh-thu`) are
 * refused with DATASET_DUPLICATE_COLUMN naming both, rather than one silently renamed.
 */
export function columnsOfHeaders(headers: readonly string[], headerRow = 1): NamedColumn[] {
  const seen = new Map<string, string>();
  const problems = [];
  const columns: NamedColumn[] = [];
  let width = headers.length;
  while (width > 0 && headers[width - 1]!.trim() === '') width--;
  for (const [i, raw] of headers.slice(0, width).entries()) {
    const label = raw.trim();
    const name = identifierOf(label, i + 1);
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push(
        issue(
          `columns / ${name}`,
          'duplicate_column',
          `Hai cột "${first}" và "${label}" cùng thành tên cột "${name}"; hãy đổi tên một cột.`,
          `The columns "${first}" and "${label}" both become the column name "${name}"; rename one of them.`,
          { row: headerRow, column: label },
        ),
      );
      continue;
    }
    seen.set(name, label);
    columns.push({ name, label });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'DATASET_DUPLICATE_COLUMN',
      { vi: `Dòng tiêu đề có cột trùng tên: ${problems.map((p) => p.message.vi).join(' ')}`, en: `The header row has clashing columns: ${problems.map((p) => p.message.en).join(' ')}` },
      { issues: problems },
    );
  }
  return columns;
}

/** The dataset name check, with a clear error (the name becomes the table `ds_<name>`). */
export function checkDatasetName(name: string): void {
  if (DATASET_NAME.test(name)) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    { vi: 'Tên tập dữ liệu không hợp lệ.', en: 'The dataset name is invalid.' },
    {
      issues: [
        issue(
          'name',
          'invalid_name',
          'Tên tập dữ liệu gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ cái, tối đa 40 ký tự (ví dụ: don_hang).',
          'A dataset name is lower-case letters, digits and underscores, starting with a letter, at most 40 characters (e.g. orders).',
        ),
      ],
    },
  );
}
