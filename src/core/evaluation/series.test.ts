import { describe, expect, it } from 'vitest';
import { currentYearToDate, evaluateSeries, fiscalYearKeys, paceOf, type EvalKpi } from '.';

const rev: EvalKpi = { id: 1, code: 'REV', level: 'strategic', direction: 'increase', aggregation: 'sum', frequency: 'monthly', parents: [] };
const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
const targets = [
  { period: '2026-01', value: 10 },
  { period: '2026-02', value: 10 },
  { period: '2026-03', value: 31 },
  { period: '2026-04', value: 20 },
];
const actuals = [
  { period: '2026-01', value: 8, numerator: null, denominator: null },
  { period: '2026-02', value: 12, numerator: null, denominator: null },
  { period: '2026-03', value: 12, numerator: null, denominator: null },
];
const today = '2026-03-10';

describe('evaluateSeries', () => {
  const points = evaluateSeries({ kpi: rev, kind: 'month', from: '2026-01', to: '2026-04', targets, actuals, today, fiscalYearStartMonth: 1 });

  it('gives per-month achievement and a cumulative year to date', () => {
    expect(points.map((p) => p.period.key)).toEqual(months);
    // March is open on 10 March: 10 of 31 days gone, so its 31 is expected as 31 × 10/31 = 10 by today;
    // 12 reported → 12 / 10 = 120 % (not 12 / 31 = 38,7 %, which judged the month as if it were over).
    expect(points.map((p) => p.achievement)).toEqual([0.8, 1.2, 1.2, null]);
    expect(points.map((p) => [p.open?.elapsedDays ?? null, p.expected ?? null])).toEqual([[null, null], [null, null], [10, 10], [null, null]]);
    expect(points[2]!.target!.value).toBe(31);
    // YTD: Jan 8/10; Feb (8+12)/(10+10) = 1; Mar (8+12+12)/(10+10+10) = 32/30; Apr starts after today → none.
    expect(points.map((p) => p.ytd && [p.ytd.actual, p.ytd.target])).toEqual([[8, 10], [20, 20], [32, 30], null]);
    expect(points[2]!.ytd!.achievement).toBeCloseTo(32 / 30, 12);
    expect(currentYearToDate(points, today, 1)?.through).toBe('2026-03');
  });

  it('computes the year to date of a ratio KPI as a ratio of sums', () => {
    const conv: EvalKpi = { ...rev, aggregation: 'ratio' };
    const parts = [
      { period: '2026-01', value: 0.1, numerator: 10, denominator: 100 },
      { period: '2026-02', value: 0.3, numerator: 90, denominator: 300 },
    ];
    const rates = [{ period: '2026', value: 0.2 }];
    const p = evaluateSeries({ kpi: conv, kind: 'month', from: '2026-01', to: '2026-02', targets: rates, actuals: parts, today, fiscalYearStartMonth: 1 });
    // (10 + 90) ÷ (100 + 300) = 0.25 against the year's target 0.2 → 125 %
    expect(p[1]!.ytd).toMatchObject({ actual: 0.25, target: 0.2, achievement: 1.25 });
  });
});

describe('paceOf', () => {
  it('gives the month pace by days and the year pace by the monthly split', () => {
    const { year, keys } = fiscalYearKeys(today, 'month', 1);
    const yearTargets = [...targets, ...keys.slice(4).map((period) => ({ period, value: 20 }))];
    const yearPoints = evaluateSeries({ kpi: rev, kind: 'month', from: keys[0]!, to: keys[11]!, targets: yearTargets, actuals, today, fiscalYearStartMonth: 1 });
    const pace = paceOf({ kpi: rev, kind: 'month', today, year, yearPoints, targets: yearTargets });
    // March: 10 of 31 days gone → expected 31 × 10/31 = 10; actual 12; forecast 12 ÷ (10/31) = 37.2;
    // still needed 31 − 12 = 19 over 21 days → 19/21 per day, 19 × 7 / 21 = 6.333 per week.
    const m = pace.period!;
    expect(m).toMatchObject({ elapsedDays: 10, remainingDays: 21, onTrack: true, expectedBy: 'days' });
    expect(m.expectedToDate).toBeCloseTo(10, 12);
    expect(m.forecast).toBeCloseTo(37.2, 9);
    expect(m.stillNeeded!.amount).toBe(19);
    expect(m.stillNeeded!.perDay).toBeCloseTo(19 / 21, 12);
    expect(m.stillNeeded!.perWeek).toBeCloseTo(19 / 3, 12);
    // Year: target 10 + 10 + 31 + 20 (Apr) + 8 × 20 (May–Dec) = 231; actual 8 + 12 + 12 = 32;
    // expected share = (10 + 10 + 31 × 10/31) ÷ 231 = 30/231 → expected 30; still needed 231 − 32 = 199.
    const y = pace.year!;
    expect(y).toMatchObject({ target: 231, actualToDate: 32, expectedBy: 'split', onTrack: true });
    expect(y.expectedToDate).toBeCloseTo(30, 9);
    expect(y.stillNeeded!.amount).toBe(199);
  });
});
