import type { DecimalStyle } from '../import/numbers';
import { isFormulaCell } from '../import/formula-cells';
import type { Cell } from '../import/validate-row';
import { parseDateTime, type DateOrder } from './dates';
import { exactNumber, exactOfNumber, fitsBigint } from './numbers';
import type { DatasetColumnType } from './types';

/** How the file writes numbers and dates: detected from the file, or given by flags. */
export interface CellFormat {
  decimal: DecimalStyle;
  dates: DateOrder;
}

export type CellProblem =
  | 'not_integer'
  | 'integer_range'
  | 'not_decimal'
  | 'number_too_long'
  | 'not_date'
  | 'impossible_date'
  | 'not_datetime'
  | 'not_boolean'
  | 'formula_injection'
  | 'invalid_text';

/** The value as PostgreSQL reads it in COPY (canonical text), null for an empty cell, or the problem. */
export type ParsedCell = { ok: true; value: string | null } | { ok: false; problem: CellProblem };

const EMPTY: ParsedCell = { ok: true, value: null };
const TRUE: ParsedCell = { ok: true, value: 't' };
const FALSE: ParsedCell = { ok: true, value: 'f' };
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const fail = (problem: CellProblem): ParsedCell => ({ ok: false, problem });

/** Spellings of true and false (compared in lower case, Vietnamese with and without diacritics). */
export const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true, false: false, yes: true, no: false, y: true, n: false, t: true, f: false,
  'có': true, co: true, 'không': false, khong: false, 'đúng': true, dung: true, sai: false,
  '1': true, '0': false,
};

/**
 * One cell as a value of the column's type. Blank cells are empty (NULL) in every type. Numbers stay exact
 * text; dates become ISO; datetimes `YYYY-MM-DD HH:MM:SS` with the file's offset if it gave one.
 */
export function parseCell(cell: Cell, type: DatasetColumnType, format: CellFormat): ParsedCell {
  if (typeof cell === 'number') return parseNumberCell(cell, type);
  if (type === 'text') return parseText(cell);
  const text = cell.trim();
  if (text === '') return EMPTY;
  switch (type) {
    case 'integer': {
      const n = exactNumber(text, format.decimal);
      if (!n.ok) return fail(n.reason === 'too_long' ? 'integer_range' : 'not_integer');
      if (!n.integer) return fail('not_integer');
      return fitsBigint(n.value) ? { ok: true, value: n.value } : fail('integer_range');
    }
    case 'decimal': {
      const n = exactNumber(text, format.decimal);
      return n.ok ? { ok: true, value: n.value } : fail(n.reason === 'too_long' ? 'number_too_long' : 'not_decimal');
    }
    case 'date':
      return parseDateCached(text, format);
    case 'datetime': {
      const d = parseDateTime(text, format.dates);
      if (!d.ok) return fail(d.reason === 'impossible_date' ? 'impossible_date' : 'not_datetime');
      return { ok: true, value: `${d.date} ${d.time ?? '00:00:00'}` };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (!Object.hasOwn(BOOLEAN_WORDS, word)) return fail('not_boolean');
      return BOOLEAN_WORDS[word] ? TRUE : FALSE;
    }
  }
}

/** A file has few distinct dates (two years of orders: 730): each is parsed once per format. */
const DATE_CACHE = new WeakMap<CellFormat, Map<string, ParsedCell>>();
const DATE_CACHE_SIZE = 10_000;

function parseDateCached(text: string, format: CellFormat): ParsedCell {
  let cache = DATE_CACHE.get(format);
  if (!cache) DATE_CACHE.set(format, (cache = new Map()));
  let parsed = cache.get(text);
  if (parsed === undefined) {
    const d = parseDateTime(text, format.dates);
    parsed = !d.ok ? fail(d.reason === 'impossible_date' ? 'impossible_date' : 'not_date') : d.time === null ? { ok: true, value: d.date } : fail('not_date');
    if (cache.size >= DATE_CACHE_SIZE) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

/** Text is kept as written, except that it may not be a formula (see core/import/formula-cells.ts) or hold NUL. */
function parseText(text: string): ParsedCell {
  if (text.trim() === '') return EMPTY;
  if (isFormulaCell(text)) return fail('formula_injection');
  if (text.includes('\0') || LONE_SURROGATE.test(text)) return fail('invalid_text');
  return { ok: true, value: text };
}

/** An XLSX number cell (dates already came as ISO text). */
function parseNumberCell(n: number, type: DatasetColumnType): ParsedCell {
  const exact = exactOfNumber(n);
  switch (type) {
    case 'text':
      return { ok: true, value: String(n) };
    case 'integer':
      if (!exact.ok || !exact.integer) return fail('not_integer');
      return Number.isSafeInteger(n) ? { ok: true, value: exact.value } : fail('integer_range');
    case 'decimal':
      return exact.ok ? { ok: true, value: exact.value } : fail(exact.reason === 'too_long' ? 'number_too_long' : 'not_decimal');
    case 'boolean':
      return n === 1 ? TRUE : n === 0 ? FALSE : fail('not_boolean');
    case 'date':
      return fail('not_date');
    case 'datetime':
      return fail('not_datetime');
  }
}
