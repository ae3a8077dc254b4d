import { describe, expect, it } from 'vitest';
import { roundScore } from './round-score';
import { scoreBatch } from './score-batch';
import { scoreSheet } from './score-sheet';
import type { KpiItem, Sheet } from './types';

const kpi = (code: string, weight: number, extra: Partial<KpiItem> = {}): KpiItem => ({ kind: 'kpi', code, weight, direction: 'increase', ...extra });
const TEMPLATE: Sheet = {
  groups: [
    { code: 'output', weight: 60, items: [kpi('REV', 70, { cap: 1.2 }), kpi('NEW_CUST', 30)] },
    { code: 'quality', weight: 40, items: [kpi('DEFECTS', 50, { direction: 'decrease', floor: 0.2 }), kpi('NPS', 50, { cap: 1.5 })] },
  ],
};

/** The template filled with one person's numbers, for scoreSheet. */
function personSheet(template: Sheet, targets: number[], actuals: number[]): Sheet {
  let k = 0;
  return {
    ...template,
    groups: template.groups.map((g) => ({
      ...g,
      items: g.items.map((item) => {
        const i = k++;
        return { ...item, target: targets[i]!, actual: Number.isNaN(actuals[i]!) ? null : actuals[i]! };
      }),
    })),
  };
}

describe('scoreBatch: the typed-array path gives scoreSheet results', () => {
  it('two people by hand', () => {
    // person 1: output 0.7 × 1.1 + 0.3 × 0.75 = 0.995; quality 0.5 × (10 ÷ 8 = 1.25 → cap 1.2) + 0.5 × 0.9 = 1.05
    //           final 0.6 × 0.995 + 0.4 × 1.05 = 1.017
    // person 2: REV missing → output 0.75; DEFECTS 10 ÷ 100 = 0.1 → floor 0.2, NPS 0.9 → quality 0.55
    //           final 0.6 × 0.75 + 0.4 × 0.55 = 0.67
    const target = Float64Array.from([1e9, 20, 10, 50, 1e9, 20, 10, 50]);
    const actual = Float64Array.from([1.1e9, 15, 8, 45, Number.NaN, 15, 100, 45]);
    const scores = scoreBatch({ people: 2, template: TEMPLATE, target, actual });
    expect(Array.from(scores, roundScore)).toEqual([1.017, 0.67]);
  });

  it('agrees with scoreSheet to 1e-12 on 500 generated people, renormalize and zero', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const P = 500;
    const target = Float64Array.from({ length: P * 4 }, () => (next() < 0.05 ? 0 : Math.round(next() * 1000)));
    const actual = Float64Array.from({ length: P * 4 }, () => (next() < 0.15 ? Number.NaN : Math.round(next() * 1500) - 100));
    for (const missing of ['renormalize', 'zero'] as const) {
      const template = { ...TEMPLATE, missing };
      const fast = scoreBatch({ people: P, template, target, actual });
      for (let p = 0; p < P; p++) {
        const slow = scoreSheet(personSheet(template, Array.from(target.slice(p * 4, p * 4 + 4)), Array.from(actual.slice(p * 4, p * 4 + 4)))).score;
        if (slow === null) expect(fast[p]).toBeNaN();
        else expect(Math.abs(roundScore(fast[p]!) - slow)).toBeLessThan(1e-12);
      }
    }
  });

  it('refuses rated items and wrong array sizes', () => {
    const rated: Sheet = { groups: [{ code: 'g', weight: 100, items: [{ kind: 'rated', code: 'R', weight: 100, scale: 5 }] }] };
    expect(() => scoreBatch({ people: 1, template: rated, target: new Float64Array(1), actual: new Float64Array(1) })).toThrow('batch scoring supports ratio KPI items only');
    expect(() => scoreBatch({ people: 2, template: TEMPLATE, target: new Float64Array(4), actual: new Float64Array(8) })).toThrow('Expected 8 targets and actuals');
  });
});
