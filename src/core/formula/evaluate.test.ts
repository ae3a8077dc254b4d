import { describe, expect, it } from 'vitest';
import { evaluate, type EvalResult, type KpiValues } from './evaluate';
import { parse } from './parser';

function run(text: string, values: KpiValues = {}): EvalResult {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message.en).join('; '));
  return evaluate(parsed.ast, values);
}

function value(text: string, values: KpiValues = {}): number {
  const result = run(text, values);
  if (!result.ok) throw new Error(result.reason.message.en);
  return result.value;
}

// A small sales month: revenue 1.2 billion VND, cost 900 million, 40 deals closed out of 160 leads.
const month = { REV: 1_200_000_000, COST: 900_000_000, PROFIT: 300_000_000, CLOSED: 40, LEADS: 160 };

describe('evaluate: KPI examples', () => {
  it('profit margin = (REV - COST) / REV', () => {
    // (1,200,000,000 - 900,000,000) / 1,200,000,000 = 300,000,000 / 1,200,000,000 = 0.25
    expect(value('([REV] - [COST]) / [REV]', month)).toBe(0.25);
    expect(value('[PROFIT] / [REV]', month)).toBe(0.25);
  });

  it('closing rate = closed / leads', () => {
    // 40 / 160 = 0.25
    expect(value('[CLOSED] / [LEADS]', month)).toBe(0.25);
  });

  it('revenue against a 240 billion yearly target', () => {
    // 1,200,000,000 * 12 / 240e9 = 14,400,000,000 / 240,000,000,000 = 0.06
    expect(value('[REV] * 12 / 240e9', month)).toBeCloseTo(0.06, 12);
  });
});

