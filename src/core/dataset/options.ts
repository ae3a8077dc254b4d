import { DomainError, issue, type Issue } from '../errors';
import { DATE_FORMATS, type DateOrder } from './dates';
import { DATASET_COLUMN_TYPES, type DatasetColumnType } from './types';

const invalid = (issues: Issue[]) => new DomainError('VALIDATION_FAILED', { vi: 'Tùy chọn nhập không hợp lệ.', en: 'The import options are invalid.' }, { issues });

/** `sales=decimal,order_id=text` → { sales: 'decimal', order_id: 'text' } (names as identifiers or as headers). */
export function parseTypeOverrides(text: string): Record<string, DatasetColumnType> {
  const out: Record<string, DatasetColumnType> = Object.create(null) as Record<string, DatasetColumnType>;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const at = part.lastIndexOf('=');
    const column = part.slice(0, Math.max(at, 0)).trim();
    const type = part.slice(at + 1).trim().toLowerCase();
    if (at <= 0 || column === '' || !(DATASET_COLUMN_TYPES as readonly string[]).includes(type)) {
      throw invalid([
        issue(
          'types',
          'invalid_type',
          `"${part.trim()}" không đúng dạng cột=kiểu; kiểu là một trong: ${DATASET_COLUMN_TYPES.join(', ')}.`,
          `"${part.trim()}" is not column=type; the type is one of: ${DATASET_COLUMN_TYPES.join(', ')}.`,
        ),
      ]);
    }
    out[column] = type as DatasetColumnType;
  }
  return out;
}

/** `a,b` → ['a', 'b']. */
export function parseColumnList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `dd/mm/yyyy`, `mm/dd/yyyy`, `yyyy-mm-dd` → the order of a date's parts. */
export function parseDateFormat(text: string): DateOrder {
  const key = text.trim().toLowerCase();
  if (Object.hasOwn(DATE_FORMATS, key)) return DATE_FORMATS[key]!;
  throw invalid([
    issue('dateFormat', 'invalid_date_format', `Định dạng ngày "${text}" không hỗ trợ; dùng dd/mm/yyyy, mm/dd/yyyy hoặc yyyy-mm-dd.`, `Date format "${text}" is not supported; use dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd.`),
  ]);
}

/** The `--decimal` flag names the decimal separator itself: `,` (1.234,5) or `.` (1,234.5). */
export function parseDecimalFlag(text: string): 'comma' | 'dot' {
  const t = text.trim().toLowerCase();
  if (t === ',' || t === 'comma') return 'comma';
  if (t === '.' || t === 'dot') return 'dot';
  throw invalid([issue('decimal', 'invalid_decimal', `Dấu thập phân "${text}" không hỗ trợ; dùng , hoặc .`, `Decimal separator "${text}" is not supported; use , or .`)]);
}
