/**
 * Amounts as people type them: `240 tỷ`, `240tỷ`, `1,5 tỷ`, `500 triệu`, `20tr`, `300 nghìn`, `300k`,
 * `1 tỷ 200 triệu`, and plain digits with either separator (`20.000.000`, `20,000,000`, `12,5`, `0.5`).
 * The web form and the CLI read money with this one function. The result is exact: unit words shift the
 * decimal point in the digits' text instead of multiplying floats (1,1 tỷ is 1.100.000.000, not …000,0000002).
 */

const UNIT_WORDS: readonly [RegExp, number][] = [
  [/^(tỷ|tỉ|ty|ti|billion|bn|b)$/, 9],
  [/^(triệu|trieu|tr|million|mn|m)$/, 6],
  [/^(nghìn|nghin|ngàn|ngan|k|thousand)$/, 3],
];

const CURRENCY = /(₫|đồng|dong|vnđ|vnd|đ)$/;

/** One `<number> [unit]` part; the number keeps its separators for `digitsOf`. */
const PART = /([0-9][0-9.,]*)\s*([a-zà-ỹđ]*)/gy;

export type AmountResult = { ok: true; value: number } | { ok: false };

/**
 * Splits a typed number into sign-less integer and fraction digits. One kind of separator used once and
 * followed by exactly three digits groups thousands (`20.000`, `20,000`) unless the number carries a unit
 * word (`1.5 tỷ`); both kinds present: the last one is the decimal mark.
 */
function digitsOf(text: string, unitWord: boolean): { whole: string; fraction: string } | null {
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let decimalMark: string | null = null;
  if (dots > 0 && commas > 0) decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const mark = dots === 1 ? '.' : ',';
    const after = text.length - text.indexOf(mark) - 1;
    decimalMark = after === 3 && !unitWord ? null : mark;
  }
  const [wholeText, fraction = ''] = decimalMark === null ? [text] : [text.slice(0, text.lastIndexOf(decimalMark)), text.slice(text.lastIndexOf(decimalMark) + 1)];
  const groups = (wholeText ?? '').split(/[.,]/);
  // Grouping separators stand every three digits: `1.234.567`, never `12.34`.
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0] === '' || groups[0]!.length > 3)) return null;
  if (!/^\d*$/.test(fraction) || (decimalMark !== null && fraction === '')) return null;
  return { whole: groups.join(''), fraction };
}

/** `whole.fraction × 10^shift` as a decimal string, then a number (exact for whole results below 2^53). */
function shifted(whole: string, fraction: string, shift: number): number {
  const padded = fraction.padEnd(shift, '0');
  const intPart = (whole + padded.slice(0, shift)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(shift).replace(/0+$/, '');
  return Number(rest === '' ? intPart : `${intPart}.${rest}`);
}

export function parseAmount(text: string): AmountResult {
  let s = text.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  s = s.replace(CURRENCY, '').trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1).trim();
  }
  if (s === '') return { ok: false };
  let total = 0;
  let parts = 0;
  let lastShift = Infinity;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const start = PART.lastIndex;
    const m = PART.exec(s);
    if (!m || m.index !== start || m[0] === '') return { ok: false };
    const word = m[2]!;
    const unit = word === '' ? null : UNIT_WORDS.find(([re]) => re.test(word));
    if (unit === undefined) return { ok: false };
    const shift = unit === null ? 0 : unit[1];
    // Parts go from large to small units (`1 tỷ 200 triệu`); a bare number only stands alone.
    if (shift >= lastShift || (unit === null && parts > 0)) return { ok: false };
    const digits = digitsOf(m[1]!, unit !== null);
    if (!digits) return { ok: false };
    total += shifted(digits.whole, digits.fraction, shift);
    lastShift = shift;
    parts++;
    while (s[PART.lastIndex] === ' ') PART.lastIndex++;
  }
  const value = sign * total;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** True when the text names a unit (`tỷ`, `triệu`, `k` …), so a form should show the full value it means. */
export function hasUnitWord(text: string): boolean {
  return /[a-zà-ỹđ]/i.test(text.replace(CURRENCY, ''));
}
