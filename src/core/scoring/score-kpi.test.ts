import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { scoreKpi } from './score-kpi';

describe('scoreKpi — ratio', () => {
  it('increase: actual / target', () => {
    // 95 / 100 = 0.95 → amber (≥ 0.8, < 1)
    expect(scoreKpi({ direction: 'increase', target: 100, actual: 95 })).toEqual({ achievement: 0.95, score: 0.95, status: 'amber' });
  });

  it('decrease: target 10, actual 12 → 10/12 = 83.33 %', () => {
    const r = scoreKpi({ direction: 'decrease', target: 10, actual: 12 });
    expect(r.achievement).toBeCloseTo(0.833333333333, 10); // 10 / 12 = 0.8333…
    expect(r.score).toBeCloseTo(0.833333333333, 10);
    expect(r.status).toBe('amber');
  });

  it('caps the score at 1.2 but keeps the achievement uncapped', () => {
    // 150 / 100 = 1.5 → score min(1.2, 1.5) = 1.2
    expect(scoreKpi({ direction: 'increase', target: 100, actual: 150 })).toEqual({ achievement: 1.5, score: 1.2, status: 'green' });
  });

  it('honours a custom floor and cap', () => {
    // 30 / 100 = 0.3 → floor 0.5; 200 / 100 = 2 → cap 1.5
    expect(scoreKpi({ direction: 'increase', target: 100, actual: 30, floor: 0.5 }).score).toBe(0.5);
    expect(scoreKpi({ direction: 'increase', target: 100, actual: 200, cap: 1.5 }).score).toBe(1.5);
  });

  it('zero target on an increase KPI: met (1) when actual ≥ 0, else 0', () => {
    expect(scoreKpi({ direction: 'increase', target: 0, actual: 5 })).toEqual({ achievement: 1, score: 1, status: 'green', reason: 'zero-target' });
    expect(scoreKpi({ direction: 'increase', target: 0, actual: 0 }).achievement).toBe(1);
    expect(scoreKpi({ direction: 'increase', target: 0, actual: -1 })).toMatchObject({ achievement: 0, score: 0, status: 'red' });
  });

  it('zero actual on a decrease KPI with target ≥ 0 counts as the cap', () => {
    expect(scoreKpi({ direction: 'decrease', target: 5, actual: 0 })).toEqual({ achievement: 1.2, score: 1.2, status: 'green', reason: 'zero-actual' });
    expect(scoreKpi({ direction: 'decrease', target: 0, actual: 0, cap: 1.5 })).toMatchObject({ achievement: 1.5, score: 1.5 });
    expect(scoreKpi({ direction: 'decrease', target: 5, actual: -2 })).toMatchObject({ achievement: 1.2, reason: 'negative-actual' });
  });

  it('zero target on a decrease KPI with a positive actual scores 0 (0 / 3)', () => {
    expect(scoreKpi({ direction: 'decrease', target: 0, actual: 3 })).toMatchObject({ achievement: 0, score: 0, status: 'red' });
  });

  it('negative actual on an increase KPI: achievement negative, score at the floor', () => {
    // −20 / 100 = −0.2
    expect(scoreKpi({ direction: 'increase', target: 100, actual: -20 })).toEqual({ achievement: -0.2, score: 0, status: 'red' });
  });

  it('negative target: distance from the target relative to |target|', () => {
    // increase, target −100 (a planned loss), actual −50: 1 + (−50 − (−100)) / 100 = 1.5
    expect(scoreKpi({ direction: 'increase', target: -100, actual: -50 })).toMatchObject({ achievement: 1.5, score: 1.2, reason: 'negative-target' });
    // increase, target −100, actual −200: 1 + (−100) / 100 = 0
    expect(scoreKpi({ direction: 'increase', target: -100, actual: -200 }).achievement).toBe(0);
    // decrease, target −100, actual −150: 1 + (−100 − (−150)) / 100 = 1.5
    expect(scoreKpi({ direction: 'decrease', target: -100, actual: -150 }).achievement).toBe(1.5);
  });

  it('missing actual is no value, not 0', () => {
    for (const actual of [null, undefined, Number.NaN]) {
      expect(scoreKpi({ direction: 'increase', target: 100, actual })).toEqual({ achievement: null, score: null, status: 'none', reason: 'no-actual' });
    }
  });

  it('missing target is no value', () => {
    expect(scoreKpi({ direction: 'increase', target: null, actual: 5 })).toEqual({ achievement: null, score: null, status: 'none', reason: 'no-target' });
  });

  it('rejects a floor above the cap, in vi and en', () => {
    try {
      scoreKpi({ direction: 'increase', target: 1, actual: 1, floor: 2, cap: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('SCORING_CONFIG_INVALID');
      expect((e as DomainError).localized.vi).toContain('điểm sàn');
    }
  });
});

describe('scoreKpi — progress from a baseline', () => {
  it('baseline 15, target 45, actual 16 → (16 − 15) / (45 − 15) = 1/30 = 3.33 %', () => {
    const r = scoreKpi({ direction: 'increase', method: { kind: 'progress' }, baseline: 15, target: 45, actual: 16 });
    expect(r.achievement).toBeCloseTo(1 / 30, 12);
    expect(r.achievement).toBeCloseTo(0.0333333333, 10);
    expect(r.status).toBe('red');
  });

  it('decrease: (baseline − actual) / (baseline − target)', () => {
    // baseline 20 days, target 10 days, actual 14 → (20 − 14) / (20 − 10) = 0.6
    expect(scoreKpi({ direction: 'decrease', method: { kind: 'progress' }, baseline: 20, target: 10, actual: 14 }).achievement).toBeCloseTo(0.6, 12);
  });

  it('going backwards gives a negative achievement and the floor as score', () => {
    // (10 − 15) / (45 − 15) = −5/30
    expect(scoreKpi({ direction: 'increase', method: { kind: 'progress' }, baseline: 15, target: 45, actual: 10 })).toMatchObject({
      score: 0,
      status: 'red',
    });
  });

  it('target = baseline has no value, with a reason', () => {
    expect(scoreKpi({ direction: 'increase', method: { kind: 'progress' }, baseline: 45, target: 45, actual: 50 })).toEqual({
      achievement: null,
      score: null,
      status: 'none',
      reason: 'target-equals-baseline',
    });
  });

  it('no baseline has no value', () => {
    expect(scoreKpi({ direction: 'increase', method: { kind: 'progress' }, target: 45, actual: 50 }).reason).toBe('no-baseline');
  });
});

describe('scoreKpi — range', () => {
  const method = { kind: 'range', min: 0.4, max: 0.6, tolerance: 0.1 } as const;

  it('is 1 inside [min, max], bounds included', () => {
    expect(scoreKpi({ direction: 'range', method, actual: 0.4 }).achievement).toBe(1);
    expect(scoreKpi({ direction: 'range', method, actual: 0.5 }).achievement).toBe(1);
    expect(scoreKpi({ direction: 'range', method, actual: 0.6 }).achievement).toBe(1);
  });

  it('falls linearly to 0 at the tolerance outside', () => {
    // 0.65 is 0.05 above max: 1 − 0.05 / 0.1 = 0.5;  0.37 is 0.03 below min: 1 − 0.03/0.1 = 0.7
    expect(scoreKpi({ direction: 'range', method, actual: 0.65 }).achievement).toBeCloseTo(0.5, 12);
    expect(scoreKpi({ direction: 'range', method, actual: 0.37 }).achievement).toBeCloseTo(0.7, 12);
    expect(scoreKpi({ direction: 'range', method, actual: 0.9 }).achievement).toBe(0);
  });

  it('tolerance 0 is all or nothing', () => {
    expect(scoreKpi({ direction: 'range', method: { kind: 'range', min: 1, max: 2, tolerance: 0 }, actual: 2.01 }).achievement).toBe(0);
  });

  it('rejects min > max and the range method missing on a range KPI', () => {
    expect(() => scoreKpi({ direction: 'range', method: { kind: 'range', min: 2, max: 1, tolerance: 0 }, actual: 1 })).toThrow(DomainError);
    expect(() => scoreKpi({ direction: 'range', target: 1, actual: 1 })).toThrow(/range method/);
  });
});

describe('scoreKpi — binary', () => {
  it('increase met / not met', () => {
    expect(scoreKpi({ direction: 'increase', method: { kind: 'binary' }, target: 10, actual: 10 })).toEqual({ achievement: 1, score: 1, status: 'green' });
    expect(scoreKpi({ direction: 'increase', method: { kind: 'binary' }, target: 10, actual: 9.99 })).toEqual({ achievement: 0, score: 0, status: 'red' });
  });

  it('decrease met when actual ≤ target', () => {
    expect(scoreKpi({ direction: 'decrease', method: { kind: 'binary' }, target: 3, actual: 2 }).achievement).toBe(1);
    expect(scoreKpi({ direction: 'decrease', method: { kind: 'binary' }, target: 3, actual: 4 }).achievement).toBe(0);
  });
});

describe('scoreKpi — bands', () => {
  const method = {
    kind: 'bands',
    bands: [
      { min: 0.8, score: 0.8 },
      { min: 1, score: 1 },
      { min: 1.2, score: 1.2 },
    ],
  } as const;

  it('scores by the step the ratio achievement reaches', () => {
    // 79/100 = 0.79 → below 80 % → 0
    expect(scoreKpi({ direction: 'increase', method, target: 100, actual: 79 })).toEqual({ achievement: 0.79, score: 0, status: 'red' });
    // 80/100 = 0.8 → 0.8; 99/100 → still 0.8
    expect(scoreKpi({ direction: 'increase', method, target: 100, actual: 80 }).score).toBe(0.8);
    expect(scoreKpi({ direction: 'increase', method, target: 100, actual: 99 }).score).toBe(0.8);
    // 110/100 = 1.1 → 1; 130/100 = 1.3 → 1.2 (achievement stays 1.3)
    expect(scoreKpi({ direction: 'increase', method, target: 100, actual: 110 }).score).toBe(1);
    expect(scoreKpi({ direction: 'increase', method, target: 100, actual: 130 })).toEqual({ achievement: 1.3, score: 1.2, status: 'green' });
  });

  it('works on decrease KPIs through the ratio', () => {
    // target 10, actual 12 → 10/12 = 0.833 → band 0.8
    expect(scoreKpi({ direction: 'decrease', method, target: 10, actual: 12 }).score).toBe(0.8);
  });
});
