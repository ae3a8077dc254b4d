import { describe, expect, it } from 'vitest';
import { aggregateOverTime, ratioOfSums } from './aggregate';

const values = (...xs: (number | null)[]) => xs.map((value) => ({ value }));

describe('aggregateOverTime', () => {
  it('sum, avg, last, min, max skip missing months', () => {
    const months = values(10, null, 30, 20);
    expect(aggregateOverTime('sum', months)).toBe(60); // 10 + 30 + 20
    expect(aggregateOverTime('avg', months)).toBe(20); // 60 / 3 known months
    expect(aggregateOverTime('last', months)).toBe(20);
    expect(aggregateOverTime('min', months)).toBe(10);
    expect(aggregateOverTime('max', months)).toBe(30);
  });

  it('sums decimals exactly (0.1 + 0.2 = 0.3)', () => {
    expect(aggregateOverTime('sum', values(0.1, 0.2))).toBe(0.3);
  });

  it('has no value when no month has one', () => {
    expect(aggregateOverTime('sum', values(null, null))).toBeNull();
    expect(aggregateOverTime('last', [])).toBeNull();
  });

  it('ratio KPIs aggregate as a ratio of sums, not an average of ratios', () => {
    // Conversion rate: January 10 orders / 100 leads = 10 %, February 90 / 300 = 30 %.
    // Average of ratios would be (10 % + 30 %) / 2 = 20 %; the true quarter rate is (10 + 90) / (100 + 300) = 25 %.
    const months = [
      { numerator: 10, denominator: 100 },
      { numerator: 90, denominator: 300 },
    ];
    expect(aggregateOverTime('ratio', months)).toBe(0.25);
    expect(ratioOfSums(months)).toBe(0.25);
  });

  it('ratio skips months missing a part and has no value over a zero denominator', () => {
    // (10 + 5) / (100 + 50); the month without a denominator is left out.
    expect(ratioOfSums([{ numerator: 10, denominator: 100 }, { numerator: 7, denominator: null }, { numerator: 5, denominator: 50 }])).toBe(0.1);
    expect(ratioOfSums([{ numerator: 0, denominator: 0 }])).toBeNull();
  });
});
