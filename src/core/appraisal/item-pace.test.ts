import { describe, expect, it } from 'vitest';
import { itemPace } from './item-pace';

const YEAR = { startsOn: '2026-01-01', endsOn: '2026-12-31' };

describe('pace of a KPI item in an open cycle', () => {
  it('a sum KPI with 30 of 120 on 14 March (day 73 of 365 → 0.2) forecasts 150 and still needs 90', () => {
    const p = itemPace(YEAR, { aggregation: 'sum', direction: 'increase', target: 120, actual: 30 }, '2026-03-14');
    expect(p.elapsed).toBeCloseTo(0.2, 12);
    expect(p.forecast).toBeCloseTo(150, 9);
    expect(p.stillNeeded).toBe(90);
  });

  it('a rate is forecast at its current level; less-is-better needs actual − target; never below 0', () => {
    expect(itemPace(YEAR, { aggregation: 'average', direction: 'decrease', target: 0.05, actual: 0.08 }, '2026-03-14')).toMatchObject({ forecast: 0.08 });
    expect(itemPace(YEAR, { aggregation: 'average', direction: 'decrease', target: 5, actual: 8 }, '2026-03-14').stillNeeded).toBe(3);
    expect(itemPace(YEAR, { aggregation: 'sum', direction: 'increase', target: 100, actual: 130 }, '2026-03-14').stillNeeded).toBe(0);
  });

  it('before the cycle nothing has elapsed (no forecast of a sum); after it all has', () => {
    expect(itemPace(YEAR, { aggregation: 'sum', direction: 'increase', target: 100, actual: 0 }, '2025-12-31')).toEqual({ elapsed: 0, forecast: null, stillNeeded: 100 });
    expect(itemPace(YEAR, { aggregation: 'sum', direction: 'increase', target: 100, actual: 40 }, '2027-01-02')).toEqual({ elapsed: 1, forecast: 40, stillNeeded: 60 });
    expect(itemPace(YEAR, { aggregation: 'sum', direction: 'increase', target: null, actual: null }, '2026-06-01').forecast).toBeNull();
  });
});
