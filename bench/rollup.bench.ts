import type { KpiAggregation } from '../src/core/kpi/types';
import { DIRECTION_CODE, evaluateCompany, ratioAchievement, type CompanyCube } from '../src/core/scoring';
import { close, measure, time, type Bench, type Measurement } from './harness';

const UNITS = 1000;
const KPIS = 50;
const MONTHS = 12;
const AGGREGATIONS: KpiAggregation[] = ['sum', 'avg', 'last', 'min', 'max', 'ratio'];

/** Deterministic company: a 10-ary org tree, ~10 % missing months, ~20 % of KPIs not on a unit's sheet. */
function buildCube(): CompanyCube {
  let seed = 2026;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const N = Number.NaN;
  return {
    unitCount: UNITS,
    kpiCount: KPIS,
    monthCount: MONTHS,
    actual: new Float64Array(UNITS * KPIS * MONTHS).map(() => (next() < 0.1 ? N : Math.round(next() * 1e6))),
    denominator: new Float64Array(UNITS * KPIS * MONTHS).map(() => (next() < 0.05 ? N : 1 + Math.round(next() * 2e6))),
    target: new Float64Array(UNITS * KPIS).map(() => (next() < 0.03 ? N : Math.round(next() * 1e6))),
    weight: new Float64Array(UNITS * KPIS).map(() => (next() < 0.2 ? 0 : 1 + Math.floor(next() * 10))),
    kpiAggregation: new Int32Array(KPIS).map((_, k) => k % AGGREGATIONS.length),
    kpiDirection: new Int32Array(KPIS).map((_, k) => (k % 5 === 4 ? DIRECTION_CODE.decrease : DIRECTION_CODE.increase)),
    unitParent: new Int32Array(UNITS).map((_, u) => (u === 0 ? -1 : Math.floor((u - 1) / 10))),
    unitWeight: new Float64Array(UNITS).map(() => 1 + Math.floor(next() * 4)),
    ownWeight: new Float64Array(UNITS).map(() => 1),
    floor: 0,
    cap: 1.2,
  };
}

// ── Baseline: the same computation over plain objects, looked up through Maps ──

interface Month {
  value: number | null;
  denominator: number | null;
}
interface Cell {
  kpi: string;
  weight: number;
  target: number | null;
  months: Month[];
}
interface Unit {
  id: string;
  parentId: string | null;
  weight: number;
  ownWeight: number;
  cells: Cell[];
}
interface Kpi {
  code: string;
  aggregation: KpiAggregation;
  direction: 'increase' | 'decrease';
}

function toObjects(cube: CompanyCube): { units: Unit[]; kpis: Map<string, Kpi> } {
  const orNull = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
  const kpis = new Map<string, Kpi>();
  for (let k = 0; k < KPIS; k++) {
    kpis.set(`KPI_${k}`, {
      code: `KPI_${k}`,
      aggregation: AGGREGATIONS[cube.kpiAggregation[k] as number] as KpiAggregation,
      direction: cube.kpiDirection[k] === DIRECTION_CODE.decrease ? 'decrease' : 'increase',
    });
  }
  const units: Unit[] = [];
  for (let u = 0; u < UNITS; u++) {
    const cells: Cell[] = [];
    for (let k = 0; k < KPIS; k++) {
      const c = u * KPIS + k;
      const months: Month[] = [];
      for (let m = 0; m < MONTHS; m++) months.push({ value: orNull(cube.actual[c * MONTHS + m]), denominator: orNull(cube.denominator[c * MONTHS + m]) });
      cells.push({ kpi: `KPI_${k}`, weight: cube.weight[c] as number, target: orNull(cube.target[c]), months });
    }
    const parent = cube.unitParent[u] as number;
    units.push({ id: `U${u}`, parentId: parent < 0 ? null : `U${parent}`, weight: cube.unitWeight[u] as number, ownWeight: cube.ownWeight[u] as number, cells });
  }
  return { units, kpis };
}

