import { describe, expect, it } from 'vitest';
import { splitOverPeriods } from './split-periods';

describe('splitOverPeriods', () => {
  it('240e9 evenly over 2026-01..2026-12', () => {
    const parts = splitOverPeriods({ total: 240e9, from: '2026-01', to: '2026-12' });
    expect(parts).toHaveLength(12);
    expect(parts[0]).toEqual({ period: '2026-01', value: 20e9 });
    expect(parts[11]).toEqual({ period: '2026-12', value: 20e9 });
    expect(parts.reduce((s, p) => s + p.value, 0)).toBe(240e9);
  });

  it('by quarter weights 2,3,3,4 (Σ 12) of 1.2e9 → 0.2e9, 0.3e9, 0.3e9, 0.4e9', () => {
    expect(splitOverPeriods({ total: 1.2e9, from: '2026-Q1', to: '2026-Q4', weights: [2, 3, 3, 4], step: 1e6 })).toEqual([
      { period: '2026-Q1', value: 200e6 },
      { period: '2026-Q2', value: 300e6 },
      { period: '2026-Q3', value: 300e6 },
      { period: '2026-Q4', value: 400e6 },
    ]);
  });

  it("by last year's actuals", () => {
    // 50 + 150 = 200 → 25 % and 75 % of 1,000
    expect(splitOverPeriods({ total: 1000, from: '2026-01', to: '2026-02', lastYearActuals: [50, 150] }).map((p) => p.value)).toEqual([250, 750]);
  });

  it('the number of weights must match the number of periods', () => {
    expect(() => splitOverPeriods({ total: 100, from: '2026-01', to: '2026-03', weights: [1, 2] })).toThrow(
      expect.objectContaining({ code: 'TARGET_WEIGHTS_COUNT_MISMATCH', message: 'Got 2 weights for 3 periods: give exactly one weight per period' }),
    );
  });
});
