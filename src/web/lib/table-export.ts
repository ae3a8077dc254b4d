import { neutralizeForExport } from '../../core/import/formula-cells';

/**
 * Building CSV and XLSX files from what a table shows (docs/exports.md).
 * Pure apart from the lazily loaded exceljs: the same code runs in the browser and in node tests.
 */

/** One cell as a column gives it: text, a number, a yes/no, or nothing. */
export type ExportValue = string | number | boolean | null | undefined;

/** `date`: a calendar date `YYYY-MM-DD`; `datetime`: an ISO instant, shown in the company time zone. */
export type ExportType = 'text' | 'date' | 'datetime';

export interface ExportColumn<Row> {
  title: string;
  value: (row: Row) => ExportValue;
  type?: ExportType | undefined;
}

export interface ExportOptions {
  /** For `datetime` columns; the company's zone. */
  timeZone?: string | undefined;
}

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';
const BOM = '\uFEFF';
const CRLF = '\r\n';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A typed cell, the same for both formats. */
type Cell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'date'; date: Date; time: boolean };

/** A calendar date or a wall-clock time as a Date whose UTC fields are the local ones (how spreadsheets store dates). */
function floatingDate(value: string, type: 'date' | 'datetime', timeZone: string): Date | null {
  const plain = DATE.exec(value);
  if (plain) return new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])));
  if (type === 'date' && !value.includes('T')) return null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), type === 'datetime' ? get('hour') : 0, type === 'datetime' ? get('minute') : 0));
}

function toCell(value: ExportValue, type: ExportType | undefined, timeZone: string): Cell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '✓' : '' };
  if (type === 'date' || type === 'datetime') {
    const date = floatingDate(value, type, timeZone);
    if (date) return { kind: 'date', date, time: type === 'datetime' && !DATE.test(value) };
  }
  return { kind: 'text', text: neutralizeForExport(value.normalize('NFC')) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** dd/mm/yyyy, or dd/mm/yyyy hh:mm. */
function dateText(date: Date, time: boolean): string {
  const day = `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  return time ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}

/** RFC 4180 quoting: a field with a comma, semicolon, quote or line break goes in quotes, quotes doubled. */
export function csvField(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'date':
      return dateText(cell.date, cell.time);
    case 'text':
      return csvField(cell.text);
  }
}

function cellsOf<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[], options: ExportOptions): Cell[][] {
  const zone = options.timeZone ?? DEFAULT_ZONE;
  return rows.map((row) => columns.map((c) => toCell(c.value(row), c.type, zone)));
}

/** The CSV text: UTF-8 byte order mark (Excel then reads Vietnamese correctly), a header row, CRLF line ends. */
export function buildCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[], options: ExportOptions = {}): string {
  const header = columns.map((c) => csvField(neutralizeForExport(c.title))).join(',');
  const body = cellsOf(columns, rows, options).map((cells) => cells.map(csvCell).join(','));
  return BOM + [header, ...body].join(CRLF) + CRLF;
}

/** The XLSX file: one sheet, bold frozen header with filters, numbers as numbers, dates as dates (dd/mm/yyyy). */
export async function buildXlsx<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[], options: ExportOptions & { sheetName?: string } = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetNameOf(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => neutralizeForExport(c.title)));
  sheet.getRow(1).font = { bold: true };
  const widths = columns.map((c) => Math.min(60, Math.max(8, c.title.length + 2)));
  for (const cells of cellsOf(columns, rows, options)) {
    const row = sheet.addRow(cells.map((cell) => (cell.kind === 'empty' ? null : cell.kind === 'text' ? cell.text : cell.kind === 'number' ? cell.value : cell.date)));
    cells.forEach((cell, i) => {
      if (cell.kind === 'date') row.getCell(i + 1).numFmt = cell.time ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
      const length = cell.kind === 'text' ? cell.text.length : cell.kind === 'date' ? 16 : 12;
      widths[i] = Math.min(60, Math.max(widths[i] ?? 8, length + 2));
    });
  }
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters or with `[]:*?/\`. */
function sheetNameOf(name: string | undefined): string {
  const clean = (name ?? 'Sheet1').replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return clean || 'Sheet1';
}

/** Tree rows (`children`) depth first, so an exported tree has every node once. */
export function flattenRows<Row extends object>(rows: readonly Row[], childrenKey = 'children'): Row[] {
  const out: Row[] = [];
  const walk = (list: readonly Row[]): void => {
    for (const row of list) {
      out.push(row);
      const children = (row as Record<string, unknown>)[childrenKey];
      if (Array.isArray(children)) walk(children as Row[]);
    }
  };
  walk(rows);
  return out;
}

/** `kpi-library-2026-12-05.csv`: the table's name and the company's date of the export. */
export function exportFileName(base: string, today: string, extension: 'csv' | 'xlsx'): string {
  const safe = base.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'table';
  return `${safe}-${today}.${extension}`;
}