function aggregate(aggregation: KpiAggregation, months: Month[]): number | null {
  if (aggregation === 'ratio') {
    const known = months.filter((m) => m.value !== null && m.denominator !== null);
    const den = known.reduce((s, m) => s + (m.denominator as number), 0);
    return known.length > 0 && den !== 0 ? known.reduce((s, m) => s + (m.value as number), 0) / den : null;
  }
  const values = months.map((m) => m.value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  if (aggregation === 'sum') return values.reduce((a, b) => a + b, 0);
  if (aggregation === 'avg') return values.reduce((a, b) => a + b, 0) / values.length;
  if (aggregation === 'last') return values[values.length - 1] as number;
  if (aggregation === 'min') return Math.min(...values);
  return Math.max(...values);
}

function evaluateObjects(units: Unit[], kpis: Map<string, Kpi>, floor: number, cap: number) {
  const unitScore = new Map<string, number | null>();
  const aggregated = new Map<string, number | null>();
  for (const unit of units) {
    let weighted = 0;
    let used = 0;
    for (const cell of unit.cells) {
      const kpi = kpis.get(cell.kpi) as Kpi;
      const value = aggregate(kpi.aggregation, cell.months);
      aggregated.set(`${unit.id}/${cell.kpi}`, value);
      if (value === null || cell.target === null) continue;
      const a = ratioAchievement(kpi.direction === 'increase', cell.target, value, cap);
      weighted += cell.weight * Math.min(cap, Math.max(floor, a));
      used += cell.weight;
    }
    unitScore.set(unit.id, used > 0 ? weighted / used : null);
  }
  const children = new Map<string, Unit[]>();
  for (const unit of units) if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const rolled = new Map<string, number | null>();
  const roll = (unit: Unit): number | null => {
    const own = unitScore.get(unit.id) ?? null;
    let num = own === null ? 0 : unit.ownWeight * own;
    let den = own === null ? 0 : unit.ownWeight;
    for (const child of children.get(unit.id) ?? []) {
      const r = roll(child);
      if (r === null) continue;
      num += child.weight * r;
      den += child.weight;
    }
    const result = den > 0 ? num / den : null;
    rolled.set(unit.id, result);
    return result;
  };
  for (const root of units.filter((u) => u.parentId === null)) roll(root);
  return { aggregated, unitScore, rolled };
}

// ── Same totals from both ──

interface Totals {
  aggregated: number;
  unitScores: number;
  rolled: number;
  company: number;
}

const sumKnown = (xs: Iterable<number | null>) => {
  let s = 0;
  for (const x of xs) if (x !== null && !Number.isNaN(x)) s += x;
  return s;
};

function same(a: Totals, b: Totals): boolean {
  return (Object.keys(a) as (keyof Totals)[]).every((key) => close(a[key], b[key]));
}

const bench: Bench = {
  name: 'rollup',
  async run(): Promise<Measurement[]> {
    const cube = buildCube();
    const { units, kpis } = toObjects(cube);

    const fast = evaluateCompany(cube);
    const slow = evaluateObjects(units, kpis, cube.floor, cube.cap);
    const fastTotals: Totals = {
      aggregated: sumKnown(fast.aggregated),
      unitScores: sumKnown(fast.unitScore),
      rolled: sumKnown(fast.rolledScore),
      company: fast.rolledScore[0] as number,
    };
    const slowTotals: Totals = {
      aggregated: sumKnown(slow.aggregated.values()),
      unitScores: sumKnown(slow.unitScore.values()),
      rolled: sumKnown(slow.rolled.values()),
      company: slow.rolled.get('U0') as number,
    };

    const firstRun = await time(() => evaluateCompany(cube));
    const typedOps = await measure(40, () => evaluateCompany(cube));
    const objectOps = await measure(8, () => evaluateObjects(units, kpis, cube.floor, cube.cap));
    return [
      {
        name: 'company roll-up evaluateCompany (typed arrays)',
        engine: 'memory',
        value: typedOps,
        unit: 'evaluations/s',
        baseline: 'the same rules over objects + Map',
        baselineValue: objectOps,
        better: 'higher',
        agree: same(fastTotals, slowTotals),
        note: `${(UNITS * KPIS * MONTHS).toLocaleString('en-US')} values (1,000 units × 50 KPIs × 12 months); aggregated values, unit and rolled scores and the company score equal to 1e-9; one cold-ish run ${(firstRun * 1000).toFixed(1)} ms`,
      },
    ];
  },
};

export default bench;
