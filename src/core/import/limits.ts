import { DomainError, issue } from '../errors';

/**
 * Bounds of an import file, checked before the work they bound: the upload size before reading,
 * the zip directory before inflating, the declared sheet size before the rows, each row and cell as it is read.
 */
export const IMPORT_LIMITS = {
  /** Upload size (also the multipart limit). About 1.5 million rows of CSV. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Data rows of one sheet (the header row not counted). */
  maxRows: 1_500_000,
  /** Columns of a row, and the declared width of a sheet. */
  maxColumns: 200,
  /** Characters of one cell, as in Excel. */
  maxCellChars: 32_767,
  /** Sum of the uncompressed sizes of an XLSX's zip entries. */
  maxUncompressedBytes: 600 * 1024 * 1024,
  /** Uncompressed ÷ compressed size of one zip entry bigger than `ratioCheckFromBytes`; real sheets stay far below. */
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
  /** Entries in the zip directory of an XLSX (a workbook has a dozen). */
  maxZipEntries: 1_000,
  /** XLSX parts read whole into memory: the shared strings, and the workbook, its relations and styles. */
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxSmallPartBytes: 16 * 1024 * 1024,
} as const;

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number, lang: 'vi' | 'en') => (lang === 'vi' ? vi : en)(Math.ceil(bytes / 1024 / 1024));

const fileError = (code: string, issueCode: string, message: { vi: string; en: string }, params: Record<string, unknown>, at: { row?: number; column?: string } = {}) =>
  new DomainError(code, message, { issues: [issue('file', issueCode, message.vi, message.en, at)], params });

/** The upload itself, or what an XLSX unpacks to, is too big. HTTP 413. */
export function fileTooLarge(what: 'file' | 'unpacked' | 'ratio', found: number, limit: number): DomainError {
  const message =
    what === 'file'
      ? { vi: `Tệp nặng ${mb(found, 'vi')} MB, tối đa ${mb(limit, 'vi')} MB; hãy chia nhỏ tệp.`, en: `The file is ${mb(found, 'en')} MB; at most ${mb(limit, 'en')} MB. Split it.` }
      : what === 'unpacked'
        ? { vi: `Tệp Excel giải nén ra ${mb(found, 'vi')} MB, tối đa ${mb(limit, 'vi')} MB.`, en: `The Excel file unpacks to ${mb(found, 'en')} MB; at most ${mb(limit, 'en')} MB.` }
        : { vi: `Tệp Excel nén ${vi(found)} lần, tối đa ${vi(limit)} lần: đây không phải bảng tính bình thường.`, en: `The Excel file is compressed ${en(found)} to 1; at most ${en(limit)} to 1: not an ordinary spreadsheet.` };
  return fileError('FILE_TOO_LARGE', 'too_large', message, { what, found, limit });
}

/** `found` is the number of columns seen (a declared width, or the cells of row `row`). */
export function tooManyColumns(found: number, at: { row?: number; declared?: boolean } = {}): DomainError {
  const limit = IMPORT_LIMITS.maxColumns;
  const where = at.declared
    ? { vi: 'Trang tính khai báo', en: 'The sheet declares' }
    : { vi: `Dòng ${at.row === undefined ? '?' : vi(at.row)} có`, en: `Row ${at.row === undefined ? '?' : en(at.row)} has` };
  return fileError(
    'TOO_MANY_COLUMNS',
    'too_many_columns',
    { vi: `${where.vi} ${vi(found)} cột, tối đa ${vi(limit)} cột.`, en: `${where.en} ${en(found)} columns; at most ${en(limit)}.` },
    { found, limit },
    at.row === undefined ? {} : { row: at.row },
  );
}

/** `found` is a declared row count, or `limit + 1` when counting stopped there. */
export function tooManyRows(found: number, limit: number = IMPORT_LIMITS.maxRows, declared = false): DomainError {
  const message = declared
    ? { vi: `Trang tính khai báo ${vi(found)} dòng, tối đa ${vi(limit)} dòng dữ liệu.`, en: `The sheet declares ${en(found)} rows; at most ${en(limit)} data rows.` }
    : { vi: `Tệp có hơn ${vi(limit)} dòng dữ liệu (tối đa ${vi(limit)}); hãy chia nhỏ tệp.`, en: `The file has more than ${en(limit)} data rows (at most ${en(limit)}); split it.` };
  return fileError('TOO_MANY_ROWS', 'too_many_rows', message, { found, limit });
}

/** A cell longer than Excel allows; `found` is its length, or where reading stopped when `exact` is false. */
export function cellTooLong(found: number, at: { row?: number; column?: string } = {}, exact = true): DomainError {
  const limit = IMPORT_LIMITS.maxCellChars;
  const where = at.row === undefined ? { vi: 'Một ô', en: 'A cell' } : { vi: `Ô ${at.column ?? ''}${at.row}`, en: `Cell ${at.column ?? ''}${at.row}` };
  const length = exact ? { vi: vi(found), en: en(found) } : { vi: `hơn ${vi(limit)}`, en: `more than ${en(limit)}` };
  return fileError(
    'CELL_TOO_LONG',
    'cell_too_long',
    { vi: `${where.vi} dài ${length.vi} ký tự, tối đa ${vi(limit)}.`, en: `${where.en} is ${length.en} characters long; at most ${en(limit)}.` },
    { found, limit },
    at,
  );
}

/** An XLSX whose zip structure is broken or lies (sizes, offsets, encryption, ZIP64). */
export function fileInvalid(reason: string, detail: { vi: string; en: string }): DomainError {
  return fileError(
    'FILE_INVALID',
    'file_invalid',
    { vi: `Tệp Excel (.xlsx) bị hỏng hoặc không hợp lệ: ${detail.vi}`, en: `The Excel (.xlsx) file is broken or invalid: ${detail.en}` },
    { reason },
  );
}

/** A column number as spreadsheet letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
