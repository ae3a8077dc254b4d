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

interface Cleaned {
  sign: string;
  body: string;
  percent: boolean;
}

function clean(text: string): Cleaned | null {
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
  const c = clean(text);
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
const SIMPLE = /^(-?\d{1,15})(?:([.,])(\d{1,15}))?$/;

export function parseNumberCell(text: string, style: DecimalStyle | null): ParsedNumber {
  // Fast path for the common cells (1234, -5, 12,5, 1234.56): a million rows go through here.
  const m = SIMPLE.exec(text);
  if (m && (m[2] === undefined || m[3]!.length !== 3 || m[1]!.replace('-', '').length > 3 || /^-?0+$/.test(m[1]!))) {
    if (m[2] === undefined) return { ok: true, value: Number(text), percent: false };
    const cellStyle: DecimalStyle = m[2] === ',' ? 'comma' : 'dot';
    if (style !== null && style !== cellStyle) return { ok: false, reason: 'wrong_style' };
    return { ok: true, value: Number(`${m[1]}.${m[3]}`), percent: false };
  }
  const c = clean(text);
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
