import { describe, expect, it } from 'vitest';
import { cascadeToChildren, cascadeTree } from './cascade';
import { checkCascadeSums, checkTargetSum } from './sum-check';

describe('cascade', () => {
  it('splits a unit target over its children by weight', () => {
    // 10e9 by 5 : 3 : 2 → 5e9, 3e9, 2e9
    expect(
      cascadeToChildren(10e9, [
        { id: 'HN', weight: 5 },
        { id: 'HCM', weight: 3 },
        { id: 'ONLINE', weight: 2 },
      ]),
    ).toEqual([
      { id: 'HN', value: 5e9 },
      { id: 'HCM', value: 3e9 },
      { id: 'ONLINE', value: 2e9 },
    ]);
  });

  it('cascades down a whole tree, rounding each level to the step', () => {
    // company 10e9 → HN 1 : HCM 1 = 5e9 each; HN → A 2 : B 1 = 5,000 steps × 2/3 = 3,333.3 and × 1/3 = 1,666.7
    // → floors 3,333 + 1,666 = 4,999; the step left goes to B (remainder 2/3 > 1/3).
    const targets = cascadeTree(
      [
        { id: 'CO', parentId: null, weight: 1 },
        { id: 'HN', parentId: 'CO', weight: 1 },
        { id: 'HCM', parentId: 'CO', weight: 1 },
        { id: 'A', parentId: 'HN', weight: 2 },
        { id: 'B', parentId: 'HN', weight: 1 },
      ],
      'CO',
      10e9,
      { step: 1e6 },
    );
    expect(Object.fromEntries(targets)).toEqual({ CO: 10e9, HN: 5e9, HCM: 5e9, A: 3_333e6, B: 1_667e6 });
  });
});

describe('sum check', () => {
  it('flags children that do not add up, with the difference', () => {
    // 4e9 + 3.5e9 + 2e9 = 9.5e9 → 10e9 − 9.5e9 = 0.5e9 not allocated
    expect(checkTargetSum('sum', 10e9, [4e9, 3.5e9, 2e9])).toEqual({
      applicable: true,
      ok: false,
      parent: 10e9,
      childrenSum: 9.5e9,
      difference: 0.5e9,
    });
    expect(checkTargetSum('count', 30, [10, 20])).toMatchObject({ ok: true, difference: 0 });
  });

  it('adds decimals exactly (0.1 + 0.2 = 0.3)', () => {
    expect(checkTargetSum('sum', 0.3, [0.1, 0.2])).toMatchObject({ ok: true, difference: 0 });
  });

  it('is not applicable to avg, ratio, last, min and max KPIs', () => {
    for (const aggregation of ['avg', 'ratio', 'last', 'min', 'max'] as const) {
      expect(checkTargetSum(aggregation, 0.9, [0.8, 0.95])).toMatchObject({ applicable: false, reason: 'not-additive' });
    }
  });

  it('checks every parent in a cascade and reports the mismatches', () => {
    // CO 10e9 vs HN 5e9 + HCM 5.5e9 = 10.5e9 → difference −0.5e9 (over-allocated); HN 5e9 = A 3e9 + B 2e9 → fine
    const r = checkCascadeSums('sum', [
      { id: 'CO', parentId: null, target: 10e9 },
      { id: 'HN', parentId: 'CO', target: 5e9 },
      { id: 'HCM', parentId: 'CO', target: 5.5e9 },
      { id: 'A', parentId: 'HN', target: 3e9 },
      { id: 'B', parentId: 'HN', target: 2e9 },
    ]);
    expect(r.applicable).toBe(true);
    if (!r.applicable) return;
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toMatchObject({ id: 'CO', parent: 10e9, childrenSum: 10.5e9, difference: -0.5e9, code: 'TARGET_SUM_MISMATCH' });
    expect(r.mismatches[0]?.message.vi).toContain('10.500.000.000');
    expect(r.mismatches[0]?.message.en).toContain('difference -500,000,000');
  });
});
