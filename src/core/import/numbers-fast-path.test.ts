import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalVotes, numberShape, parseNumberCell, type DecimalStyle, type NumberShape, type ParsedNumber } from './numbers';

/**
 * The char-code fast path of numbers.ts must read every cell exactly as the regex implementation did.
 * `reference` below is that implementation, frozen as it was before the fast path (do not "fix" it).
 */
const reference = (() => {
  const CURRENCY = /(?:₫|vnđ|vnd|đ)$/i;
  const SPACES = /[\s\u00a0\u202f]/g;
  function clean(text: string): { sign: string; body: string; percent: boolean } | null {
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
      sign = '-';
      t = t.slice(1, -1);
    }
    if (t === '' || !/^[0-9.,]+$/.test(t) || !/[0-9]/.test(t)) return null;
    return { sign, body: t, percent };
  }
  const count = (s: string, c: string) => s.split(c).length - 1;
  const GROUPED_DOT = /^\d{1,3}(\.\d{3})+$/;
  const GROUPED_COMMA = /^\d{1,3}(,\d{3})+$/;
  const grouped = (s: string, sep: string) => (sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s);
  function numberShape(text: string): NumberShape {
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
    if (n > 1) return grouped(b, sep) ? (sep === '.' ? COMMA : DOT) : NAN;
    const [int = '', frac = ''] = b.split(sep);
    if (int === '' || frac === '') return int === '' && frac !== '' ? (sep === '.' ? DOT : COMMA) : NAN;
    if (frac.length === 3 && int.length <= 3 && !/^0+$/.test(int)) return AMBIGUOUS;
    return sep === '.' ? DOT : COMMA;
  }
  const SIMPLE = /^(-?\d{1,15})(?:([.,])(\d{1,15}))?$/;
  function parseNumberCell(text: string, style: DecimalStyle | null): ParsedNumber {
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
  return { numberShape, parseNumberCell };
})();

const STYLES: (DecimalStyle | null)[] = [null, 'comma', 'dot'];

/** Same result, and the same number bit for bit (Object.is tells -0 from 0). */
function expectSame(text: string): void {
  expect(numberShape(text), text).toEqual(reference.numberShape(text));
  for (const style of STYLES) {
    const got = parseNumberCell(text, style);
    const want = reference.parseNumberCell(text, style);
    expect(got, `${text} (${style})`).toEqual(want);
    if (got.ok && want.ok) expect(Object.is(got.value, want.value), `${text} (${style}): ${got.value} vs ${want.value}`).toBe(true);
  }
}

const cellOf = (chars: string, maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(''));

describe('the fast number path reads cells exactly as the regex path', () => {
  it('agrees on random strings of digits, separators, signs, %, brackets, currency and spaces', () => {
    fc.assert(
      fc.property(cellOf('0123456789.,-+% ()₫đ', 24), (t) => expectSame(t)),
      { numRuns: 20_000 },
    );
  });

  it('agrees on random plain ASCII cells (the ones the fast path takes)', () => {
    fc.assert(
      fc.property(cellOf('0123456789.,-+%', 20), (t) => expectSame(t)),
      { numRuns: 20_000 },
    );
  });

  it('agrees on cells shaped like real numbers: grouped thousands, decimals, signs, percent', () => {
    const digits = (min: number, max: number) => cellOf('0123456789', max).filter((d) => d.length >= min);
    const shaped = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits(0, 4),
        fc.array(fc.tuple(fc.constantFrom('.', ','), digits(2, 4)), { maxLength: 5 }),
        fc.constantFrom('', '%'),
      )
      .map(([sign, head, groups, pct]) => `${sign}${head}${groups.map(([s, g]) => s + g).join('')}${pct}`);
    fc.assert(
      fc.property(shaped, (t) => expectSame(t)),
      { numRuns: 20_000 },
    );
  });

  it('agrees on hand-picked edge cases', () => {
    for (const t of [
      '', '-', '+', '%', '-%', '.', ',', '.5', ',5', '-.5', '5.', '5,', '-0', '-0,00', '0.000', '000.123', '0,123',
      '1.234', '1,234', '-1.234', '12.345', '123.456', '1234.567', '1.234.567', '1,234,567', '1.234,5', '1,234.5',
      '1.23.456', '1,23.4', '1.2.3,4,5', '12.5%', '12,5%', '-12%', '100%', '999999999999999', '9999999999999999',
      '1234567890.12345', '123456789012.3456', '0.1', '0.3', '1.005', '9007199254740993', '(1.234)', '1 234',
      '5₫', '1.000đ', '1e5', '١٢', '12 %', ' 12', '12.50', '0012', '-0012', '+1,234.5', '1.234.567,891',
    ]) {
      expectSame(t);
    }
  });

  it('DecimalVotes tallies the same as voting with the reference shapes', () => {
    fc.assert(
      fc.property(fc.array(cellOf('0123456789.,-% ', 10), { maxLength: 30 }), (cells) => {
        const v = new DecimalVotes();
        const want = { comma: 0, dot: 0, ambiguous: 0 };
        for (const c of cells) {
          v.add(c);
          const s = reference.numberShape(c);
          if (s.kind === 'decisive') want[s.style]++;
          else if (s.kind === 'ambiguous') want.ambiguous++;
        }
        expect({ comma: v.comma, dot: v.dot, ambiguous: v.ambiguous }).toEqual(want);
      }),
      { numRuns: 2_000 },
    );
  });
});
