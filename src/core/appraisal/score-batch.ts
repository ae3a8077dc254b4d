import { ratioAchievement } from '../scoring/ratio';
import { sheetIssues } from './check-sheet';
import { sheetError } from './errors';
import type { Sheet } from './types';

/**
 * Many people on one sheet template (a position's sheet in a period close), as flat typed arrays. `P` people,
 * `K` KPI items (ratio method), `G` groups. Per-person values at `p * K + k`; NaN = no value.
 */
export interface SheetBatch {
  people: number;
  /** The template: its groups, weights, directions, floors and caps (every item a KPI item, ratio method). */
  template: Sheet;
  target: Float64Array;
  actual: Float64Array;
}

/**
 * Final scores of a whole batch in one pass without allocations per person: the same rules as `scoreSheet`
 * (ratio achievement clamped to [floor, cap], groups and final renormalized or zero) on numbers, unrounded —
 * `roundScore` each one before grading, as `scoreSheet` does. NaN where a person has no score.
 */
export function scoreBatch(batch: SheetBatch): Float64Array {
  const t = compileTemplate(batch.template);
  const { people: P, target, actual } = batch;
  const K = t.itemWeight.length;
  const G = t.groupWeight.length;
  if (target.length !== P * K || actual.length !== P * K) {
    throw sheetError([
      { path: 'batch', code: 'APPRAISAL_BATCH_SHAPE', message: { vi: `Cần ${P * K} chỉ tiêu và thực hiện (${P} người × ${K} mục)`, en: `Expected ${P * K} targets and actuals (${P} people × ${K} items)` } },
    ]);
  }
  const out = new Float64Array(P);
  const groupNum = new Float64Array(G);
  const groupDen = new Float64Array(G);
  const zero = t.zero;
  for (let p = 0; p < P; p++) {
    groupNum.fill(0);
    groupDen.fill(0);
    const base = p * K;
    for (let k = 0; k < K; k++) {
      const a = actual[base + k] as number;
      const tg = target[base + k] as number;
      const g = t.itemGroup[k] as number;
      const w = t.itemWeight[k] as number;
      if (a === a && tg === tg) {
        const cap = t.cap[k] as number;
        const floor = t.floor[k] as number;
        let s = ratioAchievement(t.increase[k] === 1, tg, a, cap);
        s = s < floor ? floor : s > cap ? cap : s;
        groupNum[g] = (groupNum[g] as number) + w * s;
        groupDen[g] = (groupDen[g] as number) + w;
      } else if (zero) {
        groupDen[g] = (groupDen[g] as number) + w;
      }
    }
    let num = 0;
    let den = 0;
    for (let g = 0; g < G; g++) {
      const d = groupDen[g] as number;
      const gw = t.groupWeight[g] as number;
      if (d > 0) {
        num += gw * ((groupNum[g] as number) / d);
        den += gw;
      } else if (zero) {
        den += gw;
      }
    }
    out[p] = den > 0 ? num / den : Number.NaN;
  }
  return out;
}

interface CompiledTemplate {
  itemGroup: Int32Array;
  itemWeight: Float64Array;
  increase: Uint8Array;
  floor: Float64Array;
  cap: Float64Array;
  groupWeight: Float64Array;
  zero: boolean;
}

/** The template checked (weights total 100 …) and laid out as arrays; only ratio KPI items are allowed. */
function compileTemplate(template: Sheet): CompiledTemplate {
  const problems = sheetIssues(template);
  const items = template.groups.flatMap((group, g) => group.items.map((item, i) => ({ item, g, path: `groups.${g}.items.${i}` })));
  for (const { item, path } of items) {
    if (item.kind !== 'kpi' || (item.method ?? 'ratio') !== 'ratio') {
      problems.push({
        path,
        code: 'APPRAISAL_BATCH_ITEM',
        message: { vi: `Mục "${item.code}": tính theo lô chỉ hỗ trợ mục KPI phương pháp ratio`, en: `Item "${item.code}": batch scoring supports ratio KPI items only` },
      });
    }
  }
  if (problems.length > 0) throw sheetError(problems);
  const kpi = items.map(({ item, g }) => ({ item: item as Extract<typeof item, { kind: 'kpi' }>, g }));
  return {
    itemGroup: Int32Array.from(kpi, ({ g }) => g),
    itemWeight: Float64Array.from(kpi, ({ item }) => item.weight),
    increase: Uint8Array.from(kpi, ({ item }) => (item.direction === 'increase' ? 1 : 0)),
    floor: Float64Array.from(kpi, ({ item }) => item.floor ?? 0),
    cap: Float64Array.from(kpi, ({ item }) => item.cap ?? 1.2),
    groupWeight: Float64Array.from(template.groups, (group) => group.weight),
    zero: template.missing === 'zero',
  };
}
