import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period';
import { evaluatePeriod, rollUpKpiTree, type ActualTotals, type EvalKpi } from '.';
import { expectedTarget, openPeriodOn } from './in-progress';

const B = 1e9;
const month = (value: number): ActualTotals => ({ kind: 'month', count: 1, sum: value, avg: value, min: value, max: value, last: value, numeratorSum: null, denominatorSum: null });
const kpi = (id: number, code: string, over: Partial<EvalKpi> = {}): EvalKpi => ({
  id,
  code,
  level: 'strategic',
  direction: 'increase',
  aggregation: 'sum',
  frequency: 'monthly',
  parents: [],
  ...over,
});

describe('an open period (Đang diễn ra)', () => {
  const december = parsePeriod('2026-12');

  it('is open from its first to its last day, and only then', () => {
    expect(openPeriodOn(december, '2026-12-05')).toEqual({ elapsedDays: 5, totalDays: 31, share: 5 / 31 });
    expect(openPeriodOn(december, '2026-12-31')).toEqual({ elapsedDays: 31, totalDays: 31, share: 1 });
    expect(openPeriodOn(december, '2026-11-30')).toBeNull();
    expect(openPeriodOn(december, '2027-01-01')).toBeNull();
    expect(openPeriodOn(december, undefined)).toBeNull();
  });

  it('expects amounts by days gone, but rates in full', () => {
    const open = openPeriodOn(december, '2026-12-05');
    // 20 tỷ × 5/31 = 3,2258 tỷ
    expect(expectedTarget('sum', 'increase', 20 * B, open)).toBeCloseTo(3.2258064516 * B, 0);
    expect(expectedTarget('ratio', 'increase', 0.25, open)).toBe(0.25);
    expect(expectedTarget('sum', 'range', 5, open)).toBe(5);
    expect(expectedTarget('sum', 'increase', 20 * B, null)).toBe(20 * B);
  });

  it('judges 4,2 tỷ on 5 December against 3,2258 tỷ expected: 130 %, green, and the company score is not red', () => {
    const rev = kpi(1, 'REV');
    const rate = kpi(2, 'CLOSE', { aggregation: 'ratio' });
    const data = {
      targets: new Map([
        [rev.id, [{ period: '2026-12', value: 20 * B }]],
        [rate.id, [{ period: '2026-12', value: 0.25 }]],
      ]),
      actuals: new Map([
        [rev.id, [month(4.2 * B)]],
        [rate.id, [{ ...month(0.2), numeratorSum: 20, denominatorSum: 100 }]],
      ]),
    };
    const [r, c] = evaluatePeriod([rev, rate], december, data, '2026-12-05');
    // 4,2 ÷ (20 × 5/31) = 4,2 × 31 / 100 = 1,302 → 130,2 %, score capped at 120 %, green.
    expect(r!.achievement).toBeCloseTo(1.302, 12);
    expect(r).toMatchObject({ score: 1.2, status: 'green', open: { elapsedDays: 5, totalDays: 31 } });
    expect(r!.expected).toBeCloseTo((20 * B * 5) / 31, 3);
    expect(r!.target!.value).toBe(20 * B);
    // The closing rate 20 / 100 = 20 % is judged against 25 % on any day: 80 %, amber; no expected share.
    expect(c).toMatchObject({ achievement: 0.8, status: 'amber' });
    expect(c!.expected).toBeUndefined();
    // Company: (1,2 + 0,8) ÷ 2 = 100 % → green (the month-end rule gave (0,21 + 0,8) ÷ 2 = 50,5 %, red).
    const rollup = rollUpKpiTree([rev, rate], new Map([['REV', r!.score], ['CLOSE', c!.score]]));
    expect(rollup.companyScore).toBeCloseTo(1, 12);
    expect(rollup.companyStatus).toBe('green');

    // The same numbers once December is over: 4,2 / 20 = 21 %, red.
    const [closed] = evaluatePeriod([rev], december, data, '2027-01-02');
    expect(closed).toMatchObject({ achievement: 0.21, status: 'red' });
    expect(closed!.open).toBeUndefined();
  });

  it('a decrease amount (a cost budget) is expected by days too: 310 triệu budget, 60 triệu spent by day 5 → 50 triệu expected, 83,3 %', () => {
    const cost = kpi(3, 'COST', { direction: 'decrease' });
    const [e] = evaluatePeriod([cost], december, {
      targets: new Map([[cost.id, [{ period: '2026-12', value: 310e6 }]]]),
      actuals: new Map([[cost.id, [month(60e6)]]]),
    }, '2026-12-05');
    // expected 310 × 5/31 = 50; decrease achievement = 50 / 60 = 0,8333 → amber
    expect(e!.achievement).toBeCloseTo(50 / 60, 12);
    expect(e!.status).toBe('amber');
  });
});
