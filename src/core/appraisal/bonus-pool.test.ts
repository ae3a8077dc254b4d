import { describe, expect, it } from 'vitest';
import { splitBonusPool } from './bonus-pool';

describe('bonus pool split by base × coefficient, largest remainder', () => {
  it('100,000,000 over 10 M × 1.5, 8 M × 1.0, 12 M × 1.2 at step 1,000 → 40,107,000 / 21,390,000 / 38,503,000', () => {
    // shares 15 M : 8 M : 14.4 M (Σ 37.4 M) of 100,000 steps → 40,106.95 / 21,390.37 / 38,502.67;
    // floors 40,106 + 21,390 + 38,502 = 99,998, the 2 steps left go to .95 and .67
    const parts = splitBonusPool(100_000_000, [
      { base: 10_000_000, coefficient: 1.5 },
      { base: 8_000_000, coefficient: 1.0 },
      { base: 12_000_000, coefficient: 1.2 },
    ]);
    expect(parts).toEqual([40_107_000, 21_390_000, 38_503_000]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_000_000);
  });

  it('uses the exact product: 12,000,000 × 1.2 is 14,400,000, equal to a 14,400,000 × 1 share', () => {
    expect(splitBonusPool(1_000_000, [{ base: 12_000_000, coefficient: 1.2 }, { base: 14_400_000, coefficient: 1 }], 1)).toEqual([500_000, 500_000]);
  });

  it('a person with coefficient 0 gets 0; a pool not a whole number of steps or nobody to share with is refused', () => {
    expect(splitBonusPool(3000, [{ base: 1, coefficient: 0 }, { base: 1, coefficient: 1 }])).toEqual([0, 3000]);
    expect(() => splitBonusPool(1500, [{ base: 1, coefficient: 1 }])).toThrow(/not a multiple of the rounding step/);
    expect(() => splitBonusPool(1000, [{ base: 1, coefficient: 0 }])).toThrow('At least one person needs base × coefficient above 0');
    expect(() => splitBonusPool(1000, [{ base: -1, coefficient: 1 }])).toThrow('Person 1: base and coefficient must be non-negative numbers (got: -1, 1)');
  });
});
