import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { scoreSheet } from './score-sheet';
import type { Sheet, SheetItem } from './types';

/** The issue's worked example (docs/evaluation.md). */
function exampleSheet(overrides: { onTime?: number | null; newCustActual?: number | null } = {}): Sheet {
  const onTime: SheetItem = { kind: 'rated', code: 'ON_TIME', weight: 100, scale: 5, rating: overrides.onTime === undefined ? 4 : overrides.onTime };
  return {
    groups: [
      {
        code: 'output',
        weight: 60,
        items: [
          { kind: 'kpi', code: 'REV', weight: 70, direction: 'increase', method: 'ratio', target: 1_000_000_000, actual: 1_100_000_000, cap: 1.2 },
          { kind: 'kpi', code: 'NEW_CUST', weight: 30, direction: 'increase', target: 20, actual: overrides.newCustActual === undefined ? 15 : overrides.newCustActual },
        ],
      },
      { code: 'behavior', weight: 20, items: [onTime] },
      { code: 'competency', weight: 20, items: [{ kind: 'rated', code: 'PRODUCT', weight: 100, scale: 5, rating: 3.5 }] },
    ],
  };
}

describe('scoreSheet — the worked example', () => {
  it('output 0.7 × 1.1 + 0.3 × 0.75 = 0.995; final 0.6 × 0.995 + 0.2 × 0.8 + 0.2 × 0.7 = 0.897', () => {
    const r = scoreSheet(exampleSheet());
    expect(r.items.map((i) => [i.code, i.achievement, i.score])).toEqual([
      ['REV', 1.1, 1.1], // 1.1 tỷ ÷ 1 tỷ, under the 1.2 cap
      ['NEW_CUST', 0.75, 0.75], // 15 ÷ 20
      ['ON_TIME', 0.8, 0.8], // 4 ÷ 5
      ['PRODUCT', 0.7, 0.7], // 3.5 ÷ 5
    ]);
    expect(r.groups).toEqual([
      { code: 'output', score: 0.995 },
      { code: 'behavior', score: 0.8 },
      { code: 'competency', score: 0.7 },
    ]);
    expect(r.score).toBe(0.897);
    expect(r.missing).toBe('renormalize');
  });

  it('without the behavior rating (renormalize): (0.597 + 0.14) ÷ 0.8 = 0.92125', () => {
    const r = scoreSheet(exampleSheet({ onTime: null }));
    expect(r.groups[1]).toEqual({ code: 'behavior', score: null });
    expect(r.items[2]).toMatchObject({ code: 'ON_TIME', achievement: null, score: null });
    expect(r.score).toBe(0.92125);
  });

  it('without the behavior rating in zero mode: 0.597 + 0.2 × 0 + 0.14 = 0.737', () => {
    const r = scoreSheet({ ...exampleSheet({ onTime: null }), missing: 'zero' });
    expect(r.groups[1]).toEqual({ code: 'behavior', score: 0 });
    expect(r.score).toBe(0.737);
    expect(r.missing).toBe('zero');
  });

  it('a missing KPI actual: renormalized inside its group (output = 1.1 → final 0.66 + 0.16 + 0.14 = 0.96), or 0 in zero mode (output 0.77 → 0.762)', () => {
    const renormalized = scoreSheet(exampleSheet({ newCustActual: null }));
    expect(renormalized.groups[0]).toEqual({ code: 'output', score: 1.1 });
    expect(renormalized.items[1]).toMatchObject({ code: 'NEW_CUST', score: null, reason: 'no-actual' });
    expect(renormalized.score).toBe(0.96);
    const zero = scoreSheet({ ...exampleSheet({ newCustActual: null }), missing: 'zero' });
    expect(zero.groups[0]).toEqual({ code: 'output', score: 0.77 }); // 0.7 × 1.1 + 0.3 × 0
    expect(zero.score).toBe(0.762); // 0.6 × 0.77 + 0.16 + 0.14
  });

  it('nothing with a value: no score (renormalize), 0 (zero mode)', () => {
    const empty: Sheet = { groups: [{ code: 'g', weight: 100, items: [{ kind: 'rated', code: 'R', weight: 100, scale: 5 }] }] };
    expect(scoreSheet(empty).score).toBeNull();
    expect(scoreSheet({ ...empty, missing: 'zero' }).score).toBe(0);
  });

  it('cap, floor, progress and binary items follow the KPI scoring rules', () => {
    const r = scoreSheet({
      groups: [
        {
          code: 'g',
          weight: 100,
          items: [
            { kind: 'kpi', code: 'CAPPED', weight: 25, direction: 'increase', target: 100, actual: 150 }, // 1.5 → default cap 1.2
            { kind: 'kpi', code: 'FLOOR', weight: 25, direction: 'increase', target: 100, actual: 30, floor: 0.5 }, // 0.3 → floor 0.5
            { kind: 'kpi', code: 'PROGRESS', weight: 25, direction: 'increase', method: 'progress', baseline: 10, target: 30, actual: 25 }, // 15 ÷ 20
            { kind: 'kpi', code: 'COMPLAINTS', weight: 25, direction: 'decrease', method: 'binary', target: 5, actual: 4 }, // met → 1
          ],
        },
      ],
    });
    expect(r.items.map((i) => [i.achievement, i.score])).toEqual([
      [1.5, 1.2],
      [0.3, 0.5],
      [0.75, 0.75],
      [1, 1],
    ]);
    expect(r.score).toBe(0.8625); // (1.2 + 0.5 + 0.75 + 1) ÷ 4
  });
});

