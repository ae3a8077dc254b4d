import type { KpiAggregation } from '../kpi/types';
import { scoringConfigError } from './errors';
import { ratioAchievement } from './ratio';

/** Aggregation codes for `CompanyCube.kpiAggregation`. */
export const AGGREGATION_CODE: Readonly<Record<KpiAggregation, number>> = { sum: 0, avg: 1, last: 2, min: 3, max: 4, ratio: 5 };
/** Direction codes for `CompanyCube.kpiDirection` (range KPIs are not supported by the fast path). */
export const DIRECTION_CODE = { increase: 0, decrease: 1 } as const;

/**
 * A whole company's period in flat typed arrays. `U` units, `K` KPIs, `M` sub-periods (months).
 * Missing values are NaN. Index helpers: value `(u * K + k) * M + m`, cell `u * K + k`.
 */
export interface CompanyCube {
  unitCount: number;
  kpiCount: number;
  monthCount: number;
  /** Actual per unit × KPI × month; for ratio KPIs the numerator. */
  actual: Float64Array;
  /** Denominator per unit × KPI × month; read for ratio KPIs only. */
  denominator: Float64Array;
  /** Target per unit × KPI for the whole period; NaN = none. */
  target: Float64Array;
  /** KPI weight on the unit's sheet per unit × KPI; 0 = KPI not assigned to the unit. */
  weight: Float64Array;
  /** Per KPI, an `AGGREGATION_CODE`. */
  kpiAggregation: Int32Array;
  /** Per KPI, a `DIRECTION_CODE`. */
  kpiDirection: Int32Array;
  /** Per unit, the parent unit's index or −1; a parent must come before its children. */
  unitParent: Int32Array;
  /** Per unit, its weight in its parent's roll-up. */
  unitWeight: Float64Array;
  /** Per unit, the weight of its own KPI score in its own roll-up (next to its children). */
  ownWeight: Float64Array;
  floor: number;
  cap: number;
  /** Count KPIs without a value as score 0 (default: leave them out). */
  missingAsZero?: boolean;
}

export interface CompanyEvaluation {
  /** Aggregated actual per unit × KPI (NaN = none). */
  aggregated: Float64Array;
  /** Score per unit × KPI, ratio method, clamped to [floor, cap] (NaN = none). */
  score: Float64Array;
  /** Per unit, weighted average of its KPI scores (NaN = none). */
  unitScore: Float64Array;
  /** Per unit, weighted average of its own score (ownWeight) and its children's rolled scores (unitWeight). */
  rolledScore: Float64Array;
}

/**
 * Evaluate a whole company in one pass over typed arrays: aggregate months per KPI, score with the
 * ratio method (same rules as `scoreKpi`), average KPI scores per unit, then roll units up the tree.
 * Same results as the object API (`aggregateOverTime` → `scoreKpi` → `rollupScores`), without allocations per cell.
 */
export function evaluateCompany(cube: CompanyCube): CompanyEvaluation {
  const { unitCount: U, kpiCount: K, monthCount: M } = cube;
  checkShape(cube);
  const aggregated = new Float64Array(U * K);
  const score = new Float64Array(U * K);
  const unitScore = new Float64Array(U);

  for (let u = 0; u < U; u++) {
    let weighted = 0;
    let weightUsed = 0;
    for (let k = 0; k < K; k++) {
      const cell = u * K + k;
      const value = aggregateCell(cube, cell * M, M, cube.kpiAggregation[k] ?? 0);
      aggregated[cell] = value;
      const target = cube.target[cell] ?? NaN;
      let s = NaN;
      if (!Number.isNaN(value) && !Number.isNaN(target)) {
        const a = ratioAchievement(cube.kpiDirection[k] === DIRECTION_CODE.increase, target, value, cube.cap);
        s = a < cube.floor ? cube.floor : a > cube.cap ? cube.cap : a;
      }
      score[cell] = s;
      const w = cube.weight[cell] ?? 0;
      if (!Number.isNaN(s)) {
        weighted += w * s;
        weightUsed += w;
      } else if (cube.missingAsZero) {
        weightUsed += w;
      }
    }
    unitScore[u] = weightUsed > 0 ? weighted / weightUsed : NaN;
  }

  return { aggregated, score, unitScore, rolledScore: rollUpTree(cube, unitScore) };
}

