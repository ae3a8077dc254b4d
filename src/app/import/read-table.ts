import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors';

export interface Table {
  headers: string[];
  rows: string[][];
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function badFile(vi: string, en: string): DomainError {
  return new DomainError('IMPORT_FILE_INVALID', { vi, en });
}

/** Reads a CSV (UTF-8, with or without BOM, `,` or `;`) or an XLSX file into text cells. */
export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  if (data.length === 0) throw badFile('Tệp rỗng.', 'The file is empty.');
  if (data.length > MAX_IMPORT_BYTES) throw badFile('Tệp lớn hơn 50 MB.', 'The file is larger than 50 MB.');
  const isXlsx = /\.xlsx$/i.test(fileName) || (data[0] === 0x50 && data[1] === 0x4b);
  const table = isXlsx ? await readXlsx(data) : readCsv(data);
  const rows = table.rows.filter((r) => r.some((c) => c.trim() !== ''));
  return { headers: table.headers.map((h) => h.trim()), rows };
}

function readCsv(data: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw badFile('Tệp không phải UTF-8. Hãy lưu lại dưới dạng "CSV UTF-8".', 'The file is not UTF-8. Save it as "CSV UTF-8".');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw badFile(`Không đọc được CSV: ${msg}`, `Cannot read the CSV: ${msg}`);
  }
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

async function readXlsx(data: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badFile('Không đọc được tệp Excel (.xlsx).', 'Cannot read the Excel (.xlsx) file.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('Tệp Excel không có trang tính nào.', 'The Excel file has no worksheet.');
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    all[rowNumber - 1] = cells;
  });
  const dense = Array.from({ length: all.length }, (_, i) => all[i] ?? []);
  const [headers = [], ...rows] = dense;
  return { headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    return '';
  }
  return String(value);
}
