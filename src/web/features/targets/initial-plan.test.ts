import { describe, expect, it } from 'vitest';
import { completeYearMonths, initialMonthPlan } from './initial-plan';
import { monthPlanOf } from './month-plan';
import type { TargetRecordT } from './types';

const B = 1_000_000_000;
const M = 1_000_000;
const VND_STEPS = [1, 1_000, 1_000_000];
const rec = (period: string, value: number, scope: TargetRecordT['scope'] = { type: 'unit', id: 3 }): TargetRecordT => ({
  id: 1,
  kpiId: 1,
  period,
  start: '',
  end: '',
  scope,
  value,
  locked: false,
});
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('initialMonthPlan', () => {
  it('opens a yearly target with no months already split evenly: 240 tỷ → 12 × 20 tỷ', () => {
    const plan = monthPlanOf([rec('2026', 240 * B)], 'unit:3', 2026);
    const opening = initialMonthPlan(plan, null, VND_STEPS);
    expect(opening.basis).toBe('even');
    expect(opening.values).toEqual(new Array<number>(12).fill(20 * B));
  });

  it('adds up to the đồng when the year does not divide by 12', () => {
    // 216 tỷ + 5 triệu = 216 005 triệu; in whole millions: 216 005 / 12 = 18 000 r 5 → five months of 18 001 triệu, seven of 18 000.
    const plan = monthPlanOf([rec('2026', 216 * B + 5 * M)], 'unit:3', 2026);
    const opening = initialMonthPlan(plan, null, VND_STEPS);
    expect(opening.values).toEqual([...new Array<number>(5).fill(18_001 * M), ...new Array<number>(7).fill(18_000 * M)]);
    expect(sum(opening.values)).toBe(216 * B + 5 * M);
    // 100 000 001 ₫ is not a multiple of a thousand: split in whole đồng, 8 333 334 in the first five months (100 000 001 = 12 × 8 333 333 + 5).
    const odd = initialMonthPlan(monthPlanOf([rec('2026', 100_000_001)], 'unit:3', 2026), null, VND_STEPS);
    expect(odd.values.slice(4, 6)).toEqual([8_333_334, 8_333_333]);
    expect(sum(odd.values)).toBe(100_000_001);
  });

  it('splits by last year’s months when the scope has history: 100 over three equal months → 34 / 33 / 33', () => {
    const plan = monthPlanOf([rec('2026', 100)], 'unit:3', 2026);
    const lastYear = [5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    // 100 × 5/15 = 33 r 5/15 each; 99 in all, the last unit goes to the first of the equal remainders.
    expect(initialMonthPlan(plan, lastYear, [0.01, 0.1, 1])).toEqual({ values: [34, 33, 33, 0, 0, 0, 0, 0, 0, 0, 0, 0], basis: 'lastYear' });
  });

  it('keeps saved months as they are, and opens on zeros without a yearly target', () => {
    const saved = monthPlanOf([rec('2026', 240 * B), rec('2026-01', 25 * B)], 'unit:3', 2026);
    expect(initialMonthPlan(saved, null, VND_STEPS)).toEqual({ values: [25 * B, ...new Array<number>(11).fill(0)], basis: 'saved' });
    // Another scope's yearly target is not this scope's.
    const other = monthPlanOf([rec('2026', 240 * B, { type: 'company', id: null })], 'unit:3', 2026);
    expect(initialMonthPlan(other, null, VND_STEPS)).toEqual({ values: new Array<number>(12).fill(0), basis: 'empty' });
  });
});

describe('completeYearMonths', () => {
  const month = (m: number, value: number, year = 2025) => ({ period: `${year}-${String(m).padStart(2, '0')}`, value });

  it('gives the 12 months of a fully reported year', () => {
    const year = Array.from({ length: 12 }, (_, i) => month(i + 1, i < 6 ? 5 * B : 10 * B));
    expect(completeYearMonths([...year, month(1, 99, 2024)], 2025)).toEqual([...new Array<number>(6).fill(5 * B), ...new Array<number>(6).fill(10 * B)]);
    // A reported 0 is a month of the year too.
    expect(completeYearMonths(year.map((a, i) => (i === 7 ? { ...a, value: 0 } : a)), 2025)?.[7]).toBe(0);
  });

  it('adds daily actuals into their month', () => {
    const year = Array.from({ length: 12 }, (_, i) => month(i + 1, 1));
    expect(completeYearMonths([...year, { period: '2025-03-10', value: 2 }], 2025)?.[2]).toBe(3);
  });

  it('refuses an unfinished year (December not reported yet) and a year of zeros', () => {
    const elevenMonths = Array.from({ length: 11 }, (_, i) => month(i + 1, 10 * B));
    expect(completeYearMonths(elevenMonths, 2025)).toBeNull();
    expect(completeYearMonths(Array.from({ length: 12 }, (_, i) => month(i + 1, 0)), 2025)).toBeNull();
    expect(completeYearMonths([], 2025)).toBeNull();
  });
});