function aggregateCell(cube: CompanyCube, offset: number, M: number, aggregation: number): number {
  const actual = cube.actual;
  if (aggregation === 5) {
    let num = 0;
    let den = 0;
    let seen = false;
    for (let m = offset; m < offset + M; m++) {
      const n = actual[m] as number;
      const d = cube.denominator[m] as number;
      if (Number.isNaN(n) || Number.isNaN(d)) continue;
      num += n;
      den += d;
      seen = true;
    }
    return seen && den !== 0 ? num / den : NaN;
  }
  let acc = NaN;
  let count = 0;
  for (let m = offset; m < offset + M; m++) {
    const v = actual[m] as number;
    if (Number.isNaN(v)) continue;
    if (count === 0) acc = v;
    else if (aggregation === 0 || aggregation === 1) acc += v;
    else if (aggregation === 2) acc = v;
    else if (aggregation === 3) acc = v < acc ? v : acc;
    else acc = v > acc ? v : acc;
    count++;
  }
  return aggregation === 1 && count > 0 ? acc / count : acc;
}

/** Children come after parents, so walking backwards finishes every child before its parent. */
function rollUpTree(cube: CompanyCube, unitScore: Float64Array): Float64Array {
  const U = cube.unitCount;
  const num = new Float64Array(U);
  const den = new Float64Array(U);
  const rolled = new Float64Array(U);
  for (let u = 0; u < U; u++) {
    const own = unitScore[u] as number;
    if (!Number.isNaN(own)) {
      num[u] = (cube.ownWeight[u] as number) * own;
      den[u] = cube.ownWeight[u] as number;
    }
  }
  for (let u = U - 1; u >= 0; u--) {
    const r = (den[u] as number) > 0 ? (num[u] as number) / (den[u] as number) : NaN;
    rolled[u] = r;
    const p = cube.unitParent[u] as number;
    if (p >= 0 && !Number.isNaN(r)) {
      const w = cube.unitWeight[u] as number;
      num[p] = (num[p] as number) + w * r;
      den[p] = (den[p] as number) + w;
    }
  }
  return rolled;
}

function checkShape(cube: CompanyCube): void {
  const { unitCount: U, kpiCount: K, monthCount: M } = cube;
  const expected: [string, number, number][] = [
    ['actual', cube.actual.length, U * K * M],
    ['denominator', cube.denominator.length, U * K * M],
    ['target', cube.target.length, U * K],
    ['weight', cube.weight.length, U * K],
    ['kpiAggregation', cube.kpiAggregation.length, K],
    ['kpiDirection', cube.kpiDirection.length, K],
    ['unitParent', cube.unitParent.length, U],
    ['unitWeight', cube.unitWeight.length, U],
    ['ownWeight', cube.ownWeight.length, U],
  ];
  for (const [name, actual, want] of expected) {
    if (actual !== want) {
      throw scoringConfigError(`mảng ${name} có ${actual} phần tử, cần ${want}`, `array ${name} has ${actual} items, expected ${want}`, {
        name,
        actual,
        want,
      });
    }
  }
  for (let u = 0; u < U; u++) {
    const p = cube.unitParent[u] as number;
    if (p >= u) {
      throw scoringConfigError(
        `đơn vị cấp trên phải đứng trước đơn vị cấp dưới (đơn vị ${u}, cấp trên ${p})`,
        `a parent unit must come before its children (unit ${u}, parent ${p})`,
        { unit: u, parent: p },
      );
    }
  }
  if (!(cube.floor <= cube.cap)) {
    throw scoringConfigError(`điểm sàn lớn hơn điểm trần`, `the floor exceeds the cap`, { floor: cube.floor, cap: cube.cap });
  }
}
