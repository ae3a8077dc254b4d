import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { computePace } from './pace';

describe('computePace', () => {
  it('spreads the target evenly per day by default', () => {
    // 2026 has 365 days; 1 January … 31 March = 31 + 28 + 31 = 90 days elapsed, 275 left.
    const r = computePace({
      direction: 'increase',
      target: 365_000_000,
      actualToDate: 81_000_000,
      start: '2026-01-01',
      end: '2026-12-31',
      today: '2026-03-31',
    });
    expect(r).toMatchObject({ totalDays: 365, elapsedDays: 90, remainingDays: 275, onTrack: false });
    expect(r.expectedToDate).toBeCloseTo(90_000_000, 4); // 365e6 × 90 / 365
    expect(r.gap).toBeCloseTo(-9_000_000, 4); // 81e6 − 90e6
    expect(r.forecast).toBeCloseTo(328_500_000, 4); // 81e6 × 365 / 90
    expect(r.forecastAchievement).toBeCloseTo(0.9, 12); // 328.5e6 / 365e6
    expect(r.stillNeeded?.amount).toBe(284_000_000); // 365e6 − 81e6
    expect(r.stillNeeded?.perDay).toBeCloseTo(1_032_727.2727, 3); // 284e6 / 275
    expect(r.stillNeeded?.perWeek).toBeCloseTo(7_229_090.909, 2); // 284e6 × 7 / 275
    expect(r.headroom).toBeNull();
  });

  it('follows seasonality weights of sub-periods', () => {
    // Q1 weights Jan 1, Feb 1, Mar 2. Today 14 Feb: Jan done (1 × 31/31), Feb half (1 × 14/28), Mar 0
    // → share (1 + 0.5) / 4 = 0.375; expected 400 × 0.375 = 150.
    const r = computePace({
      direction: 'increase',
      target: 400,
      actualToDate: 120,
      start: '2026-01-01',
      end: '2026-03-31',
      today: '2026-02-14',
      seasonality: [
        { period: '2026-01', weight: 1 },
        { period: '2026-02', weight: 1 },
        { period: '2026-03', weight: 2 },
      ],
    });
    expect(r.expectedShare).toBeCloseTo(0.375, 12);
    expect(r.expectedToDate).toBeCloseTo(150, 10);
    expect(r.forecast).toBeCloseTo(320, 10); // 120 / 0.375
    expect(r.forecastAchievement).toBeCloseTo(0.8, 12); // 320 / 400
    // 90 days in Q1 2026, 31 + 14 = 45 elapsed, 45 left; 400 − 120 = 280 still needed.
    expect(r.remainingDays).toBe(45);
    expect(r.stillNeeded?.perDay).toBeCloseTo(280 / 45, 10);
    expect(r.stillNeeded?.perWeek).toBeCloseTo((280 * 7) / 45, 10);
  });

  it('decrease KPIs (a cost budget): on track when at or below expected, with headroom left', () => {
    // Budget 1,200 for Q1 (90 days); 30 January = 30 days → expected 1,200 × 30 / 90 = 400; spent 450.
    const r = computePace({ direction: 'decrease', target: 1200, actualToDate: 450, start: '2026-01-01', end: '2026-03-31', today: '2026-01-30' });
    expect(r.expectedToDate).toBeCloseTo(400, 10);
    expect(r.onTrack).toBe(false);
    expect(r.forecast).toBeCloseTo(1350, 10); // 450 × 90 / 30
    expect(r.forecastAchievement).toBeCloseTo(1200 / 1350, 12); // 0.888…
    expect(r.stillNeeded).toBeNull();
    // 1,200 − 450 = 750 left over 60 days → 12.5 a day, 87.5 a week
    expect(r.headroom).toEqual({ amount: 750, perDay: 12.5, perWeek: 87.5 });
  });

  it('before the start: nothing expected, no forecast; after the end: no days left', () => {
    const before = computePace({ direction: 'increase', target: 100, actualToDate: 0, start: '2026-02-01', end: '2026-02-28', today: '2026-01-15' });
    expect(before).toMatchObject({ elapsedDays: 0, expectedToDate: 0, forecast: null, forecastAchievement: null });
    const after = computePace({ direction: 'increase', target: 100, actualToDate: 90, start: '2026-02-01', end: '2026-02-28', today: '2026-03-05' });
    expect(after).toMatchObject({ elapsedDays: 28, remainingDays: 0, forecast: 90, stillNeeded: { amount: 10, perDay: null, perWeek: null } });
  });

  it('reports bad dates and sub-periods outside the period', () => {
    expect(() => computePace({ direction: 'increase', target: 1, actualToDate: 0, start: '2026-02-30', end: '2026-03-01', today: '2026-03-01' })).toThrow(DomainError);
    expect(() =>
      computePace({
        direction: 'increase',
        target: 1,
        actualToDate: 0,
        start: '2026-01-01',
        end: '2026-03-31',
        today: '2026-02-01',
        seasonality: [{ period: '2026-04', weight: 1 }],
      }),
    ).toThrow(/outside the period/);
  });
});
