import type { Cell } from './validate-row';

/** Cheap checks on a row's cells for the validator's hot path (no allocation in the common case). */

/** Every cell empty or spaces (no cells at all too). */
export function isBlank(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c !== 'string') return false;
    // A printable ASCII first character is never trimmed away: no need to trim.
    if (c.length > 0 && isPrintableAscii(c.charCodeAt(0))) return false;
    if (c.trim() !== '') return false;
  }
  return true;
}

const isPrintableAscii = (code: number) => code > 32 && code < 127;

export function anyTextIncludes(cells: readonly Cell[], s: string): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' && c.includes(s)) return true;
  }
  return false;
}

/** A non-blank cell at index `from` or later. */
export function anyFilledFrom(cells: readonly Cell[], from: number): boolean {
  for (let i = from; i < cells.length; i++) {
    const c = cells[i]!;
    if (c !== '' && String(c).trim() !== '') return true;
  }
  return false;
}

/** `s.toUpperCase()`, without building a new string when `s` is ASCII without lower-case letters (codes usually are). */
export function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return s.toUpperCase();
  }
  return s;
}

/** Cheap pre-check for `isFormulaInjection`: only cells starting with =, +, -, @, tab or CR can be one. */
export function mayTrigger(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}
