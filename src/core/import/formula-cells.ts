import { numberShape } from './numbers';

/**
 * The one rule for formula-looking cells, for every import and every export (see docs/import.md, "Safety").
 *
 * A text cell is formula-looking when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (after
 * any leading spaces, which imports trim away) and is not a plain number (`-5`, `+1.234,5` are numbers). Imports refuse such cells with a row/column error
 * (`formula_injection`); exports write them with a leading apostrophe, which spreadsheets read as "text".
 * On import, an apostrophe or tab put in front of one of `= + - @` (what exports write to protect a cell)
 * is recognised and removed first, so a protected cell and the same cell unprotected get the same answer.
 */

/** `=`, `+`, `-`, `@`, tab, carriage return. */
function isTrigger(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** `=`, `+`, `-`, `@`: what a protective prefix may stand in front of. */
function isSign(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64;
}

const APOSTROPHE = 39;
const TAB = 9;

const SPACE = 32;
const NBSP = 160;

/** Cheap pre-check (no allocation): only cells starting with a trigger, after spaces, can be formula-looking. */
export function mayBeFormula(text: string): boolean {
  let i = 0;
  let c = text.charCodeAt(0);
  while (c === SPACE || c === NBSP) c = text.charCodeAt(++i);
  return isTrigger(c);
}

/** True when a spreadsheet could run the cell as a formula. */
export function isFormulaCell(text: string): boolean {
  return mayBeFormula(text) && numberShape(text).kind === 'not_a_number';
}

/** Removes the protective `'` or tab an export put in front of `=`, `+`, `-` or `@`; other text is returned as is. */
export function unprotectCell(text: string): string {
  const first = text.charCodeAt(0);
  return (first === APOSTROPHE || first === TAB) && text.length > 1 && isSign(text.charCodeAt(1)) ? text.slice(1) : text;
}

/** The text to write into a CSV/XLSX export: formula-looking text gets a leading apostrophe. */
export function neutralizeForExport(text: string): string {
  return isFormulaCell(text) ? `'${text}` : text;
}

/** The row/column message both imports give for a formula-looking cell. */
export const FORMULA_CELL_MESSAGE = {
  vi: 'ô bắt đầu bằng =, +, -, @ hoặc ký tự điều khiển và không phải số: có thể là công thức độc hại, đã bị từ chối.',
  en: 'the cell starts with =, +, -, @ or a control character and is not a number: a possible formula injection, rejected.',
} as const;
