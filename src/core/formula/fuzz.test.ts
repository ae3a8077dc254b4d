import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tryCompileMeasureSql } from './compile-sql';
import { evaluate } from './evaluate';
import { FORMULA_LIMITS } from './limits';
import { parse } from './parser';

const numRuns = Number(process.env.FUZZ_RUNS ?? 10_000);

const soup = fc
  .array(
    fc.constantFrom(
      '(', ')', '[', ']', '[REV]', '[A]', '[rev]', '"', '"West"', ',', '+', '-', '*', '/', '^', '=', '<>', '<=', '>', '!',
      ' ', '\n', '\r\n', '\t', '1', '0', '.', '1e308', '2.5e-3', 'e', 'if(', 'min(', 'round(', 'coalesce(', 'sum(', 'count()',
      'sales', 'where', 'and', 'OR', 'not', 'NOT', 'x_1', 'Đơn', '😀', '\u0000', '\uD800', '\u200B', 'tổng',
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

const nesting = fc
  .tuple(fc.integer({ min: 0, max: 3_000 }), fc.constantFrom(['(', ')'], ['abs(', ')'], ['-', ''], ['not ', ''], ['[A]^', ''], ['if(1<2,', ',0)']))
  .map(([n, [open, close]]) => `${open.repeat(n)}1${close.repeat(n)}`);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  soup,
  nesting,
  fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '1', '+'), minLength: 9_990, maxLength: 10_020 }),
);

describe('fuzz: any text', () => {
  it('parse never throws, stays within its limits, and what parses evaluates and compiles without throwing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const started = performance.now();
        const result = parse(text);
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(500);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.length).toBeLessThanOrEqual(FORMULA_LIMITS.maxErrors + 1);
          for (const error of result.errors) {
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.column).toBeGreaterThanOrEqual(1);
            expect(error.message.vi.length).toBeGreaterThan(0);
            expect(error.message.en.length).toBeGreaterThan(0);
          }
          if (text.length > FORMULA_LIMITS.maxLength) expect(result.errors[0]!.code).toBe('FORMULA_TOO_LONG');
          return;
        }
        const value = evaluate(result.ast, { REV: 5, A: 2 });
        if (value.ok) expect(Number.isFinite(value.value)).toBe(true);
        else expect(value.reason.message.en.length).toBeGreaterThan(0);
        tryCompileMeasureSql(result.ast, { columns: [{ name: 'sales', type: 'number' }] }, (n) => `"${n}"`);
      }),
      { numRuns },
    );
  });
});

// ── valid arithmetic, with a reference value computed by the generator itself ──

type Tree =
  | { k: 'num'; v: number }
  | { k: 'ref'; code: string }
  | { k: 'paren'; x: Tree }
  | { k: 'neg'; x: Tree }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; l: Tree; r: Tree }
  | { k: 'fn'; fn: 'min' | 'max' | 'coalesce'; args: Tree[] }
  | { k: 'abs'; x: Tree }
  | { k: 'if'; cmp: '<' | '<=' | '>' | '>=' | '=' | '!='; a: Tree; b: Tree; then: Tree; else: Tree };

const VALUES: Record<string, number> = { A: 3, B: 0, C: -2.5, D: 1e300, E: 0.1 };

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc.record({
      k: fc.constant('num' as const),
      v: fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true }).map(Math.abs), fc.constantFrom(0, 0.5, 1e-7, 240e9)),
    }),
    fc.record({ k: fc.constant('ref' as const), code: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'Z') }),
    fc.record({ k: fc.constant('paren' as const), x: tie('tree') }),
    fc.record({ k: fc.constant('neg' as const), x: tie('tree') }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*', '/', '^'), l: tie('tree'), r: tie('tree') }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*', '/'), l: tie('tree'), r: tie('tree') }),
    fc.record({
      k: fc.constant('fn' as const),
      fn: fc.constantFrom('min', 'max', 'coalesce'),
      args: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ k: fc.constant('abs' as const), x: tie('tree') }),
    fc.record({
      k: fc.constant('if' as const),
      cmp: fc.constantFrom('<', '<=', '>', '>=', '=', '!='),
      a: tie('tree'),
      b: tie('tree'),
      then: tie('tree'),
      else: tie('tree'),
    }),
  ) as fc.Arbitrary<Tree>,
}));

