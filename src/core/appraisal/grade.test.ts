import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { gradeOf } from './grade';
import { roundScore } from './round-score';
import { scoreSheet } from './score-sheet';

describe('grades', () => {
  it('default bands: A ≥ 1.05, B ≥ 0.95, C ≥ 0.8, D below (and below 0)', () => {
    expect([1.2, 1.05, 1.0499, 0.95, 0.9499, 0.8, 0.7999, 0, -0.3].map((s) => gradeOf(s))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'D']);
  });

  it('a score exactly on a boundary in decimal gets the higher grade, whatever floating point made of it', () => {
    expect(3 * 0.95 / 3 < 0.95).toBe(true); // 0.9499999999999998
    expect(gradeOf((3 * 0.95) / 3)).toBe('B');
    expect(gradeOf(0.9499999999)).toBe('B'); // rounds to 0.95 at 1e-9
    expect(gradeOf(0.949999999)).toBe('C'); // a real 1e-9 below
    expect(gradeOf(1.15 - 0.1)).toBe('A'); // 1.0499999999999998
    expect(gradeOf(0.1 + 0.7)).toBe('C'); // 0.7999999999999999
  });

  it('a sheet whose exact score is 0.95 (float 0.9499999999999998) is B', () => {
    // 10 % at 86 % + 90 % at 96 % = 8.6 + 86.4 = 95 %
    const r = scoreSheet({
      groups: [
        {
          code: 'g',
          weight: 100,
          items: [
            { kind: 'kpi', code: 'A', weight: 10, direction: 'increase', target: 100, actual: 86 },
            { kind: 'kpi', code: 'B', weight: 90, direction: 'increase', target: 100, actual: 96 },
          ],
        },
      ],
    });
    expect((10 * 0.86 + 90 * 0.96) / 100).toBe(0.9499999999999998);
    expect(r.score).toBe(0.95);
    expect(gradeOf(r.score!)).toBe('B');
  });

  it('company bands (given in any order) and a score below every band', () => {
    const bands = [
      { grade: 'Tốt', min: 0.9 },
      { grade: 'Xuất sắc', min: 1.1 },
      { grade: 'Đạt', min: 0.7 },
    ];
    expect([1.1, 1.0, 0.9, 0.75, 0.5].map((s) => gradeOf(s, bands))).toEqual(['Xuất sắc', 'Tốt', 'Tốt', 'Đạt', 'Đạt']);
  });

  it('refuses empty or repeated bands', () => {
    expect(() => gradeOf(1, [])).toThrow(DomainError);
    expect(() =>
      gradeOf(1, [
        { grade: 'A', min: 1 },
        { grade: 'A', min: 0.5 },
      ]),
    ).toThrow('Grade "A" is empty or repeated');
  });

  it('roundScore: 0.1 + 0.2 → 0.3, 9 decimals kept, no −0', () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(roundScore(0.123456789)).toBe(0.123456789);
    expect(roundScore(0.1234567894)).toBe(0.123456789);
    expect(Object.is(roundScore(-1e-12), 0)).toBe(true);
  });
});
