import { describe, expect, it } from 'vitest';
import { decompose, factorsOf, volumePriceFactors } from './drivers';
import { productShapeOf } from './product-formula';

describe('driver decomposition', () => {
  it('worked example: 1,000 × 500.000 ₫ vs 900 × 520.000 ₫ → volume −50.000.000, order value +18.000.000, total −32.000.000', () => {
    const d = decompose(factorsOf([
      { code: 'ORDERS', target: 1000, actual: 900 },
      { code: 'AOV', target: 500_000, actual: 520_000 },
    ]));
    expect(d.target).toBe(500_000_000);
    expect(d.actual).toBe(468_000_000);
    expect(d.gap).toBe(-32_000_000);
    expect(d.effects.map((e) => [e.code, e.effect])).toEqual([
      ['ORDERS', -50_000_000],
      ['AOV', 18_000_000],
    ]);
  });

  it('REVENUE = ORDERS × (REVENUE / ORDERS) gives the same split from the revenue and the orders', () => {
    const f = volumePriceFactors({ target: 500_000_000, actual: 468_000_000 }, { code: 'ORDERS', target: 1000, actual: 900 }, 'AOV')!;
    const d = decompose(f);
    expect(d.effects.map((e) => e.effect)).toEqual([-50_000_000, 18_000_000]);
    expect(d.effects[1]!.target).toBe(500_000);
    expect(d.effects[1]!.actual).toBe(520_000);
  });

  it('a price that is not a whole number still sums to the gap to the last đồng', () => {
    // revenue 1.000.000 / 3 orders (333.333,33… ₫) → 1.000.001 / 7 orders (142.857,28… ₫): gap +1 ₫
    const d = decompose(volumePriceFactors({ target: 1_000_000, actual: 1_000_001 }, { code: 'O', target: 3, actual: 7 }, 'P')!);
    expect(d.gap).toBe(1);
    // volume (7 − 3) × 1.000.000/3 = 1.333.333,33… → 1.333.333; price = gap − that, exactly
    expect(d.effects.map((e) => e.effect)).toEqual([1_333_333, -1_333_332]);
    expect(d.effects[0]!.effect + d.effects[1]!.effect).toBe(d.gap);
  });

  it('0.1 × 0.2 style decimals do not drift: three factors, sequential, exact sum', () => {
    const d = decompose(factorsOf([
      { code: 'A', target: 0.1, actual: 0.3 },
      { code: 'B', target: 0.2, actual: 0.1 },
      { code: 'C', target: 10, actual: 20 },
    ]), 4);
    // A: (0.3−0.1)·0.2·10 = 0.4; B: 0.3·(0.1−0.2)·10 = −0.3; C: 0.3·0.1·(20−10) = 0.3; gap 0.6 − 0.2 = 0.4
    expect(d.effects.map((e) => e.effect)).toEqual([0.4, -0.3, 0.3]);
    expect(d.gap).toBe(0.4);
  });

  it('no volume means no price: null', () => {
    expect(volumePriceFactors({ target: 1, actual: 0 }, { code: 'O', target: 10, actual: 0 }, 'P')).toBeNull();
  });

  it('reads products and A = B × (A/B) from formulas', () => {
    const others = [{ code: 'AOV', formula: '[REVENUE] / [ORDERS]' }, { code: 'CR', formula: '[ORDERS] / [LEADS]' }];
    expect(productShapeOf('REVENUE', null, others)).toEqual({ kind: 'ratio', volume: 'ORDERS', price: 'AOV' });
    expect(productShapeOf('GMV', '[ORDERS] * [AOV]', others)).toEqual({ kind: 'product', factors: ['ORDERS', 'AOV'] });
    expect(productShapeOf('X', '[A] + [B]', others)).toBeNull();
    expect(productShapeOf('X', '[A] * 2', others)).toBeNull();
  });
});