describe('scoreSheet — refused sheets', () => {
  const problem = (sheet: Sheet) => {
    try {
      scoreSheet(sheet);
    } catch (error) {
      if (error instanceof DomainError) return error;
    }
    throw new Error('expected a DomainError');
  };
  const one = (items: SheetItem[], weight = 100): Sheet => ({ groups: [{ code: 'output', weight, items }] });
  const rated = (code: string, weight: number, rating: number | null = 4): SheetItem => ({ kind: 'rated', code, weight, scale: 5, rating });

  it('item weights totalling 99.99: code, the group and the actual total in vi and en', () => {
    const e = problem(one([rated('A', 33.33), rated('B', 33.33), rated('C', 33.33)]));
    expect(e.code).toBe('APPRAISAL_WEIGHTS_TOTAL');
    expect(e.localized).toEqual({
      vi: 'Trọng số các mục trong nhóm "output" cộng lại bằng 99,99, phải đúng bằng 100',
      en: 'The weights of the items of group "output" total 99.99; they must total exactly 100',
    });
    expect(e.issues[0]!.path).toBe('groups.0.items');
  });

  it('group weights not totalling 100', () => {
    const e = problem(one([rated('A', 100)], 90));
    expect(e.localized.en).toBe('The weights of the groups total 90; they must total exactly 100');
  });

  it('a negative weight names its item and path; a rating outside 1…scale is refused', () => {
    const negative = problem(one([rated('A', 110), rated('B', -10)]));
    expect(negative.code).toBe('APPRAISAL_WEIGHT_INVALID');
    expect(negative.issues[0]!.path).toBe('groups.0.items.1.weight');
    expect(negative.localized.en).toBe('The weight of "B" must be a non-negative number (got: -10)');
    for (const rating of [0, 5.5, -1]) {
      const e = problem(one([rated('A', 100, rating)]));
      expect(e.code).toBe('APPRAISAL_RATING_OUT_OF_SCALE');
      expect(e.localized.vi).toBe(`Mức đánh giá của "A" phải từ 1 đến 5 (nhận được: ${rating})`);
    }
  });

  it('NaN weight, repeated codes, floor above cap: every problem listed', () => {
    const e = problem(
      one([
        rated('A', Number.NaN),
        rated('A', 50),
        { kind: 'kpi', code: 'K', weight: 50, direction: 'increase', target: 1, actual: 1, floor: 2, cap: 1 },
      ]),
    );
    expect(e.issues.map((i) => i.code)).toEqual(['APPRAISAL_WEIGHT_INVALID', 'APPRAISAL_CODE_REPEATED', 'APPRAISAL_FLOOR_ABOVE_CAP']);
    expect(e.localized.en).toBe('The weight of "A" must be a non-negative number (got: NaN) (and 2 more)');
  });
});
