import { describe, expect, it } from 'vitest';
import { consensusRate, reviewerLeniency } from './calibration';

describe('reviewer leniency', () => {
  it('each reviewer mean minus the company mean', () => {
    // R1: 0.9, 1.0 → 0.95; R2: 0.7, 0.8, 0.75 → 0.75; company (0.9 + 1.0 + 0.7 + 0.8 + 0.75) ÷ 5 = 0.83
    const r = reviewerLeniency([
      { reviewer: 'R1', score: 0.9 },
      { reviewer: 'R2', score: 0.7 },
      { reviewer: 'R1', score: 1.0 },
      { reviewer: 'R2', score: 0.8 },
      { reviewer: 'R2', score: 0.75 },
    ]);
    expect(r.companyMean).toBe(0.83);
    expect(r.reviewers).toEqual([
      { reviewer: 'R1', count: 2, mean: 0.95, leniency: 0.12 },
      { reviewer: 'R2', count: 3, mean: 0.75, leniency: -0.08 },
    ]);
  });

  it('no reviews: no mean; a non-numeric score is refused', () => {
    expect(reviewerLeniency([])).toEqual({ companyMean: null, reviewers: [] });
    expect(() => reviewerLeniency([{ reviewer: 'R1', score: Number.NaN }])).toThrow(/R1/);
  });
});

describe('consensus rate = agreed ÷ assigned items', () => {
  it('9 of 12 → 0.75; 1 of 3 → 0.333333333; nothing assigned → null', () => {
    expect(consensusRate(9, 12)).toBe(0.75);
    expect(consensusRate(1, 3)).toBe(0.333333333);
    expect(consensusRate(0, 0)).toBeNull();
  });

  it('refuses more agreed than assigned, negatives and fractions', () => {
    expect(() => consensusRate(13, 12)).toThrow('The agreed items (13) must be a whole number from 0 to the assigned items (12)');
    expect(() => consensusRate(-1, 2)).toThrow();
    expect(() => consensusRate(1.5, 2)).toThrow();
  });
});