describe('evaluate: operators', () => {
  it.each([
    ['7 + 5', 12],
    ['7 - 5', 2],
    ['7 * 5', 35],
    ['7 / 2', 3.5],
    ['2 ^ 10', 1024],
    ['2^3^2', 512], // right-associative: 2^(3^2) = 2^9
    ['(2^3)^2', 64],
    ['-2^2', -4], // unary minus binds looser than ^: -(2^2)
    ['(-2)^2', 4],
    ['2^-2', 0.25],
    ['- -3', 3],
    ['+4', 4],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3], // left-associative: (10 - 4) - 3
    ['12 / 3 / 2', 2], // (12 / 3) / 2
    ['1.5 + 0.25', 1.75],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['if(3 = 3, 1, 0)', 1],
    ['if(3 = 4, 1, 0)', 0],
    ['if(3 != 4, 1, 0)', 1],
    ['if(3 <> 3, 1, 0)', 0],
    ['if(3 < 4, 1, 0)', 1],
    ['if(4 < 4, 1, 0)', 0],
    ['if(4 <= 4, 1, 0)', 1],
    ['if(5 > 4, 1, 0)', 1],
    ['if(4 >= 5, 1, 0)', 0],
    ['if(1 < 2 and 2 < 3, 1, 0)', 1],
    ['if(1 < 2 and 3 < 2, 1, 0)', 0],
    ['if(1 > 2 or 2 < 3, 1, 0)', 1],
    ['if(1 > 2 or 3 < 2, 1, 0)', 0],
    ['if(not 1 > 2, 1, 0)', 1],
    ['if(NOT 1 < 2, 1, 0)', 0],
    ['if("West" = "West", 1, 0)', 1],
    ['if("a" < "b", 1, 0)', 1],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('evaluate: functions', () => {
  it.each([
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['min(-5)', -5],
    ['abs(-7.5)', 7.5],
    ['abs(7.5)', 7.5],
    ['round(2.345, 2)', 2.35], // half away from zero
    ['round(2.675, 2)', 2.68], // 2.675 is stored as 2.67499…; rounded as written
    ['round(-2.5)', -3],
    ['round(2.5)', 3],
    ['round(1234.5, -2)', 1200],
    ['round(1250, -2)', 1300],
    ['coalesce(4, 5)', 4],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('coalesce picks the first value present, skipping missing inputs and divisions by zero', () => {
    expect(value('coalesce([A], [B], 0)', { B: 9 })).toBe(9);
    expect(value('coalesce([A], [B], 0)', {})).toBe(0);
    // [A] / [B] has no value (B = 0), so coalesce falls back to 1.
    expect(value('coalesce([A] / [B], 1)', { A: 5, B: 0 })).toBe(1);
    const none = run('coalesce([A], [B])', {});
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toMatchObject({ code: 'MISSING_VALUE', kpi: 'B' });
  });

  it('if only computes the branch it takes', () => {
    // LEADS = 0: the division is never evaluated.
    expect(value('if([LEADS] = 0, 0, [CLOSED] / [LEADS])', { CLOSED: 0, LEADS: 0 })).toBe(0);
    expect(value('if([LEADS] > 0, [CLOSED] / [LEADS], [MISSING])', { CLOSED: 3, LEADS: 4 })).toBe(0.75);
  });

  it('and / or stop as soon as the answer is known', () => {
    // [X] is missing but never needed.
    expect(value('if(1 > 2 and [X] > 0, 1, 0)')).toBe(0);
    expect(value('if(1 < 2 or [X] > 0, 1, 0)')).toBe(1);
  });
});

describe('evaluate: no value', () => {
  it('division by zero has no value, with a reason pointing at the division', () => {
    const result = run('[CLOSED] / [LEADS]', { CLOSED: 3, LEADS: 0 });
    expect(result).toEqual({
      ok: false,
      reason: {
        code: 'DIVISION_BY_ZERO',
        line: 1,
        column: 10,
        message: {
          vi: 'Chia cho 0 ([LEADS] = 0) tại dòng 1, cột 10',
          en: 'Division by zero ([LEADS] = 0) at line 1, column 10',
        },
      },
    });
  });

  it('a missing or null input has no value and names the KPI', () => {
    for (const values of [{}, { COST: null }, { COST: undefined }]) {
      const result = run('[REV] - [COST]', { REV: 10, ...values });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatchObject({ code: 'MISSING_VALUE', kpi: 'COST', line: 1, column: 9 });
        expect(result.reason.message.vi).toBe('Chỉ số [COST] chưa có giá trị tại dòng 1, cột 9');
      }
    }
  });

  it('a non-finite result or input has no value, never Infinity or NaN', () => {
    expect(run('1e308 * 10')).toMatchObject({ ok: false, reason: { code: 'NON_FINITE' } });
    expect(run('(-8) ^ 0.5')).toMatchObject({ ok: false, reason: { code: 'NON_FINITE' } });
    expect(run('0 ^ -1')).toMatchObject({ ok: false, reason: { code: 'NON_FINITE' } });
    expect(run('[A] + 1', { A: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false, reason: { code: 'NON_FINITE', kpi: 'A' } });
    expect(run('[A] + 1', { A: Number.NaN })).toMatchObject({ ok: false, reason: { code: 'NON_FINITE', kpi: 'A' } });
  });

  it('rounding digits must be a whole number', () => {
    expect(run('round(1.25, 0.5)')).toMatchObject({ ok: false, reason: { code: 'INVALID_ARGUMENT' } });
  });

  it('a measure or a true/false result cannot be evaluated as a KPI value', () => {
    expect(run('sum(sales)')).toMatchObject({ ok: false, reason: { code: 'NOT_EVALUABLE' } });
    expect(run('[A] > 1', { A: 2 })).toMatchObject({ ok: false, reason: { code: 'TYPE_ERROR' } });
  });

  it('does not read inherited properties as KPI values', () => {
    expect(run('[A]', Object.create({ A: 5 }) as Record<string, number>)).toMatchObject({ ok: false, reason: { code: 'MISSING_VALUE' } });
  });

  it('never returns negative zero', () => {
    expect(Object.is(value('-0 * 5'), 0)).toBe(true);
  });
});
