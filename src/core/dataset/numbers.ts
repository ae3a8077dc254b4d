import { cleanNumberText, type DecimalStyle } from '../import/numbers';

/**
 * Exact numbers for datasets: the cell's digits are moved, never computed, so `1.234.567,5` becomes the
 * string `1234567.5` and is stored as NUMERIC without ever being a float. The canonical form has no leading
 * zeros, no trailing fractional zeros and no `-0`, so the same amount written in any style gives the same text.
 */

/** Digits of a stored number, integer and fractional part together: far beyond money, far below NUMERIC's limit. */
export const MAX_NUMBER_DIGITS = 40;

const DIGITS = /^\d+$/;
const GROUPED = { '.': /^\d{1,3}(?:\.\d{3})+$/, ',': /^\d{1,3}(?:,\d{3})+$/ } as const;

export type ExactNumber = { ok: true; value: string; integer: boolean } | { ok: false; reason: 'not_a_number' | 'too_long' };

const NOT_A_NUMBER = { ok: false, reason: 'not_a_number' } as const;

/**
 * A text cell as an exact decimal in the given style (`comma`: 1.234.567,5 · `dot`: 1,234,567.5). Thousands
 * separators must group by three; a sign, accounting brackets, a trailing `%` (12,5% → 0.125) and a currency
 * suffix (₫, đ, VND) are allowed. A cell written in the other style is not a number here (no guessing per cell).
 */
export function exactNumber(text: string, style: DecimalStyle): ExactNumber {
  const fast = fastCanonical(text, style === 'comma' ? COMMA : DOT);
  if (fast !== null) return fast;
  const cleaned = cleanNumberText(text);
  if (cleaned === null) return NOT_A_NUMBER;
  const { body: t, percent } = cleaned;
  const negative = cleaned.sign === '-';
  const decimal = style === 'comma' ? ',' : '.';
  const thousands = style === 'comma' ? '.' : ',';
  const at = t.indexOf(decimal);
  if (at !== t.lastIndexOf(decimal)) return NOT_A_NUMBER;
  let int = at < 0 ? t : t.slice(0, at);
  const frac = at < 0 ? '' : t.slice(at + 1);
  if (at >= 0 && !DIGITS.test(frac)) return NOT_A_NUMBER;
  if (int.includes(thousands)) {
    if (!GROUPED[thousands].test(int)) return NOT_A_NUMBER;
    int = int.split(thousands).join('');
  } else if (int === '' ? frac === '' : !DIGITS.test(int)) {
    return NOT_A_NUMBER;
  }
  return canonical(negative, int, frac, percent ? 2 : 0);
}

/** A number cell (XLSX) as an exact decimal: its shortest round-trip text, exponent expanded. */
export function exactOfNumber(n: number): ExactNumber {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return NOT_A_NUMBER;
  const exponent = Number(m[4] ?? 0);
  const digits = m[2]! + (m[3] ?? '');
  const point = m[2]!.length + exponent;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  return canonical(m[1] === '-', padded.slice(0, at), padded.slice(at), 0);
}

/** `int.frac` divided by 10^shift, without leading/trailing zeros. */
function canonical(negative: boolean, int: string, frac: string, shift: number): ExactNumber {
  let i = int;
  let f = frac;
  if (shift > 0) {
    const whole = i.padStart(shift + 1, '0');
    f = whole.slice(-shift) + f;
    i = whole.slice(0, -shift);
  }
  i = i.replace(/^0+(?=\d)/, '') || '0';
  f = f.replace(/0+$/, '');
  if (i.replace(/^0$/, '').length + f.length > MAX_NUMBER_DIGITS) return { ok: false, reason: 'too_long' };
  const zero = i === '0' && f === '';
  const value = `${negative && !zero ? '-' : ''}${i}${f ? `.${f}` : ''}`;
  return { ok: true, value, integer: f === '' };
}

const COMMA = 44;
const DOT = 46;
const MINUS = 45;

/**
 * The common cells (`1234`, `-5`, `1234.5` or `1234,5`) without a regex or a temporary string: null for anything
 * else (thousands separators, leading or trailing zeros, signs other than `-`, spaces …), which the full path reads.
 */
function fastCanonical(text: string, decimal: number): ExactNumber | null {
  const n = text.length;
  let i = text.charCodeAt(0) === MINUS ? 1 : 0;
  const start = i;
  let point = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== decimal || point >= 0) return null;
    point = i;
  }
  const digits = n - start - (point >= 0 ? 1 : 0);
  if (digits === 0 || digits > MAX_NUMBER_DIGITS) return null;
  // A leading zero (`007`, `-0`), an empty side (`.5`, `5.`) or a trailing fractional zero (`1.50`): the full path.
  const first = text.charCodeAt(start);
  if ((first === 48 && n - start > 1 && point !== start + 1) || point === start || point === n - 1) return null;
  if (point >= 0 && text.charCodeAt(n - 1) === 48) return null;
  if (start === 1 && n === 2 && first === 48) return null; // -0
  if (point < 0) return { ok: true, value: text, integer: true };
  return { ok: true, value: decimal === DOT ? text : `${text.slice(0, point)}.${text.slice(point + 1)}`, integer: false };
}

const BIGINT_MAX = 9223372036854775807n;

/** True when the canonical integer text fits PostgreSQL's bigint. */
export function fitsBigint(value: string): boolean {
  if (value.length < 19) return true;
  const n = BigInt(value);
  return n <= BIGINT_MAX && n >= -BIGINT_MAX - 1n;
}

/** `007`, `0912345678`: a number with a leading zero is an identifier or a phone number, kept as text by inference. */
export function hasLeadingZero(text: string): boolean {
  return /^[+-]?0\d/.test(text.trim());
}
