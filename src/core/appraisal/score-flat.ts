import type { ScoringMethod } from '../scoring';
import { ratioAchievement } from '../scoring/ratio';
import { scoreItem } from './score-sheet';
import type { KpiItem } from './types';

/**
 * Every sheet of a cycle as flat typed arrays, whatever their templates and per-person overrides: sheets own
 * a run of groups (`sheetGroupStart`), groups own a run of items (`groupItemStart`). This is what a period
 * close scores; `scoreBatch` needs one template for everybody.
 */
export interface FlatSheets {
  /** Per sheet s, its groups are `sheetGroupStart[s] … sheetGroupStart[s + 1] − 1` (length S + 1). */
  sheetGroupStart: Int32Array;
  /** Per group g, its items are `groupItemStart[g] … groupItemStart[g + 1] − 1` (length G + 1). */
  groupItemStart: Int32Array;
  groupWeight: Float64Array;
  itemWeight: Float64Array;
  /** Per item, a `FLAT_KIND`. */
  kind: Uint8Array;
  /** 1 = higher is better. */
  increase: Uint8Array;
  floor: Float64Array;
  cap: Float64Array;
  target: Float64Array;
  /** The aggregated actual of a KPI item, the manager's rating of a rated item; NaN = none. */
  value: Float64Array;
  /** Baseline (progress) or scale (rated items); NaN = none. */
  extra: Float64Array;
  zero: boolean;
  /** Items of kind `generic` (bands, range): their direction and full scoring method, by item index. */
  generic?: ReadonlyMap<number, { direction: KpiItem['direction']; method: ScoringMethod }>;
}

/**
 * Item kinds: ratio KPIs are scored inline; progress and binary through `scoreItem`; `generic` items (bands,
 * range: a method with settings) through `scoreItem` with their method from `generic`; unscorable items never score.
 */
export const FLAT_KIND = { ratio: 0, progress: 1, binary: 2, rated: 3, none: 4, generic: 5 } as const;

export interface FlatScores {
  itemAchievement: Float64Array;
  itemScore: Float64Array;
  groupScore: Float64Array;
  sheetScore: Float64Array;
}

/**
 * Scores every sheet in one pass over the arrays, with the rules of `scoreSheet` (same arithmetic in the same
 * order, so the same doubles): items clamped to [floor, cap], group = Σ w × s ÷ Σ w counted, final the same over
 * groups from unrounded group scores; `zero` counts missing weights. Unrounded: round with `roundScore` as
 * `scoreSheet` does. NaN = no score.
 */
export function scoreFlat(f: FlatSheets): FlatScores {
  const S = f.sheetGroupStart.length - 1;
  const G = f.groupItemStart.length - 1;
  const N = f.itemWeight.length;
  const itemAchievement = new Float64Array(N);
  const itemScore = new Float64Array(N);
  const groupScore = new Float64Array(G);
  const sheetScore = new Float64Array(S);
  const zero = f.zero;
  for (let i = 0; i < N; i++) scoreOne(f, i, itemAchievement, itemScore);
  for (let g = 0; g < G; g++) {
    let num = 0;
    let den = 0;
    const end = f.groupItemStart[g + 1] as number;
    for (let i = f.groupItemStart[g] as number; i < end; i++) {
      const s = itemScore[i] as number;
      const w = f.itemWeight[i] as number;
      if (s === s) {
        num += w * s;
        den += w;
      } else if (zero) {
        den += w;
      }
    }
    groupScore[g] = den > 0 ? num / den : Number.NaN;
  }
  for (let s = 0; s < S; s++) {
    let num = 0;
    let den = 0;
    const end = f.sheetGroupStart[s + 1] as number;
    for (let g = f.sheetGroupStart[s] as number; g < end; g++) {
      const gs = groupScore[g] as number;
      const w = f.groupWeight[g] as number;
      if (gs === gs) {
        num += w * gs;
        den += w;
      } else if (zero) {
        den += w;
      }
    }
    sheetScore[s] = den > 0 ? num / den : Number.NaN;
  }
  return { itemAchievement, itemScore, groupScore, sheetScore };
}

function scoreOne(f: FlatSheets, i: number, achievement: Float64Array, score: Float64Array): void {
  const kind = f.kind[i] as number;
  const v = f.value[i] as number;
  const t = f.target[i] as number;
  if (kind === FLAT_KIND.ratio) {
    if (v === v && t === t) {
      const cap = f.cap[i] as number;
      const floor = f.floor[i] as number;
      const a = ratioAchievement(f.increase[i] === 1, t, v, cap);
      achievement[i] = a;
      score[i] = a < floor ? floor : a > cap ? cap : a;
    } else {
      achievement[i] = score[i] = Number.NaN;
    }
    return;
  }
  if (kind === FLAT_KIND.none || v !== v) {
    achievement[i] = score[i] = Number.NaN;
    return;
  }
  const x = f.extra[i] as number;
  const generic = kind === FLAT_KIND.generic ? f.generic?.get(i) : undefined;
  const r =
    kind === FLAT_KIND.rated
      ? scoreItem({ kind: 'rated', code: '', weight: 0, scale: x, rating: v }, '')
      : scoreItem(
          {
            kind: 'kpi',
            code: '',
            weight: 0,
            direction: generic?.direction ?? (f.increase[i] === 1 ? 'increase' : 'decrease'),
            method: generic?.method ?? (kind === FLAT_KIND.progress ? 'progress' : 'binary'),
            target: t === t ? t : null,
            actual: v,
            baseline: x === x ? x : null,
            floor: f.floor[i] as number,
            cap: f.cap[i] as number,
          },
          '',
        );
  achievement[i] = r.achievement ?? Number.NaN;
  score[i] = r.score ?? Number.NaN;
}
