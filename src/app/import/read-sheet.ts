import { isUtf8 } from 'node:buffer';
import { DomainError, type Issue } from '../../core/errors';
import { CsvSyntaxError, csvRecords, detectDelimiter, fileIssue, type Cell } from '../../core/import';
import { unprotectCell } from '../../core/import/formula-cells';
import { IMPORT_LIMITS, fileTooLarge, tooManyRows } from '../../core/import/limits';
import { openXlsx, type XlsxSheet } from './open-xlsx';
import { Turns } from './turns';
import { looksLikeZip } from './zip-directory';

export interface SheetFormat {
  type: 'csv' | 'xlsx';
  /** CSV only. */
  delimiter: ',' | ';' | null;
  bom: boolean;
}

export interface SheetRow {
  /** Spreadsheet row number (the header is usually row 1). */
  row: number;
  cells: Cell[];
}

/** A spreadsheet opened for import: the header now, the data rows as often as needed, streamed. */
export interface Sheet {
  format: SheetFormat;
  headers: string[];
  headerRow: number;
  /**
   * The data rows, read again on each call. Throws TOO_MANY_ROWS past `maxRows` data rows (default
   * IMPORT_LIMITS.maxRows) and hands the event loop back regularly while it reads.
   */
  rows(maxRows?: number): AsyncGenerator<SheetRow>;
}

export function importInvalid(issues: Issue[], total = issues.length): DomainError {
  return new DomainError(
    'IMPORT_INVALID',
    { vi: `Tệp có ${total.toLocaleString('vi-VN')} lỗi; chưa ghi dữ liệu nào.`, en: `The file has ${total.toLocaleString('en-US')} problem(s); nothing was written.` },
    { issues, params: { total } },
  );
}

const fail = (...issues: Issue[]) => importInvalid(issues);
const notXlsx = () => fail(fileIssue('not_xlsx', 'Tệp không phải tệp Excel (.xlsx) hợp lệ.', 'The file is not a valid Excel (.xlsx) file.'));
const emptyFile = () => fileIssue('empty_file', 'Tệp rỗng.', 'The file is empty.');

/**
 * Opens a CSV (UTF-8 with or without BOM, `,` or `;`) or XLSX file within IMPORT_LIMITS (see
 * docs/import.md). Bounds throw FILE_TOO_LARGE, TOO_MANY_COLUMNS, TOO_MANY_ROWS, CELL_TOO_LONG or
 * FILE_INVALID; other file-level problems (empty, not UTF-8, not a real XLSX, no header) throw
 * `IMPORT_INVALID` with one issue. Text cells come with an export's protective prefix removed (unprotectCell).
 */
export async function openSheet(fileName: string, data: Buffer, options: { delimiter?: ',' | ';' | undefined } = {}): Promise<Sheet> {
  if (data.length > IMPORT_LIMITS.maxFileBytes) throw fileTooLarge('file', data.length, IMPORT_LIMITS.maxFileBytes);
  const zipHeader = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (/\.xlsx$/i.test(fileName) || zipHeader) {
    if (!looksLikeZip(data)) throw notXlsx();
    const xlsx = await openXlsx(data);
    if (!xlsx) throw notXlsx();
    return sheetOf({ type: 'xlsx', delimiter: null, bom: false }, xlsx.rows);
  }
  if (/\.xls$/i.test(fileName) || (data[0] === 0xd0 && data[1] === 0xcf)) {
    throw fail(fileIssue('not_xlsx', 'Tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy lưu thành .xlsx hoặc CSV UTF-8.', 'Excel 97-2003 (.xls) files are not supported; save as .xlsx or CSV UTF-8.'));
  }
  return openCsv(data, options.delimiter);
}

/** `delimiter` overrides the detection (a `--delimiter` flag). */
async function openCsv(data: Buffer, given?: ',' | ';'): Promise<Sheet> {
  if (!isUtf8(data)) {
    throw fail(
      fileIssue('not_utf8', 'Tệp không phải UTF-8 (có thể là Windows-1258 hoặc Latin-1). Hãy lưu lại dưới dạng "CSV UTF-8".', 'The file is not UTF-8 (perhaps Windows-1258 or Latin-1). Save it as "CSV UTF-8".'),
    );
  }
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const text = data.toString('utf8', bom ? 3 : 0);
  if (text.trim() === '') throw fail(emptyFile());
  const delimiter = given ?? detectDelimiter(text);
  async function* records(): AsyncGenerator<SheetRow> {
    try {
      for (const r of csvRecords(text, delimiter)) yield { row: r.line, cells: r.cells };
    } catch (e) {
      throw e instanceof CsvSyntaxError ? fail(syntaxIssue(e)) : e;
    }
  }
  return sheetOf({ type: 'csv', delimiter, bom }, records);
}

/** The header is the first row with a non-blank cell; the rows after it are the data. */
async function sheetOf(format: SheetFormat, read: XlsxSheet['rows']): Promise<Sheet> {
  let header: SheetRow | undefined;
  for await (const r of read()) {
    if (r.cells.some((c) => String(c).trim() !== '')) {
      header = r;
      break;
    }
  }
  if (!header) throw fail(emptyFile());
  const headerRow = header.row;
  return {
    format,
    headers: header.cells.map((h) => String(h).trim()),
    headerRow,
    async *rows(maxRows: number = IMPORT_LIMITS.maxRows) {
      const turns = new Turns();
      let count = 0;
      for await (const r of read()) {
        if (r.row <= headerRow) continue;
        if (++count > maxRows) throw tooManyRows(count, maxRows);
        unprotectCells(r.cells);
        yield r;
        if ((count & 255) === 0) await turns.maybeYield();
      }
    },
  };
}

function unprotectCells(cells: Cell[]): void {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' && (c.charCodeAt(0) === 39 || c.charCodeAt(0) === 9)) cells[i] = unprotectCell(c);
  }
}

function syntaxIssue(e: CsvSyntaxError): Issue {
  return e.reason === 'unclosed_quote'
    ? fileIssue('csv_syntax', `Dấu ngoặc kép mở ở dòng ${e.line} không được đóng.`, `The quote opened on line ${e.line} is never closed.`, { row: e.line })
    : fileIssue('csv_syntax', `Dòng ${e.line}: có ký tự ngay sau dấu ngoặc kép đóng.`, `Line ${e.line}: text right after a closing quote.`, { row: e.line });
}
