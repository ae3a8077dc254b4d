import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { splitByShares, splitByWeights, splitEvenly } from './split';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('splitEvenly', () => {
  it('240 billion over 12 months is 12 × 20 billion', () => {
    const parts = splitEvenly(240e9, 12);
    expect(parts).toEqual(new Array(12).fill(20_000_000_000));
    expect(sum(parts)).toBe(240_000_000_000);
  });

  it('100 over 3 with step 1 → 34, 33, 33 (the leftover step goes to the first tie)', () => {
    // 100 / 3 = 33.33… → floors 33, 33, 33 = 99; 1 left → equal remainders, earliest part first.
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
  });

  it('rounds to a step of 1,000,000 ₫', () => {
    // 100,000,000 = 100 steps → 34, 33, 33 steps
    expect(splitEvenly(100_000_000, 3, { step: 1_000_000 })).toEqual([34_000_000, 33_000_000, 33_000_000]);
  });

  it('works with fractional steps (percentages as fractions, step 0.01)', () => {
    // 1 = 100 hundredths → 34, 33, 33 hundredths
    expect(splitEvenly(1, 3, { step: 0.01 })).toEqual([0.34, 0.33, 0.33]);
    // 0.3 is exactly 3 tenths (in binary floating point 0.3 / 0.1 = 2.9999999999999996)
    expect(splitEvenly(0.3, 2, { step: 0.1 })).toEqual([0.2, 0.1]);
  });

  it('splits negative totals symmetrically', () => {
    expect(splitEvenly(-100, 3)).toEqual([-34, -33, -33]);
  });

  it('a total that is not a multiple of the step is a clear error, in vi and en', () => {
    try {
      splitEvenly(100.5, 2);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('TARGET_NOT_MULTIPLE_OF_STEP');
      expect(err.localized.vi).toBe('Tổng chỉ tiêu 100,5 không chia hết cho bước làm tròn 1: hãy chọn bước nhỏ hơn hoặc sửa giá trị');
      expect(err.localized.en).toContain('The total target 100.5 is not a multiple of the rounding step 1');
    }
    expect(() => splitEvenly(240_500_000, 12, { step: 1_000_000 })).toThrow(/240,500,000 is not a multiple of the rounding step 1,000,000/);
  });

  it('rejects a bad step and a bad number of parts', () => {
    expect(() => splitEvenly(100, 3, { step: 0 })).toThrow(expect.objectContaining({ code: 'TARGET_STEP_INVALID' }));
    expect(() => splitEvenly(100, 0)).toThrow(expect.objectContaining({ code: 'TARGET_WEIGHTS_INVALID' }));
  });
});

describe('splitByWeights', () => {
  it('240 billion by seasonality 8,8,9,8,8,8,8,8,8,9,9,9 adds up exactly', () => {
    // Σ weights = 8 × 8 + 4 × 9 = 100 → 8/100 × 240e9 = 19.2e9 and 9/100 × 240e9 = 21.6e9
    const parts = splitByWeights(240e9, [8, 8, 9, 8, 8, 8, 8, 8, 8, 9, 9, 9], { step: 1_000_000 });
    expect(parts).toEqual([19.2e9, 19.2e9, 21.6e9, 19.2e9, 19.2e9, 19.2e9, 19.2e9, 19.2e9, 19.2e9, 21.6e9, 21.6e9, 21.6e9]);
    expect(sum(parts)).toBe(240e9); // 8 × 19.2e9 + 4 × 21.6e9 = 153.6e9 + 86.4e9
  });

  it('weights 1,2,1 of 1,000,001 → 250,000; 500,001; 250,000', () => {
    // quotas 250,000.25 / 500,000.5 / 250,000.25 → floors add to 1,000,000; the 1 left goes to the largest remainder (0.5).
    expect(splitByWeights(1_000_001, [1, 2, 1])).toEqual([250_000, 500_001, 250_000]);
  });

  it('uses the largest remainders with a step of 1,000,000', () => {
    // 1e9 = 1,000 steps by 7,8,9 (Σ 24): 291.67, 333.33, 375 → floors 291 + 333 + 375 = 999; +1 to the first (0.67).
    expect(splitByWeights(1e9, [7, 8, 9], { step: 1e6 })).toEqual([292e6, 333e6, 375e6]);
  });

  it('keeps exact integers where value × weight passes 2^53', () => {
    // 9e15 × 2e9 = 1.8e25 would lose digits in floating point; 9e15 × 1/3 = 3e15, × 2/3 = 6e15.
    expect(splitByWeights(9e15, [1e9, 2e9])).toEqual([3e15, 6e15]);
    // 2^53 + 2 split 1:1 → (2^53 + 2) / 2 = 2^52 + 1 each
    expect(splitByWeights(2 ** 53 + 2, [1, 1])).toEqual([2 ** 52 + 1, 2 ** 52 + 1]);
  });

  it('accepts fractional weights and zero weights', () => {
    // 0.25 / 0.75 of 1,000
    expect(splitByWeights(1000, [0.25, 0, 0.75])).toEqual([250, 0, 750]);
  });

  it('rejects negative, non-numeric and all-zero weights', () => {
    expect(() => splitByWeights(100, [1, -1])).toThrow(/weight 2 \(-1\) must be a non-negative number/);
    expect(() => splitByWeights(100, [1, Number.NaN])).toThrow(DomainError);
    expect(() => splitByWeights(100, [0, 0])).toThrow(/at least one weight must be positive/);
  });

  it('property: parts add up exactly and stay within one step of their exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const parts = splitByWeights(total, weights);
          const W = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * (weights[i] as number)) / W)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('splitByShares', () => {
  it("follows last year's actual shares", () => {
    // last year 120 + 80 + 200 = 400 → shares 30 %, 20 %, 50 % of 1,000
    expect(splitByShares(1000, [120, 80, 200])).toEqual([300, 200, 500]);
  });

  it('rejects negative actuals and years with nothing', () => {
    expect(() => splitByShares(1000, [120, -5])).toThrow(expect.objectContaining({ code: 'TARGET_WEIGHTS_INVALID' }));
    expect(() => splitByShares(1000, [0, 0])).toThrow(DomainError);
  });
});
