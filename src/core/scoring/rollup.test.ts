import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { rollupScores } from './rollup';

describe('rollupScores', () => {
  const children = [
    { weight: 0.5, score: 1.1 },
    { weight: 0.3, score: 0.8 },
    { weight: 0.2, score: null },
  ];

  it('skips a child without a value by default', () => {
    // (0.5 × 1.1 + 0.3 × 0.8) / (0.5 + 0.3) = (0.55 + 0.24) / 0.8 = 0.79 / 0.8 = 0.9875
    const r = rollupScores(children);
    expect(r.score).toBeCloseTo(0.9875, 12);
    expect(r.weightUsed).toBeCloseTo(0.8, 12);
    expect(r.missing).toBe(1);
  });

  it('can count a missing child as 0', () => {
    // (0.55 + 0.24 + 0.2 × 0) / (0.5 + 0.3 + 0.2) = 0.79
    expect(rollupScores(children, { missing: 'zero' }).score).toBeCloseTo(0.79, 12);
  });

  it('uses raw weights, not only fractions', () => {
    // (3 × 1 + 1 × 0.6) / 4 = 0.9
    expect(rollupScores([{ weight: 3, score: 1 }, { weight: 1, score: 0.6 }]).score).toBeCloseTo(0.9, 12);
  });

  it('has no value when nothing has a value', () => {
    expect(rollupScores([{ weight: 1, score: null }]).score).toBeNull();
    expect(rollupScores([]).score).toBeNull();
  });

  it('rejects a negative weight', () => {
    expect(() => rollupScores([{ weight: -1, score: 1 }])).toThrow(DomainError);
  });
});
