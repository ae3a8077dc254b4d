import { describe, expect, it } from 'vitest';
import type { KpiAggregation } from '../kpi/types';
import { aggregateOverTime } from './aggregate';
import { AGGREGATION_CODE, DIRECTION_CODE, evaluateCompany, type CompanyCube } from './fast-rollup';
import { rollupScores } from './rollup';
import { scoreKpi } from './score-kpi';

const N = Number.NaN;

/**
 * Units: 0 company (no KPIs of its own), 1 Sales, 2 Operations. KPIs: 0 revenue (sum, increase),
 * 1 complaint rate (ratio, decrease). Three months.
 */
function smallCube(missingAsZero = false): CompanyCube {
  return {
    unitCount: 3,
    kpiCount: 2,
    monthCount: 3,
    // [unit][kpi][month]
    actual: new Float64Array([N, N, N, N, N, N, 30, 40, 50, 2, 3, N, N, N, N, 1, 1, 2]),
    denominator: new Float64Array([N, N, N, N, N, N, N, N, N, 100, 100, 100, N, N, N, 100, 100, 200]),
    target: new Float64Array([N, N, 100, 0.02, 50, 0.02]),
    weight: new Float64Array([0, 0, 0.6, 0.4, 0.5, 0.5]),
    kpiAggregation: new Int32Array([AGGREGATION_CODE.sum, AGGREGATION_CODE.ratio]),
    kpiDirection: new Int32Array([DIRECTION_CODE.increase, DIRECTION_CODE.decrease]),
    unitParent: new Int32Array([-1, 0, 0]),
    unitWeight: new Float64Array([1, 3, 1]),
    ownWeight: new Float64Array([1, 1, 1]),
    floor: 0,
    cap: 1.2,
    missingAsZero,
  };
}

describe('evaluateCompany', () => {
  it('aggregates, scores and rolls up a worked example', () => {
    const r = evaluateCompany(smallCube());
    // Sales revenue 30 + 40 + 50 = 120 vs 100 → 1.2. Complaint rate (2 + 3) / (100 + 100) = 0.025 (the month
    // without a numerator is skipped) vs 0.02, decrease → 0.02 / 0.025 = 0.8.
    expect(r.aggregated[2]).toBe(120);
    expect(r.aggregated[3]).toBeCloseTo(0.025, 15);
    expect(r.score[2]).toBeCloseTo(1.2, 12);
    expect(r.score[3]).toBeCloseTo(0.8, 12);
    // Sales = 0.6 × 1.2 + 0.4 × 0.8 = 0.72 + 0.32 = 1.04
    expect(r.unitScore[1]).toBeCloseTo(1.04, 12);
    // Operations: revenue missing (skipped); complaints 4 / 400 = 0.01 → 0.02 / 0.01 = 2 → capped 1.2
    expect(Number.isNaN(r.score[4])).toBe(true);
    expect(r.unitScore[2]).toBeCloseTo(1.2, 12);
    // Company has no KPIs: (3 × 1.04 + 1 × 1.2) / (3 + 1) = 4.32 / 4 = 1.08
    expect(Number.isNaN(r.unitScore[0])).toBe(true);
    expect(r.rolledScore[0]).toBeCloseTo(1.08, 12);
  });

  it('can count missing KPIs as 0', () => {
    const r = evaluateCompany(smallCube(true));
    // Operations = (0.5 × 0 + 0.5 × 1.2) / 1 = 0.6; company = (3 × 1.04 + 0.6) / 4 = 3.72 / 4 = 0.93
    expect(r.unitScore[2]).toBeCloseTo(0.6, 12);
    expect(r.rolledScore[0]).toBeCloseTo(0.93, 12);
  });

  it('rejects a child listed before its parent and arrays of the wrong size', () => {
    expect(() => evaluateCompany({ ...smallCube(), unitParent: new Int32Array([-1, 2, 0]) })).toThrow(/parent unit must come before/);
    expect(() => evaluateCompany({ ...smallCube(), target: new Float64Array(5) })).toThrow(/target has 5 items/);
  });

  it('agrees with the object API on a larger generated company', () => {
    const cube = generatedCube(40, 6, 12);
    const fast = evaluateCompany(cube);
    const slow = evaluateWithObjects(cube);
    for (let i = 0; i < fast.score.length; i++) expectSame(fast.score[i], slow.score[i]);
    for (let u = 0; u < cube.unitCount; u++) {
      expectSame(fast.unitScore[u], slow.unitScore[u]);
      expectSame(fast.rolledScore[u], slow.rolledScore[u]);
    }
  });
});

