import { isUtf8 } from 'node:buffer';
import ExcelJS from 'exceljs';
import { DomainError, type Issue } from '../../core/errors';
import { CsvSyntaxError, csvRecords, detectDelimiter, fileIssue, type Cell } from '../../core/import';
import { MAX_IMPORT_BYTES } from './read-table';

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

/** A spreadsheet opened for import: the header now, the data rows as often as needed, one at a time. */
export interface Sheet {
  format: SheetFormat;
  headers: string[];
  headerRow: number;
  rows(): Iterable<SheetRow>;
}

export function importInvalid(issues: Issue[], total = issues.length): DomainError {
  return new DomainError(
    'IMPORT_INVALID',
    { vi: `Tệp có ${total.toLocaleString('vi-VN')} lỗi; chưa ghi dữ liệu nào.`, en: `The file has ${total.toLocaleString('en-US')} problem(s); nothing was written.` },
    { issues, params: { total } },
  );
}

const fail = (...issues: Issue[]) => importInvalid(issues);

/**
 * Opens a CSV (UTF-8 with or without BOM, `,` or `;`) or XLSX file. File-level problems (empty, too large,
 * not UTF-8, not a real XLSX, no header) throw `IMPORT_INVALID` with one issue.
 */
export async function openSheet(fileName: string, data: Buffer): Promise<Sheet> {
  if (data.length > MAX_IMPORT_BYTES) {
    throw fail(fileIssue('too_large', `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia nhỏ tệp.`, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`));
  }
  const zip = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (/\.xlsx$/i.test(fileName) || zip) return openXlsx(data);
  if (/\.xls$/i.test(fileName) || (data[0] === 0xd0 && data[1] === 0xcf)) {
    throw fail(fileIssue('not_xlsx', 'Tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy lưu thành .xlsx hoặc CSV UTF-8.', 'Excel 97-2003 (.xls) files are not supported; save as .xlsx or CSV UTF-8.'));
  }
  return openCsv(data);
}

const emptyFile = () => fileIssue('empty_file', 'Tệp rỗng.', 'The file is empty.');

function openCsv(data: Buffer): Sheet {
  if (!isUtf8(data)) {
    throw fail(
      fileIssue('not_utf8', 'Tệp không phải UTF-8 (có thể là Windows-1258 hoặc Latin-1). Hãy lưu lại dưới dạng "CSV UTF-8".', 'The file is not UTF-8 (perhaps Windows-1258 or Latin-1). Save it as "CSV UTF-8".'),
    );
  }
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const text = data.toString('utf8', bom ? 3 : 0);
  if (text.trim() === '') throw fail(emptyFile());
  const delimiter = detectDelimiter(text);
  let header: { line: number; cells: string[] } | undefined;
  try {
    for (const r of csvRecords(text, delimiter)) {
      header = r;
      break;
    }
  } catch (e) {
    throw e instanceof CsvSyntaxError ? fail(syntaxIssue(e)) : e;
  }
  if (!header) throw fail(emptyFile());
  const headerLine = header.line;
  return {
    format: { type: 'csv', delimiter, bom },
    headers: header.cells.map((h) => h.trim()),
    headerRow: headerLine,
    *rows() {
      try {
        for (const r of csvRecords(text, delimiter)) {
          if (r.line === headerLine) continue;
          yield { row: r.line, cells: r.cells };
        }
      } catch (e) {
        throw e instanceof CsvSyntaxError ? fail(syntaxIssue(e)) : e;
      }
    },
  };
}

function syntaxIssue(e: CsvSyntaxError): Issue {
  return e.reason === 'unclosed_quote'
    ? fileIssue('csv_syntax', `Dấu ngoặc kép mở ở dòng ${e.line} không được đóng.`, `The quote opened on line ${e.line} is never closed.`, { row: e.line })
    : fileIssue('csv_syntax', `Dòng ${e.line}: có ký tự ngay sau dấu ngoặc kép đóng.`, `Line ${e.line}: text right after a closing quote.`, { row: e.line });
}

async function openXlsx(data: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fail(fileIssue('not_xlsx', 'Tệp không phải tệp Excel (.xlsx) hợp lệ.', 'The file is not a valid Excel (.xlsx) file.'));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw fail(emptyFile());
  const width = sheet.columnCount;
  const read = (row: ExcelJS.Row): Cell[] => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    return cells;
  };
  let headerRow = 0;
  let headers: string[] = [];
  for (let n = 1; n <= sheet.rowCount && headerRow === 0; n++) {
    const cells = read(sheet.getRow(n));
    if (cells.some((c) => String(c).trim() !== '')) {
      headerRow = n;
      headers = cells.map((c) => String(c).trim());
    }
  }
  if (headerRow === 0) throw fail(emptyFile());
  return {
    format: { type: 'xlsx', delimiter: null, bom: false },
    headers,
    headerRow,
    *rows() {
      for (let n = headerRow + 1; n <= sheet.rowCount; n++) yield { row: n, cells: read(sheet.getRow(n)) };
    },
  };
}

/** Numbers stay numbers, dates become ISO dates, everything else text (formulas give their result). */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const r = (value as { result?: unknown }).result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return typeof r === 'number' ? r : r === undefined || r === null || typeof r === 'object' ? '' : String(r);
    }
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