/** Reference semantics: null is "no value"; any non-finite intermediate result is no value. */
function reference(t: Tree): number | null {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  switch (t.k) {
    case 'num':
      return t.v;
    case 'ref':
      return VALUES[t.code] ?? null;
    case 'paren':
      return reference(t.x);
    case 'neg': {
      const x = reference(t.x);
      return x === null ? null : -x;
    }
    case 'abs': {
      const x = reference(t.x);
      return x === null ? null : Math.abs(x);
    }
    case 'bin': {
      const l = reference(t.l);
      if (l === null) return null;
      const r = reference(t.r);
      if (r === null) return null;
      if (t.op === '+') return finite(l + r);
      if (t.op === '-') return finite(l - r);
      if (t.op === '*') return finite(l * r);
      if (t.op === '/') return r === 0 ? null : finite(l / r);
      return finite(Math.pow(l, r));
    }
    case 'fn': {
      const values = [];
      for (const arg of t.args) {
        const v = reference(arg);
        if (t.fn === 'coalesce') {
          if (v !== null) return v;
          continue;
        }
        if (v === null) return null;
        values.push(v);
      }
      if (t.fn === 'coalesce') return null;
      return t.fn === 'min' ? Math.min(...values) : Math.max(...values);
    }
    case 'if': {
      const a = reference(t.a);
      if (a === null) return null;
      const b = reference(t.b);
      if (b === null) return null;
      const holds = { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b, '=': a === b, '!=': a !== b }[t.cmp];
      return reference(holds ? t.then : t.else);
    }
  }
}

/**
 * Prints with as few parentheses as the documented precedence allows:
 * additive 1 < multiplicative 2 < unary minus 3 < power 4 < primary 5.
 */
function print(t: Tree): { text: string; level: number } {
  const at = (x: Tree, min: number) => {
    const p = print(x);
    return p.level >= min ? p.text : `(${p.text})`;
  };
  switch (t.k) {
    case 'num':
      return { text: String(t.v), level: 5 };
    case 'ref':
      return { text: `[${t.code}]`, level: 5 };
    case 'paren':
      return { text: `(${print(t.x).text})`, level: 5 };
    case 'neg':
      return { text: `-${at(t.x, 3)}`, level: 3 };
    case 'abs':
      return { text: `abs(${print(t.x).text})`, level: 5 };
    case 'fn':
      return { text: `${t.fn}(${t.args.map((a) => print(a).text).join(', ')})`, level: 5 };
    case 'if':
      return { text: `if(${print(t.a).text} ${t.cmp} ${print(t.b).text}, ${print(t.then).text}, ${print(t.else).text})`, level: 5 };
    case 'bin':
      if (t.op === '+' || t.op === '-') return { text: `${at(t.l, 1)} ${t.op} ${at(t.r, 2)}`, level: 1 };
      if (t.op === '*' || t.op === '/') return { text: `${at(t.l, 2)} ${t.op} ${at(t.r, 3)}`, level: 2 };
      return { text: `${at(t.l, 5)}^${at(t.r, 3)}`, level: 4 };
  }
}

describe('fuzz: valid arithmetic', () => {
  it('evaluates to the value the generator computed', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = print(t).text;
        const parsed = parse(text, { context: 'kpi' });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.errors[0]!.message.en}`);
        const expected = reference(t);
        const result = evaluate(parsed.ast, VALUES);
        if (expected === null) {
          expect(result.ok, text).toBe(false);
        } else {
          expect(result, text).toEqual({ ok: true, value: expected === 0 ? 0 : expected });
        }
      }),
      { numRuns },
    );
  });
});
