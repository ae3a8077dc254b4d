import { describe, expect, it } from 'vitest';
import { bonusAmount, bonusFor, coefficientOf, DEFAULT_COEFFICIENTS } from './bonus';

describe('KPI bonus (P3) = base × rate × coefficient, rounded to a step, halves up, exact', () => {
  it('default coefficients A 1.5, B 1.2, C 1.0, D 0.5 on a 5,000,000 base', () => {
    expect(['A', 'B', 'C', 'D'].map((g) => bonusFor({ base: 5_000_000 }, g, 0.9))).toEqual([
      { coefficient: 1.5, bonus: 7_500_000 },
      { coefficient: 1.2, bonus: 6_000_000 },
      { coefficient: 1, bonus: 5_000_000 },
      { coefficient: 0.5, bonus: 2_500_000 },
    ]);
  });

  it('score mode: the coefficient is the final score (5,000,000 × 0.897 = 4,485,000)', () => {
    expect(bonusFor({ base: 5_000_000, coefficients: 'score' }, 'C', 0.897)).toEqual({ coefficient: 0.897, bonus: 4_485_000 });
  });

  it('rounds to the step with halves up', () => {
    expect(bonusAmount(1_234_500, 1, 1)).toBe(1_235_000); // exactly half a step → up
    expect(bonusAmount(1_234_499, 1, 1)).toBe(1_234_000);
    // 7,777,777 × 0.15 × 1.2 = 1,399,999.86 → 1,400,000
    expect(bonusAmount(7_777_777, 0.15, 1.2)).toBe(1_400_000);
    // 3,333,333 × 0.8505 = 2,834,999.7165 → 2,835,000 at step 1; 2,835,000 at 1,000; 2,800,000 at 100,000
    expect(bonusAmount(3_333_333, 1, 0.8505, 1)).toBe(2_835_000);
    expect(bonusAmount(3_333_333, 1, 0.8505, 100_000)).toBe(2_800_000);
  });

  it('is exact where floating point is not: 1,285 × 0.7 = 899.5 → 900 at step 1', () => {
    expect(Math.round(1285 * 0.7)).toBe(899); // the float product is 899.4999999999999
    expect(bonusAmount(1285, 0.7, 1, 1)).toBe(900);
    expect(5_000_000 * 1.15 * 0.7).toBe(4_024_999.9999999995);
    expect(bonusAmount(5_000_000, 1.15, 0.7)).toBe(4_025_000);
    expect(bonusAmount(1285, 1, 0.7, 0.1)).toBe(899.5);
  });

  it('is never negative (no deduction for a missed KPI)', () => {
    expect(bonusAmount(5_000_000, 1, -0.2)).toBe(0);
    expect(bonusFor({ base: 5_000_000, coefficients: 'score' }, 'D', -0.2).bonus).toBe(0);
    expect(bonusAmount(0, 1, 1.5)).toBe(0);
  });

  it('a grade missing from the table and a bad step are refused', () => {
    expect(() => coefficientOf(DEFAULT_COEFFICIENTS, 'E', 0.5)).toThrow('The bonus coefficient table has no grade "E"');
    expect(() => bonusAmount(1000, 1, 1, 0)).toThrow('The bonus rounding step must be a positive number (got: 0)');
  });
});
