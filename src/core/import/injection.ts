import { numberShape } from './numbers';

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A text cell a spreadsheet would run as a formula when the data is exported again (CSV injection):
 * it starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain number (`-5`, `+1.234,5`).
 */
export function isFormulaInjection(text: string): boolean {
  if (text.length === 0 || !TRIGGERS.has(text[0]!)) return false;
  return numberShape(text).kind === 'not_a_number';
}
