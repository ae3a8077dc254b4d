import { describe, expect, it } from 'vitest';
import { splitYear } from './split-targets';

describe('splitYear', () => {
  it('splits 20 billion over 12 months in whole millions that add up exactly', () => {
    const r = splitYear({ total: 20_000_000_000, year: 2026, granularity: 'month', step: 1_000_000 });
    // 20 000 millions / 12 = 1 666 rest 8: the first 8 months get 1 667 million, the last 4 get 1 666 million
    // check: 8 × 1 667 + 4 × 1 666 = 13 336 + 6 664 = 20 000 millions
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(r.parts.map((p) => p.value / 1_000_000)).toEqual([1667, 1667, 1667, 1667, 1667, 1667, 1667, 1667, 1666, 1666, 1666, 1666]);
    expect(r.sum).toBe(20_000_000_000);
    expect(r.difference).toBe(0);
  });

  it('splits by seasonality weights over quarters', () => {
    // weights 1:1:1:2 of 100 → 100/5 = 20 per weight: 20, 20, 20, 40
    const r = splitYear({ total: 100, year: 2026, granularity: 'quarter', weights: [1, 1, 1, 2], step: 1 });
    expect(r.ok && r.parts).toEqual([
      { period: '2026-Q1', value: 20 },
      { period: '2026-Q2', value: 20 },
      { period: '2026-Q3', value: 20 },
      { period: '2026-Q4', value: 40 },
    ]);
  });

  it('returns the core error in both languages when the total is not a multiple of the step', () => {
    const r = splitYear({ total: 1_500_000, year: 2026, granularity: 'month', step: 1_000_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.vi.length).toBeGreaterThan(0);
    expect(r.error.en.length).toBeGreaterThan(0);
  });
});
