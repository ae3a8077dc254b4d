/**
 * Numbers as people type them in Vietnamese and English spreadsheets:
 * `1.234.567,89` (decimal comma, `.` thousands) and `1,234,567.89` (decimal point, `,` thousands),
 * with an optional `%` (12,5% → 0.125), spaces, a leading minus and a currency sign (₫, đ, VND).
 */

/** `comma`: 1.234,5 · `dot`: 1,234.5. */
export type DecimalStyle = 'comma' | 'dot';

/** What one cell says about the file's decimal style. */
export type NumberShape =
  | { kind: 'plain' } // 1234, -5 (no separator): the same in both styles
  | { kind: 'decisive'; style: DecimalStyle } // 1.234,5 or 12,5 or 1,234,567 …
  | { kind: 'ambiguous' } // 1.234 or 1,234: a thousands group or three decimals
  | { kind: 'not_a_number' };

export type ParsedNumber =
  | { ok: true; value: number; percent: boolean }
  | { ok: false; reason: 'not_a_number' | 'ambiguous' | 'wrong_style' };

const CURRENCY = /(?:₫|vnđ|vnd|đ)$/i;
const SPACES = /[\s\u00a0\u202f]/g;

export interface CleanedNumber {
  /** '-' or ''. */
  sign: string;
  /** Digits with `.` and `,` only. */
  body: string;
  percent: boolean;
}

/** A number cell without spaces, currency, sign, accounting brackets and `%`; null when what is left is not digits and separators. */
export function cleanNumberText(text: string): CleanedNumber | null {
  let t = text.replace(SPACES, '');
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  } else {
    t = t.replace(CURRENCY, '');
  }
  let sign = '';
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t[0] === '-' ? '-' : '';
    t = t.slice(1);
  } else if (t.startsWith('(') && t.endsWith(')')) {
    // Accounting negatives: (1.234)
    sign = '-';
    t = t.slice(1, -1);
  }
  if (t === '' || !/^[0-9.,]+$/.test(t) || !/[0-9]/.test(t)) return null;
  return { sign, body: t, percent };
}

const count = (s: string, c: string) => s.split(c).length - 1;
/** `1.234.567` with `sep` as thousands separator: groups of exactly three digits after the first. */
const GROUPED_DOT = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(,\d{3})+$/;
const grouped = (s: string, sep: string) => (sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s);

/** Classifies a cell without deciding the file's style. */
export function numberShape(text: string): NumberShape {
  const fast = fastShape(text);
  if (fast !== undefined) return fast;
  const c = cleanNumberText(text);
  return c ? shapeOf(c.body) : { kind: 'not_a_number' };
}

const PLAIN: NumberShape = { kind: 'plain' };
const AMBIGUOUS: NumberShape = { kind: 'ambiguous' };
const NAN: NumberShape = { kind: 'not_a_number' };
const COMMA: NumberShape = { kind: 'decisive', style: 'comma' };
const DOT: NumberShape = { kind: 'decisive', style: 'dot' };

function shapeOf(b: string): NumberShape {
  const dots = count(b, '.');
  const commas = count(b, ',');
  if (dots === 0 && commas === 0) return PLAIN;
  if (dots > 0 && commas > 0) {
    const lastDot = b.lastIndexOf('.');
    const lastComma = b.lastIndexOf(',');
    const style: DecimalStyle = lastComma > lastDot ? 'comma' : 'dot';
    const [int = '', frac = ''] = style === 'comma' ? b.split(',') : b.split('.');
    const thousands = style === 'comma' ? '.' : ',';
    if ((style === 'comma' ? commas : dots) !== 1 || !/^\d+$/.test(frac) || !grouped(int, thousands)) return NAN;
    return style === 'comma' ? COMMA : DOT;
  }
  const sep = dots > 0 ? '.' : ',';
  const n = dots + commas;
  // Several of the same separator: they are thousands separators (1.234.567 → comma style).
  if (n > 1) return grouped(b, sep) ? (sep === '.' ? COMMA : DOT) : NAN;
  const [int = '', frac = ''] = b.split(sep);
  if (int === '' || frac === '') return int === '' && frac !== '' ? (sep === '.' ? DOT : COMMA) : NAN;
  // One separator followed by exactly three digits after 1–3 digits: 1.234 is 1234 or 1,234.
  if (frac.length === 3 && int.length <= 3 && !/^0+$/.test(int)) return AMBIGUOUS;
  return sep === '.' ? DOT : COMMA;
}

/** Parses a cell in the given style (`null` = not decided: ambiguous cells fail). */
export function parseNumberCell(text: string, style: DecimalStyle | null): ParsedNumber {
  // Fast path for the common cells (1234, -5, 12,5, 1.234,56, 12%): a million rows go through here.
  const shape = fastShape(text);
  if (shape !== undefined) {
    if (shape === NAN) return { ok: false, reason: 'not_a_number' };
    if (shape === AMBIGUOUS && style === null) return { ok: false, reason: 'ambiguous' };
    if (shape.kind === 'decisive' && style !== null && shape.style !== style) return { ok: false, reason: 'wrong_style' };
    const use = shape.kind === 'decisive' ? shape.style : (style ?? 'dot');
    const value = fastValue(text, use === 'comma' ? COMMA_CODE : DOT_CODE);
    const percent = fast.percent;
    return { ok: true, value: percent ? value / 100 : value, percent };
  }
  return parseUnusual(text, style);
}

const SIMPLE = /^(-?\d{1,15})(?:([.,])(\d{1,15}))?$/;

