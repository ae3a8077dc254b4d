import type { Cell } from '../../core/import';
import { IMPORT_LIMITS, cellTooLong, columnLetters, fileInvalid, tooManyColumns, tooManyRows } from '../../core/import/limits';
import { decodeXmlText, type XmlHandler } from './xml-scanner';

/** A sheet row as read: its spreadsheet number and its cells (column A first, gaps filled with ''). */
export interface XlsxRow {
  row: number;
  cells: Cell[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** By cell style index: does the style show a date? */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Excel's last row. */
const EXCEL_MAX_ROW = 1_048_576;
/** Escaped text can be longer than the cell it holds (`&amp;` is one character); beyond this it is too long anyway. */
const MAX_RAW_CELL_CHARS = IMPORT_LIMITS.maxCellChars * 8;

/**
 * Turns a worksheet's XML (fed through XmlScanner) into rows, checking the declared dimension before
 * the first row, then each row's number, each cell's column and each text's length as they come.
 * Finished rows wait in `ready` until the reader takes them.
 */
export class SheetRowsHandler implements XmlHandler {
  ready: XlsxRow[] = [];
  done = false;
  capturing = false;

  private inData = false;
  private rowNumber = 0;
  private cells: Cell[] = [];
  private column = 0;
  private type = '';
  private style = 0;
  private raw = '';
  private inInline = false;
  private inPhonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  open(name: string, tag: string): void {
    if (!this.inData) {
      if (name === 'dimension') checkDimension(tag);
      else if (name === 'sheetData') this.inData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = attr(tag, 'r');
        this.rowNumber = r === undefined ? this.rowNumber + 1 : Number(r);
        if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1) throw badXml(`số dòng "${r}"`, `row number "${r}"`);
        if (this.rowNumber > EXCEL_MAX_ROW) throw tooManyRows(this.rowNumber, IMPORT_LIMITS.maxRows, true);
        this.cells = [];
        this.column = 0;
        break;
      }
      case 'c': {
        const ref = attr(tag, 'r');
        this.column = ref === undefined ? this.column + 1 : columnOf(ref);
        this.type = attr(tag, 't') ?? '';
        this.style = Number(attr(tag, 's') ?? 0);
        this.raw = '';
        break;
      }
      case 'v':
        this.capturing = true;
        break;
      case 'is':
        this.inInline = true;
        break;
      case 'rPh':
        this.inPhonetic++;
        break;
      case 't':
        if (this.inInline && this.inPhonetic === 0) this.capturing = true;
        break;
    }
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'v':
      case 't':
        this.capturing = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.inPhonetic--;
        break;
      case 'c':
        this.endCell();
        break;
      case 'row':
        if (this.cells.length > 0) this.ready.push({ row: this.rowNumber, cells: this.cells });
        this.cells = [];
        break;
      case 'sheetData':
        this.done = true;
        break;
    }
  }

  text(raw: string): void {
    this.raw += raw;
    if (this.raw.length > MAX_RAW_CELL_CHARS) throw cellTooLong(this.raw.length, this.at(), false);
  }

  private at() {
    return { row: this.rowNumber, column: columnLetters(this.column) };
  }

  private endCell(): void {
    const value = this.value();
    this.raw = '';
    if (value === '') return;
    if (this.column > IMPORT_LIMITS.maxColumns) throw tooManyColumns(this.column, { row: this.rowNumber });
    if (typeof value === 'string' && value.length > IMPORT_LIMITS.maxCellChars) throw cellTooLong(value.length, this.at());
    while (this.cells.length < this.column - 1) this.cells.push('');
    this.cells[this.column - 1] = value;
  }

  /** Numbers stay numbers, dates become ISO dates, everything else text (formulas give their result). */
  private value(): Cell {
    const raw = this.raw;
    switch (this.type) {
      case 's':
        return this.ctx.sharedStrings[Number(raw)] ?? '';
      case 'inlineStr':
      case 'str':
      case 'e':
        return decodeXmlText(raw);
      case 'b':
        return raw === '1' ? 'true' : raw === '0' ? 'false' : decodeXmlText(raw);
      case 'd':
        return decodeXmlText(raw).slice(0, 10);
    }
    if (raw === '') return '';
    const n = Number(raw);
    if (!Number.isFinite(n)) return decodeXmlText(raw);
    return this.ctx.dateStyles[this.style] ? (serialToIsoDate(n, this.ctx.date1904) ?? n) : n;
  }
}

const attr = (tag: string, name: string) => {
  // Fast path for the attributes Excel writes (` r="A1"`), the general parser otherwise.
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i < 0) return tag.includes(`${name}=`) ? slowAttr(tag, name) : undefined;
  const end = tag.indexOf('"', i + key.length);
  return end < 0 ? undefined : tag.slice(i + key.length, end);
};

function slowAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

const badXml = (vi: string, en: string) => fileInvalid('xml', { vi: `trang tính có ${vi} không hợp lệ.`, en: `the sheet has an invalid ${en}.` });

/** `B12` → 2. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > 16_384) break;
  }
  if (col === 0) throw badXml(`ô "${ref}"`, `cell reference "${ref}"`);
  return col;
}

function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 1;
}

/** `<dimension ref="A1:XFD1048576"/>`: the declared size, refused before any row is read. */
function checkDimension(tag: string): void {
  const ref = attr(tag, 'ref');
  if (!ref) return;
  const [from = ref, to = from] = ref.split(':');
  const columns = columnOf(to) - columnOf(from) + 1;
  if (columns > IMPORT_LIMITS.maxColumns) throw tooManyColumns(columns, { declared: true });
  const rows = rowOf(to) - rowOf(from);
  if (rows > IMPORT_LIMITS.maxRows) throw tooManyRows(rows + 1, IMPORT_LIMITS.maxRows, true);
}

const DAY_MS = 86_400_000;
/** Serial 0 of the 1900 date system is 1899-12-30 (Excel's 1900 leap-year bug included), 25,569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const LAST_SERIAL = 2_958_465; // 9999-12-31

export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  const s = date1904 ? serial + 1462 : serial;
  if (s < 0 || s > LAST_SERIAL) return null;
  return new Date(Math.round((s - UNIX_EPOCH_SERIAL) * DAY_MS)).toISOString().slice(0, 10);
}
