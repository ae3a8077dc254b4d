import { describe, expect, it } from 'vitest';
import { initialPayForm, toScenario } from './pay-scenario';

const bands = [
  { grade: 'A', min: 1.05 },
  { grade: 'B', min: 0.95 },
  { grade: 'C', min: 0.8 },
  { grade: 'D', min: 0 },
];
const rule = { id: 1, createdAt: '2026-01-01T00:00:00Z', effectiveFrom: '2026-01-01', rate: 0.5, coefficients: { A: 2, B: 1.2, C: 1, D: 0 }, roundStep: 10_000, note: '' };

describe('pay simulator scenario', () => {
  it("starts from the cycle's bonus rule", () => {
    const f = initialPayForm({ bands, bonusRule: rule });
    expect(f).toMatchObject({ coefMode: 'grade', coefficients: { A: 2, B: 1.2, C: 1, D: 0 }, rate: 0.5, roundStep: 10_000, usePool: false });
    expect(toScenario(f)).toEqual({ bands, coefficients: { A: 2, B: 1.2, C: 1, D: 0 }, rate: 0.5, roundStep: 10_000 });
  });

  it('without a rule, uses the default table A 1,5 · B 1,2 · C 1 · D 0,5, rate 1 and a 1.000 ₫ step', () => {
    expect(initialPayForm({ bands, bonusRule: null })).toMatchObject({ coefficients: { A: 1.5, B: 1.2, C: 1, D: 0.5 }, rate: 1, roundStep: 1000 });
  });

  it('splits a pool instead of a rate, and leaves out what is empty', () => {
    const f = { ...initialPayForm({ bands, bonusRule: rule }), usePool: true, pool: 100_000_000, roundStep: null };
    f.coefficients = { ...f.coefficients, D: null };
    expect(toScenario(f)).toEqual({ bands, pool: 100_000_000 });
  });

  it('sends "score" when the final score is the coefficient', () => {
    expect(toScenario({ ...initialPayForm({ bands, bonusRule: { ...rule, coefficients: 'score' } }) }).coefficients).toBe('score');
  });
});
