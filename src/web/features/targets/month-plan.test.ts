import { describe, expect, it } from 'vitest';
import { editMonth, fitToTotal, monthPlanOf, monthsOf, planSumCheck, planTargets } from './month-plan';
import type { TargetRecordT } from './types';

const B = 1_000_000_000;
const M = 1_000_000;
const rec = (period: string, value: number, extra: Partial<TargetRecordT> = {}): TargetRecordT => ({
  id: 1,
  kpiId: 1,
  period,
  start: '',
  end: '',
  scope: { type: 'company', id: null },
  value,
  locked: false,
  ...extra,
});

describe('editMonth', () => {
  it('keeps the locked month and the edited one; the other ten absorb the difference', () => {
    const twelve = new Array<number>(12).fill(20 * B);
    // Total 240 tỷ; January locked at 20 tỷ, February → 25 tỷ: 240 − 20 − 25 = 195 tỷ over 10 months = 19,5 tỷ each.
    const r = editMonth(twelve, 1, 25 * B, [0], 240 * B, M);
    expect(r).toEqual({ ok: true, values: [20 * B, 25 * B, ...new Array<number>(10).fill(19.5 * B)] });
  });

  it('spreads in proportion to the current values, largest remainder first', () => {
    // Total 100; first → 16 leaves 84 for weights 20/30/40: 18,67 / 28 / 37,33 → 18 / 28 / 37 (83), the last
    // step goes to the largest remainder (84×20 mod 90 = 60 > 30 > 0): 19 / 28 / 37.
    expect(editMonth([10, 20, 30, 40], 0, 16, [], null, 1)).toEqual({ ok: true, values: [16, 19, 28, 37] });
  });

  it('says why when nothing is left to absorb the difference', () => {
    const r = editMonth([5, 5], 1, 7, [0], 10, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.vi.length).toBeGreaterThan(0);
  });
});

describe('fitToTotal', () => {
  it('scales the unlocked months to a new total', () => {
    // 12 → 15 with the first (2) locked: 13 over weights 4 and 6 → 5,2 / 7,8 → 5 / 7, the last step to 7,8: 5 / 8.
    expect(fitToTotal([2, 4, 6], [0], 15, 1)).toEqual({ ok: true, values: [2, 5, 8] });
  });
});

describe('monthPlanOf and planTargets', () => {
  it('reads the 12 months and the yearly target of one scope, and keeps thresholds when saving', () => {
    const targets = [
      rec('2026', 240 * B),
      rec('2026-01', 20 * B, { min: 18 * B, stretch: 22 * B }),
      rec('2026-02', 20 * B),
      rec('2026-01', 10 * B, { scope: { type: 'unit', id: 3 } }),
    ];
    const plan = monthPlanOf(targets, 'company', 2026);
    expect(plan.yearly).toBe(240 * B);
    expect(plan.values).toEqual([20 * B, 20 * B, ...new Array<number>(10).fill(0)]);
    const body = planTargets(plan, [21 * B, 19 * B, ...new Array<number>(10).fill(20 * B)]);
    expect(body[0]).toEqual({ period: '2026-01', value: 21 * B, min: 18 * B, stretch: 22 * B });
    expect(body[11]).toEqual({ period: '2026-12', value: 20 * B });
    expect(monthsOf(2026)[9]).toBe('2026-10');
  });
});

describe('planSumCheck', () => {
  it('compares the months with the yearly target', () => {
    // 11 × 20 + 21 = 241 tỷ against 240 tỷ: 1 tỷ over-allocated (difference −1 tỷ).
    const months = [...new Array<number>(11).fill(20 * B), 21 * B];
    expect(planSumCheck(months, 240 * B)).toEqual({ ok: false, sum: 241 * B, difference: -1 * B });
    expect(planSumCheck(new Array<number>(12).fill(20 * B), 240 * B)).toEqual({ ok: true, sum: 240 * B, difference: 0 });
    expect(planSumCheck(months, null)).toBeNull();
  });
});
