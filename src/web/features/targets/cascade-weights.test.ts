import { describe, expect, it } from 'vitest';
import { cascadeWeights, percentTotal, previewCascade, stepChoices } from './cascade-weights';

const B = 1_000_000_000;

describe('cascade weights and preview', () => {
  it('splits equally or by the typed percentages', () => {
    expect(cascadeWeights('equal', 2, [])).toEqual([1, 1]);
    expect(cascadeWeights('custom', 3, [52, 48])).toEqual([52, 48, 0]);
    // 33,33 + 33,33 + 33,34 = 100 exactly.
    expect(percentTotal([33.33, 33.33, 33.34])).toBe(100);
  });

  it('previews parts that add up exactly to the parent', () => {
    // 20 tỷ × 52 % = 10,4 tỷ; × 48 % = 9,6 tỷ.
    expect(previewCascade(20 * B, [52, 48], 1_000_000)).toEqual({ ok: true, values: [10.4 * B, 9.6 * B], weights: [52, 48] });
    // 10 tỷ in 3 equal parts of 1 triệu steps: 10 000 steps / 3 = 3 333 r 1 → 3 334, 3 333, 3 333 triệu.
    // 100 over 3 equal parts: 33 each and 1 left, to the first of the equal remainders → 34 / 33 / 33.
    expect(previewCascade(100, [1, 1, 1], 1)).toEqual({ ok: true, values: [34, 33, 33], weights: [1, 1, 1] });
    const r = previewCascade(10 * B, [1, 1, 1], 1_000_000);
    expect(r.ok && r.values).toEqual([3_334_000_000, 3_333_000_000, 3_333_000_000]);
  });

  it('explains a total that is not a multiple of the step', () => {
    const r = previewCascade(1_500_000, [1, 1], 1_000_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.vi).toContain('bước làm tròn');
  });

  it('offers money steps for VND', () => {
    expect(stepChoices('VND')).toEqual({ steps: [1, 1_000, 1_000_000], initial: 1_000_000 });
    expect(stepChoices(null).initial).toBe(1);
  });
});
