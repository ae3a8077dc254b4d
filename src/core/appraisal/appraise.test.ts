import { describe, expect, it } from 'vitest';
import { appraise } from './appraise';
import type { AppraisalInput } from './types';

const example = (rating: number | null = 4): AppraisalInput => ({
  groups: [
    {
      code: 'output',
      weight: 60,
      items: [
        { kind: 'kpi', code: 'REV', weight: 70, direction: 'increase', method: 'ratio', target: 1e9, actual: 1.1e9, cap: 1.2 },
        { kind: 'kpi', code: 'NEW_CUST', weight: 30, direction: 'increase', target: 20, actual: 15 },
      ],
    },
    { code: 'behavior', weight: 20, items: [{ kind: 'rated', code: 'ON_TIME', weight: 100, scale: 5, rating }] },
    { code: 'competency', weight: 20, items: [{ kind: 'rated', code: 'PRODUCT', weight: 100, scale: 5, rating: 3.5 }] },
  ],
  bonus: { base: 5_000_000, rate: 1, round: 1000 },
});

describe('appraise: score → grade → coefficient → bonus', () => {
  it('the worked example: 0.897 → C → 1.0 → 5,000,000', () => {
    expect(appraise(example())).toMatchObject({ score: 0.897, grade: 'C', coefficient: 1, bonus: 5_000_000 });
  });

  it('renormalized without the behavior rating: 0.92125 → C; zero mode: 0.737 → D → 0.5 → 2,500,000', () => {
    expect(appraise(example(null))).toMatchObject({ score: 0.92125, grade: 'C', bonus: 5_000_000 });
    expect(appraise({ ...example(null), missing: 'zero' })).toMatchObject({ score: 0.737, grade: 'D', coefficient: 0.5, bonus: 2_500_000 });
  });

  it('score mode: 5,000,000 × 0.897 = 4,485,000; half the rate: 2,242,500 → 2,243,000 (half up)', () => {
    const input = example();
    expect(appraise({ ...input, bonus: { base: 5_000_000, coefficients: 'score' } })).toMatchObject({ coefficient: 0.897, bonus: 4_485_000 });
    expect(appraise({ ...input, bonus: { base: 5_000_000, rate: 0.5, coefficients: 'score' } })).toMatchObject({ bonus: 2_243_000 });
  });

  it('company bands and coefficients: 0.897 ≥ 0.85 → "Tốt" → 1.1 → 5,500,000', () => {
    const r = appraise({
      ...example(),
      bands: [
        { grade: 'Xuất sắc', min: 1 },
        { grade: 'Tốt', min: 0.85 },
        { grade: 'Cần cố gắng', min: 0 },
      ],
      bonus: { base: 5_000_000, coefficients: { 'Xuất sắc': 1.5, Tốt: 1.1, 'Cần cố gắng': 0 } },
    });
    expect(r).toMatchObject({ grade: 'Tốt', coefficient: 1.1, bonus: 5_500_000 });
  });

  it('no bonus rule: grade only; no value at all: no grade and no bonus', () => {
    const { bonus: _bonus, ...noBonus } = example();
    expect(appraise(noBonus)).toMatchObject({ score: 0.897, grade: 'C', coefficient: null, bonus: null });
    const empty: AppraisalInput = { groups: [{ code: 'g', weight: 100, items: [{ kind: 'rated', code: 'R', weight: 100, scale: 5 }] }], bonus: { base: 1000 } };
    expect(appraise(empty)).toMatchObject({ score: null, grade: null, coefficient: null, bonus: null });
  });

  it('a bands grade missing from the coefficient table is refused before scoring', () => {
    expect(() => appraise({ ...example(), bonus: { base: 5_000_000, coefficients: { A: 1.5, B: 1.2, C: 1 } } })).toThrow(
      'The bonus coefficient table has no grade "D"',
    );
  });
});