/** The regex path, for cells `fastShape` leaves alone (spaces, currency, brackets, more than 15 digits …). */
function parseUnusual(text: string, style: DecimalStyle | null): ParsedNumber {
  const m = SIMPLE.exec(text);
  if (m && (m[2] === undefined || m[3]!.length !== 3 || m[1]!.replace('-', '').length > 3 || /^-?0+$/.test(m[1]!))) {
    if (m[2] === undefined) return { ok: true, value: Number(text), percent: false };
    const cellStyle: DecimalStyle = m[2] === ',' ? 'comma' : 'dot';
    if (style !== null && style !== cellStyle) return { ok: false, reason: 'wrong_style' };
    return { ok: true, value: Number(`${m[1]}.${m[3]}`), percent: false };
  }
  const c = cleanNumberText(text);
  if (!c) return { ok: false, reason: 'not_a_number' };
  const shape = shapeOf(c.body);
  if (shape.kind === 'not_a_number') return { ok: false, reason: 'not_a_number' };
  if (shape.kind === 'ambiguous' && style === null) return { ok: false, reason: 'ambiguous' };
  if (shape.kind === 'decisive' && style !== null && shape.style !== style) return { ok: false, reason: 'wrong_style' };
  const use = shape.kind === 'decisive' ? shape.style : (style ?? 'dot');
  const normalized = use === 'comma' ? c.body.replace(/\./g, '').replace(',', '.') : c.body.replace(/,/g, '');
  const value = Number(`${c.sign}${normalized.startsWith('.') ? `0${normalized}` : normalized}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  return { ok: true, value: c.percent ? value / 100 : value, percent: c.percent };
}

/** Tallies decisive cells; the style with more votes wins, none means undecided. */
export class DecimalVotes {
  comma = 0;
  dot = 0;
  ambiguous = 0;

  add(text: string): void {
    const s = numberShape(text);
    if (s.kind === 'decisive') this[s.style]++;
    else if (s.kind === 'ambiguous') this.ambiguous++;
  }

  decided(): DecimalStyle | null {
    if (this.comma === this.dot) return null;
    return this.comma > this.dot ? 'comma' : 'dot';
  }
}

// ---- Fast path: a char-code loop over plain ASCII cells, no regex, no intermediate strings. ----

const DOT_CODE = 46;
const COMMA_CODE = 44;
const MINUS_CODE = 45;
const PLUS_CODE = 43;
const PERCENT_CODE = 37;
/** Up to 15 digits the value is an exact integer divided by an exact power of ten, so it equals `Number(text)`. */
const MAX_FAST_DIGITS = 15;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Where the last `fastShape` found the number: `text[start, end)` is the body (no sign, no %). */
const fast = { start: 0, end: 0, negative: false, percent: false };

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The shape `clean` + `shapeOf` give, for a cell of ASCII digits, `.` and `,` with an optional leading
 * `-`/`+` and trailing `%`, at most 15 digits; undefined for anything else (the regex path decides).
 * Records the body's bounds and sign in `fast` for `fastValue`.
 */
function fastShape(text: string): NumberShape | undefined {
  let end = text.length;
  let percent = false;
  if (end > 0 && text.charCodeAt(end - 1) === PERCENT_CODE) {
    percent = true;
    end--;
  }
  let start = 0;
  let negative = false;
  if (end > 0) {
    const c = text.charCodeAt(0);
    if (c === MINUS_CODE) {
      negative = true;
      start = 1;
    } else if (c === PLUS_CODE) {
      start = 1;
    }
  }
  let digits = 0;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === DOT_CODE) {
      dots++;
      lastDot = i;
    } else if (c === COMMA_CODE) {
      commas++;
      lastComma = i;
    } else return undefined;
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS) return undefined;
  fast.start = start;
  fast.end = end;
  fast.negative = negative;
  fast.percent = percent;

  if (dots === 0 && commas === 0) return PLAIN;
  if (dots > 0 && commas > 0) {
    // The last separator is the decimal one: exactly one of it, digits after it, grouped thousands before it.
    if (lastComma > lastDot) return commas === 1 && lastComma < end - 1 && groupedRange(text, start, lastComma, DOT_CODE) ? COMMA : NAN;
    return dots === 1 && lastDot < end - 1 && groupedRange(text, start, lastDot, COMMA_CODE) ? DOT : NAN;
  }
  const sepCode = dots > 0 ? DOT_CODE : COMMA_CODE;
  if (dots + commas > 1) return groupedRange(text, start, end, sepCode) ? (sepCode === DOT_CODE ? COMMA : DOT) : NAN;
  const at = dots > 0 ? lastDot : lastComma;
  const intLength = at - start;
  const fracLength = end - at - 1;
  if (intLength === 0 || fracLength === 0) return intLength === 0 && fracLength !== 0 ? (sepCode === DOT_CODE ? DOT : COMMA) : NAN;
  if (fracLength === 3 && intLength <= 3 && !allZeros(text, start, at)) return AMBIGUOUS;
  return sepCode === DOT_CODE ? DOT : COMMA;
}

/** `text[from, to)` matches `^\d{1,3}(<sep>\d{3})+$`. */
function groupedRange(text: string, from: number, to: number, sepCode: number): boolean {
  let i = from;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  if (i === from || i - from > 3 || i === to) return false;
  while (i < to) {
    if (text.charCodeAt(i) !== sepCode || to - i < 4) return false;
    if (!isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) return false;
    i += 4;
  }
  return true;
}

function allZeros(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/** The value of the body `fastShape` just measured, `decimalCode` being the decimal separator (the other is skipped). */
function fastValue(text: string, decimalCode: number): number {
  let mantissa = 0;
  let decimals = 0;
  let inFraction = false;
  for (let i = fast.start; i < fast.end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      if (inFraction) decimals++;
    } else if (c === decimalCode) inFraction = true;
  }
  const value = mantissa / POW10[decimals]!;
  return fast.negative ? -value : value;
}
