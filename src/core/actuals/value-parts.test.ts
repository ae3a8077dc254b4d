import { describe, expect, it } from 'vitest';
import type { IntakeKpi } from './intake';
import { valueParts } from './value-parts';

const kpi = (fields: Partial<IntakeKpi>): IntakeKpi => ({
  id: 1,
  code: 'K',
  frequency: 'monthly',
  aggregation: 'sum',
  unit: 'VND',
  source: 'manual',
  status: 'active',
  reportWithinDays: 5,
  ...fields,
});
const RATIO = kpi({ code: 'RATE', aggregation: 'ratio', unit: '%' });
const codes = (r: ReturnType<typeof valueParts>) => (r.ok ? [] : r.problems.map((p) => [p.field, p.code]));

describe('valueParts', () => {
  it('computes a ratio from numerator and denominator', () => {
    // 45 / 60 = 0.75
    expect(valueParts(RATIO, { numerator: 45, denominator: 60 })).toEqual({ ok: true, value: 0.75, numerator: 45, denominator: 60 });
  });

  it('requires both parts of a ratio and a denominator of at least 10^-6', () => {
    expect(codes(valueParts(RATIO, { numerator: 45, value: 0.75 }))).toEqual([['denominator', 'required']]);
    expect(codes(valueParts(RATIO, { numerator: 1, denominator: 0 }))).toEqual([['denominator', 'too_small']]);
    expect(codes(valueParts(RATIO, { numerator: 1, denominator: -2 }))).toEqual([['denominator', 'too_small']]);
    expect(codes(valueParts(RATIO, { numerator: 1, denominator: 1e-7 }))).toEqual([['denominator', 'too_small']]);
    // 10^15 / 10^-6 = 10^21 > 10^15: each part is in range, the stored value would not be.
    expect(codes(valueParts(RATIO, { numerator: 1e15, denominator: 1e-6 }))).toEqual([['numerator', 'too_big']]);
  });

  it('requires a value in range for other KPIs and refuses ratio parts, each on its field', () => {
    expect(valueParts(kpi({}), { value: 12 })).toEqual({ ok: true, value: 12, numerator: null, denominator: null });
    expect(codes(valueParts(kpi({}), {}))).toEqual([['value', 'required']]);
    expect(codes(valueParts(kpi({ aggregation: 'avg' }), { value: 1, numerator: 1, denominator: 2 }))).toEqual([
      ['numerator', 'not_ratio'],
      ['denominator', 'not_ratio'],
    ]);
    expect(codes(valueParts(kpi({}), { value: Number.NaN }))).toEqual([['value', 'not_a_number']]);
    expect(codes(valueParts(kpi({}), { value: Number.POSITIVE_INFINITY }))).toEqual([['value', 'too_big']]);
    expect(codes(valueParts(kpi({}), { value: -1e16 }))).toEqual([['value', 'too_small']]);
  });
});
