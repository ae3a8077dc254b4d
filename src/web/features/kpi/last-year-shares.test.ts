import { describe, expect, it } from 'vitest';
import { actualsPerPeriod, lastYearShares } from './last-year-shares';
import { splitYear } from './split-targets';

const M = 1_000_000;

describe('actualsPerPeriod', () => {
  it('puts each month of last year in its slot and counts missing months as 0', () => {
    const values = actualsPerPeriod(
      [
        { period: '2025-01', value: 120 },
        { period: '2025-03', value: 80 },
        { period: '2025-12', value: 200 },
        { period: '2024-05', value: 999 }, // another year: left out
        { period: '2026-01', value: 999 },
      ],
      2025,
      'month',
    );
    expect(values).toEqual([120, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0, 200]);
  });

  it('adds the months (and days) of each quarter; quarterly actuals fit only quarters', () => {
    const actuals = [
      { period: '2025-01', value: 50 },
      { period: '2025-02', value: 70 }, // Q1 = 50 + 70 = 120
      { period: '2025-04-10', value: 30 },
      { period: '2025-05-20', value: 50 }, // Q2 = 30 + 50 = 80 (daily actuals)
      { period: '2025-Q3', value: 200 }, // a quarter's actual stays whole
      { period: '2025-W40', value: 999 }, // weeks are left out
    ];
    expect(actualsPerPeriod(actuals, 2025, 'quarter')).toEqual([120, 80, 200, 0]);
    // By months the Q3 actual cannot be divided: 0 in July–September.
    expect(actualsPerPeriod(actuals, 2025, 'month')).toEqual([50, 70, 0, 30, 50, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps binary noise out of the sums', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the share must be 0.3.
    expect(actualsPerPeriod([{ period: '2025-01', value: 0.1 }, { period: '2025-02', value: 0.2 }], 2025, 'quarter')).toEqual([0.3, 0, 0, 0]);
  });
});

describe('lastYearShares', () => {
  const actuals = [
    { period: '2025-02', value: 5 },
    { period: '2026-02', value: 7 },
  ];

  it('is unavailable for a KPI that is not saved yet', () => {
    expect(lastYearShares({ kpiCode: undefined, actuals, year: 2026, granularity: 'month' })).toEqual({ ok: false, reason: 'newKpi' });
    expect(lastYearShares({ kpiCode: '', actuals, year: 2026, granularity: 'month' })).toEqual({ ok: false, reason: 'newKpi' });
  });

  it('is unavailable while the actuals load', () => {
    expect(lastYearShares({ kpiCode: 'REVENUE', actuals: undefined, year: 2026, granularity: 'month' })).toEqual({ ok: false, reason: 'loading' });
  });

  it('is unavailable when every share of last year is 0', () => {
    // 2025 has February only; for 2025 the year before is 2024, which has nothing.
    expect(lastYearShares({ kpiCode: 'REVENUE', actuals, year: 2025, granularity: 'month' })).toEqual({ ok: false, reason: 'noActuals' });
    expect(lastYearShares({ kpiCode: 'REVENUE', actuals: [], year: 2026, granularity: 'quarter' })).toEqual({ ok: false, reason: 'noActuals' });
    expect(lastYearShares({ kpiCode: 'REVENUE', actuals: [{ period: '2025-03', value: 0 }], year: 2026, granularity: 'month' })).toEqual({ ok: false, reason: 'noActuals' });
  });

  it('reads year − 1 and gives the total', () => {
    // 2026 uses 2025: February 5 (the 2026 value 7 is ignored); Q1 = 5, total 5.
    expect(lastYearShares({ kpiCode: 'REVENUE', actuals, year: 2026, granularity: 'quarter' })).toEqual({ ok: true, values: [5, 0, 0, 0], total: 5 });
  });
});

describe('splitYear by last year actuals', () => {
  it('splits 1 000 over the quarters in the shares 120 / 80 / 200 / 0', () => {
    const shares = lastYearShares({
      kpiCode: 'ORDERS',
      actuals: [
        { period: '2025-01', value: 50 },
        { period: '2025-02', value: 70 },
        { period: '2025-04', value: 80 },
        { period: '2025-07', value: 200 },
      ],
      year: 2026,
      granularity: 'quarter',
    });
    // Q1 = 50 + 70 = 120, Q2 = 80, Q3 = 200, Q4 = 0; total 400 → shares 30 %, 20 %, 50 %, 0 %
    expect(shares).toEqual({ ok: true, values: [120, 80, 200, 0], total: 400 });
    if (!shares.ok) return;
    const r = splitYear({ total: 1000, year: 2026, granularity: 'quarter', step: 1, lastYearActuals: shares.values });
    // 1 000 × 30 % = 300, × 20 % = 200, × 50 % = 500, × 0 % = 0
    expect(r.ok && r.parts).toEqual([
      { period: '2026-Q1', value: 300 },
      { period: '2026-Q2', value: 200 },
      { period: '2026-Q3', value: 500 },
      { period: '2026-Q4', value: 0 },
    ]);
  });

  it('rounds to whole millions with the largest remainder so the months add up exactly', () => {
    // Last year: January 10, February 20, March 30 (sum 60), nothing after March.
    // 100 000 000 ₫ = 100 steps of 1 000 000 ₫:
    //   January  100 × 10 / 60 = 16 rest 40/60
    //   February 100 × 20 / 60 = 33 rest 20/60
    //   March    100 × 30 / 60 = 50 rest 0
    // 16 + 33 + 50 = 99 steps, 1 step left → the largest remainder (January) → 17.
    // 17 + 33 + 50 = 100 steps = 100 000 000 ₫.
    const lastYear = [10, 20, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const r = splitYear({ total: 100 * M, year: 2026, granularity: 'month', step: M, lastYearActuals: lastYear });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts.map((p) => p.value / M)).toEqual([17, 33, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.sum).toBe(100 * M);
    expect(r.difference).toBe(0);
  });

  it('gives 240 tỷ as 12 × 20 tỷ when last year was flat', () => {
    // 240 000 000 000 / 12 = 20 000 000 000 per month, no remainder.
    const r = splitYear({ total: 240e9, year: 2026, granularity: 'month', step: M, lastYearActuals: new Array<number>(12).fill(15e9) });
    expect(r.ok && r.parts.map((p) => p.value)).toEqual(new Array(12).fill(20e9));
  });
});