function expectSame(a: number | undefined, b: number | null | undefined): void {
  if (b === null || b === undefined || Number.isNaN(b)) expect(Number.isNaN(a)).toBe(true);
  else expect(a).toBeCloseTo(b, 9);
}

const AGGREGATIONS: KpiAggregation[] = ['sum', 'avg', 'last', 'min', 'max', 'ratio'];

/** Deterministic pseudo-random company (a linear congruential generator; no Math.random in tests). */
function generatedCube(U: number, K: number, M: number): CompanyCube {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const actual = new Float64Array(U * K * M).map(() => (next() < 0.1 ? N : Math.round(next() * 1000) - 50));
  const denominator = new Float64Array(U * K * M).map(() => (next() < 0.05 ? N : Math.round(next() * 2000)));
  const target = new Float64Array(U * K).map(() => (next() < 0.05 ? N : Math.round(next() * 800) - 20));
  const weight = new Float64Array(U * K).map(() => (next() < 0.2 ? 0 : Math.round(next() * 10)));
  const unitParent = new Int32Array(U).map((_, u) => (u === 0 ? -1 : Math.floor(next() * u)));
  return {
    unitCount: U,
    kpiCount: K,
    monthCount: M,
    actual,
    denominator,
    target,
    weight,
    kpiAggregation: new Int32Array(K).map((_, k) => k % AGGREGATIONS.length),
    kpiDirection: new Int32Array(K).map((_, k) => (k % 4 === 3 ? 1 : 0)),
    unitParent,
    unitWeight: new Float64Array(U).map(() => 1 + Math.floor(next() * 4)),
    ownWeight: new Float64Array(U).map(() => Math.floor(next() * 3)),
    floor: 0,
    cap: 1.2,
  };
}

/** The same company through the object API: aggregateOverTime → scoreKpi → rollupScores. */
function evaluateWithObjects(cube: CompanyCube) {
  const { unitCount: U, kpiCount: K, monthCount: M } = cube;
  const at = (a: Float64Array, i: number) => (Number.isNaN(a[i]) ? null : (a[i] as number));
  const score: (number | null)[] = [];
  const unitScore: (number | null)[] = [];
  for (let u = 0; u < U; u++) {
    const sheet = [];
    for (let k = 0; k < K; k++) {
      const cell = u * K + k;
      const months = Array.from({ length: M }, (_, m) => ({
        value: at(cube.actual, cell * M + m),
        numerator: at(cube.actual, cell * M + m),
        denominator: at(cube.denominator, cell * M + m),
      }));
      const aggregation = AGGREGATIONS[cube.kpiAggregation[k] as number] as KpiAggregation;
      const result = scoreKpi({
        direction: cube.kpiDirection[k] === 1 ? 'decrease' : 'increase',
        target: at(cube.target, cell),
        actual: aggregateOverTime(aggregation, months),
        floor: cube.floor,
        cap: cube.cap,
      });
      score.push(result.score);
      sheet.push({ weight: cube.weight[cell] as number, score: result.score });
    }
    unitScore.push(rollupScores(sheet).score);
  }
  const children = new Map<number, number[]>();
  for (let u = 1; u < U; u++) children.set(cube.unitParent[u] as number, [...(children.get(cube.unitParent[u] as number) ?? []), u]);
  const rolledScore: (number | null)[] = new Array(U).fill(null);
  const rolled = (u: number): number | null =>
    rollupScores([
      { weight: cube.ownWeight[u] as number, score: unitScore[u] ?? null },
      ...(children.get(u) ?? []).map((c) => ({ weight: cube.unitWeight[c] as number, score: rolled(c) })),
    ]).score;
  for (let u = 0; u < U; u++) rolledScore[u] = rolled(u);
  return { score, unitScore, rolledScore };
}
