import { scoreBatch, scoreSheet, type KpiItem, type Sheet } from '../src/core/appraisal';
import { allClose, measure, type Bench, type Measurement } from './harness';

const PEOPLE = 10_000;
const ITEMS = 12;

const kpi = (code: string, weight: number, direction: 'increase' | 'decrease' = 'increase'): KpiItem => ({ kind: 'kpi', code, weight, direction, cap: 1.2 });

/** One position's sheet: 12 KPI items in 3 groups (60 / 20 / 20), two of them "lower is better". */
const TEMPLATE: Sheet = {
  groups: [
    { code: 'output', weight: 60, items: [kpi('K1', 30), kpi('K2', 20), kpi('K3', 15), kpi('K4', 15), kpi('K5', 10), kpi('K6', 10)] },
    { code: 'behavior', weight: 20, items: [kpi('K7', 40), kpi('K8', 30, 'decrease'), kpi('K9', 30)] },
    { code: 'competency', weight: 20, items: [kpi('K10', 50), kpi('K11', 25), kpi('K12', 25, 'decrease')] },
  ],
};
const ITEM_GROUP = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
const ITEM_WEIGHT = Float64Array.from([30, 20, 15, 15, 10, 10, 40, 30, 30, 50, 25, 25]);
const INCREASE = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0]);
const GROUP_WEIGHT = Float64Array.from([60, 20, 20]);

/** Deterministic numbers: positive targets, ~5 % missing actuals. */
function buildData(): { target: Float64Array; actual: Float64Array } {
  let seed = 2026;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const target = Float64Array.from({ length: PEOPLE * ITEMS }, () => 1 + Math.round(next() * 1e6));
  const actual = Float64Array.from({ length: PEOPLE * ITEMS }, () => (next() < 0.05 ? Number.NaN : 1 + Math.round(next() * 1.3e6)));
  return { target, actual };
}

/** Baseline: the same arithmetic written inline over the typed arrays (no template, no checks, no calls). */
function plainLoop(target: Float64Array, actual: Float64Array, out: Float64Array): void {
  const gNum = new Float64Array(3);
  const gDen = new Float64Array(3);
  for (let p = 0; p < PEOPLE; p++) {
    gNum[0] = gNum[1] = gNum[2] = 0;
    gDen[0] = gDen[1] = gDen[2] = 0;
    for (let k = 0; k < ITEMS; k++) {
      const i = p * ITEMS + k;
      const a = actual[i]!;
      if (a !== a) continue;
      const t = target[i]!;
      let s = INCREASE[k] === 1 ? a / t : t / a;
      s = s < 0 ? 0 : s > 1.2 ? 1.2 : s;
      const g = ITEM_GROUP[k]!;
      gNum[g] = gNum[g]! + ITEM_WEIGHT[k]! * s;
      gDen[g] = gDen[g]! + ITEM_WEIGHT[k]!;
    }
    let num = 0;
    let den = 0;
    for (let g = 0; g < 3; g++) {
      if (gDen[g]! > 0) {
        num += GROUP_WEIGHT[g]! * (gNum[g]! / gDen[g]!);
        den += GROUP_WEIGHT[g]!;
      }
    }
    out[p] = den > 0 ? num / den : Number.NaN;
  }
}

/** The object API for one person: their values put into the template, through `scoreSheet`. */
function scoreWithObjects(target: Float64Array, actual: Float64Array, p: number): number | null {
  let k = p * ITEMS;
  const sheet: Sheet = {
    groups: TEMPLATE.groups.map((g) => ({
      ...g,
      items: g.items.map((item) => {
        const i = k++;
        return { ...item, target: target[i]!, actual: Number.isNaN(actual[i]!) ? null : actual[i]! };
      }),
    })),
  };
  return scoreSheet(sheet).score;
}


const bench: Bench = {
  name: 'appraisal',
  async run(): Promise<Measurement[]> {
    const { target, actual } = buildData();
    const plain = new Float64Array(PEOPLE);
    plainLoop(target, actual, plain);
    const batch = scoreBatch({ people: PEOPLE, template: TEMPLATE, target, actual });
    const objects = Float64Array.from({ length: PEOPLE }, (_, p) => scoreWithObjects(target, actual, p) ?? Number.NaN);

    const out = new Float64Array(PEOPLE);
    const plainOps = await measure(200, () => plainLoop(target, actual, out));
    const batchOps = await measure(200, () => scoreBatch({ people: PEOPLE, template: TEMPLATE, target, actual }));
    const objectOps = await measure(5, () => {
      for (let p = 0; p < PEOPLE; p++) scoreWithObjects(target, actual, p);
    });
    const common = { engine: 'memory' as const, unit: 'scorings/s', baseline: 'plain TypedArray loop', baselineValue: plainOps, better: 'higher' as const };
    return [
      {
        ...common,
        name: 'appraisal scoreBatch (typed arrays)',
        value: batchOps,
        agree: allClose(batch, plain),
        note: `one scoring = ${PEOPLE.toLocaleString('en-US')} people × ${ITEMS} items; every person's score equal to 1e-9; goal ratio ≥ 0.5`,
      },
      { ...common, name: 'appraisal scoreSheet per person (objects)', value: objectOps, agree: allClose(objects, plain) },
    ];
  },
};

export default bench;
