import { describe, expect, it } from 'vitest';
import { timeWeightedScore } from './proration';

describe('time-weighted score over sheets held during a cycle', () => {
  it('60 days at 92 % and 30 days at 80 % → (55.2 + 24) ÷ 90 = 88 %', () => {
    expect(timeWeightedScore([{ days: 60, score: 0.92 }, { days: 30, score: 0.8 }])).toBe(0.88);
  });

  it('three sheets: 31 × 1.0 + 28 × 0.9 + 31 × 0.8 = 81 over 90 days → 0.9', () => {
    expect(timeWeightedScore([{ days: 31, score: 1 }, { days: 28, score: 0.9 }, { days: 31, score: 0.8 }])).toBe(0.9);
  });

  it('a sheet without a score leaves its days out; none at all → null', () => {
    expect(timeWeightedScore([{ days: 60, score: 0.92 }, { days: 30, score: null }])).toBe(0.92);
    expect(timeWeightedScore([{ days: 30, score: null }])).toBeNull();
    expect(timeWeightedScore([])).toBeNull();
  });

  it('refuses days that are not whole numbers ≥ 0', () => {
    expect(() => timeWeightedScore([{ days: 1.5, score: 1 }])).toThrow('The days of period 1 must be a whole number ≥ 0 (got: 1.5)');
    expect(() => timeWeightedScore([{ days: -1, score: 1 }])).toThrow(/period 1/);
  });
});
