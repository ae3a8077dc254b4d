import { valueOfTotals } from '../evaluation/pick-actual';
import type { ActualTotals } from '../evaluation/types';
import type { KpiAggregation } from '../kpi/types';
import { roundScore } from './round-score';
import { sheetIssues } from './check-sheet';
import { FLAT_KIND, scoreFlat, type FlatScores, type FlatSheets } from './score-flat';
import type { ScoringMethod } from '../scoring';
import { kpiItemSettings, personOutcome, sheetMethodOf, type BonusRuleInEffect, type ResultCycle, type ResultKpiItem, type ScoredSheet } from './sheet-result';
import type { Sheet, SheetGroup, SheetItem } from './types';
import { parentsFirst, unitMeans } from './unit-means';

/** Every sheet, group and item of a cycle as columns, in sheet → group → item order (what the database gives). */
export interface CycleColumns {
  sheetId: Int32Array;
  personId: Int32Array;
  unitId: Int32Array;
  startsOn: string[];
  endsOn: string[];
  bonusBase: Float64Array;
  calibratedGrade: (string | null)[];
  sheetGroupStart: Int32Array;
  groupCode: string[];
  groupWeight: Float64Array;
  groupItemStart: Int32Array;
  itemId: Int32Array;
  itemCode: string[];
  itemWeight: Float64Array;
  itemKind: ('kpi' | 'rated')[];
  /** −1 for rated items. */
  itemKpiId: Int32Array;
  itemTarget: Float64Array;
  itemScale: Float64Array;
  /** The manager's rating; NaN = not reviewed. */
  itemRating: Float64Array;
  /** A KPI item's totals of the person's values over the sheet's dates (null = none, and for rated items). */
  itemTotals: (ActualTotals | null)[];
}

export interface CloseKpi {
  id: number;
  direction: string;
  aggregation: string;
  baseline: number | null;
  scoring: { method?: ScoringMethod; floor?: number; cap?: number };
}

export interface CycleCloseResult {
  /** Per item (column order): aggregated actual, achievement and score rounded to 1e-9; NaN = none. */
  itemActual: Float64Array;
  itemAchievement: Float64Array;
  itemScore: Float64Array;
  /** Per group (column order): its score rounded to 1e-9; NaN = none. */
  groupScore: Float64Array;
  /** Per sheet: its own score, and its person's score, grade, coefficient, bonus. */
  ownScore: Float64Array;
  personScore: Float64Array;
  grade: (string | null)[];
  coefficient: Float64Array;
  bonus: Float64Array;
  /** Units with at least one scored person in their subtree. */
  units: { unitId: number; people: number; sum: number; mean: number }[];
}

/**
 * A whole cycle's results from its columns: actuals by each KPI's aggregation (`valueOfTotals`), every sheet
 * scored at once (`scoreFlat`), each person's result (`personOutcome`: time-weighted, graded, bonus) and the
 * unit and subtree means (`unitMeans`, the person counted in their latest sheet's unit).
 */
export function closeResults(
  cycle: ResultCycle,
  c: CycleColumns,
  kpis: readonly CloseKpi[],
  bonusRule: BonusRuleInEffect | null,
  orgUnits: readonly { id: number; parentId: number | null }[],
): CycleCloseResult {
  const S = c.sheetId.length;
  const itemActual = itemActuals(c, kpis);
  const flat = flatSheets(cycle, c, kpis, itemActual);
  const scored = scoreFlat(flat);
  dropUnscorable(c, flat, scored);

  const ownScore = scored.sheetScore.map(roundScore);
  const personScore = new Float64Array(S).fill(Number.NaN);
  const coefficient = new Float64Array(S).fill(Number.NaN);
  const bonus = new Float64Array(S).fill(Number.NaN);
  const grade: (string | null)[] = new Array<string | null>(S).fill(null);
  const personLatest = new Map<number, number>();
  for (const sheets of sheetsByPerson(c)) {
    const outcome = personOutcome(
      cycle,
      sheets.map((s): ScoredSheet => ({ startsOn: c.startsOn[s]!, endsOn: c.endsOn[s]!, ownScore: nanToNull(ownScore[s]!), bonusBase: c.bonusBase[s]!, calibratedGrade: c.calibratedGrade[s]! })),
      bonusRule,
    );
    for (const s of sheets) {
      personScore[s] = outcome.score ?? Number.NaN;
      grade[s] = outcome.grade;
      coefficient[s] = outcome.coefficient ?? Number.NaN;
      bonus[s] = outcome.bonus ?? Number.NaN;
    }
    personLatest.set(c.personId[sheets[0]!]!, latestOf(c, sheets));
  }

  const { ids, parent } = parentsFirst(orgUnits);
  const unitIndex = new Map(ids.map((id, i) => [id, i]));
  const people = [...personLatest.values()];
  const means = unitMeans(
    parent,
    Int32Array.from(people, (s) => unitIndex.get(c.unitId[s]!) ?? -1),
    Float64Array.from(people, (s) => (unitIndex.has(c.unitId[s]!) ? personScore[s]! : Number.NaN)),
  );
  const units: CycleCloseResult['units'] = [];
  ids.forEach((unitId, u) => {
    if (means.people[u]! > 0) units.push({ unitId, people: means.people[u]!, sum: means.sum[u]!, mean: means.mean[u]! });
  });
  return {
    itemActual,
    itemAchievement: scored.itemAchievement.map(roundScore),
    itemScore: scored.itemScore.map(roundScore),
    groupScore: scored.groupScore.map(roundScore),
    ownScore,
    personScore,
    grade,
    coefficient,
    bonus,
    units,
  };
}

/** Each KPI item's actual: its totals read by the KPI's aggregation rule, as a period's evaluation reads them. */
function itemActuals(c: CycleColumns, kpis: readonly CloseKpi[]): Float64Array {
  const N = c.itemId.length;
  const aggregation = new Map(kpis.map((k) => [k.id, k.aggregation as KpiAggregation]));
  const out = new Float64Array(N).fill(Number.NaN);
  for (let i = 0; i < N; i++) {
    const t = c.itemTotals[i];
    if (t) out[i] = valueOfTotals(aggregation.get(c.itemKpiId[i]!) ?? 'sum', t) ?? Number.NaN;
  }
  return out;
}

function flatSheets(cycle: ResultCycle, c: CycleColumns, kpis: readonly CloseKpi[], actual: Float64Array): FlatSheets {
  const N = c.itemId.length;
  const settings = new Map(kpis.map((k) => [k.id, kpiItemSettings(k)]));
  const kind = new Uint8Array(N);
  const increase = new Uint8Array(N);
  const floor = new Float64Array(N);
  const cap = new Float64Array(N).fill(1.2);
  const value = new Float64Array(N);
  const extra = new Float64Array(N).fill(Number.NaN);
  const generic = new Map<number, { direction: ResultKpiItem['direction']; method: ScoringMethod }>();
  for (let i = 0; i < N; i++) {
    if (c.itemKind[i] === 'rated') {
      kind[i] = FLAT_KIND.rated;
      value[i] = c.itemRating[i]!;
      extra[i] = c.itemScale[i]!;
      continue;
    }
    const s = settings.get(c.itemKpiId[i]!);
    const method = s ? sheetMethodOf(s) : null;
    kind[i] = method === null ? FLAT_KIND.none : SIMPLE_KIND[method.kind] ?? FLAT_KIND.generic;
    if (kind[i] === FLAT_KIND.generic) generic.set(i, { direction: s!.direction, method: method! });
    increase[i] = s?.direction === 'decrease' ? 0 : 1;
    floor[i] = s?.floor ?? 0;
    cap[i] = s?.cap ?? 1.2;
    value[i] = actual[i]!;
    extra[i] = s?.baseline ?? Number.NaN;
  }
  return {
    sheetGroupStart: c.sheetGroupStart,
    groupItemStart: c.groupItemStart,
    groupWeight: c.groupWeight,
    itemWeight: c.itemWeight,
    kind,
    increase,
    floor,
    cap,
    target: c.itemTarget,
    value,
    extra,
    zero: cycle.missing === 'zero',
    generic,
  };
}

/** Methods the kernel scores without their settings; the others go the generic way. */
const SIMPLE_KIND: Partial<Record<ScoringMethod['kind'], number>> = { ratio: FLAT_KIND.ratio, progress: FLAT_KIND.progress, binary: FLAT_KIND.binary };

/**
 * A sheet `sheetIssues` finds unscorable (weights not totalling 100, an empty group, a rating outside its scale …)
 * gets no item, group or own score, as `sheetResult` decides for a refresh. Sheets of one template share their
 * weights, so each distinct sheet is checked once.
 */
function dropUnscorable(c: CycleColumns, f: FlatSheets, scored: FlatScores): void {
  const checked = new Map<string, boolean>();
  for (let s = 0; s < c.sheetId.length; s++) {
    const sheet = sheetOf(c, f, s);
    const key = JSON.stringify(sheet);
    let bad = checked.get(key);
    if (bad === undefined) checked.set(key, (bad = sheetIssues(sheet).length > 0));
    if (!bad) continue;
    scored.sheetScore[s] = Number.NaN;
    for (let g = c.sheetGroupStart[s]!; g < c.sheetGroupStart[s + 1]!; g++) {
      scored.groupScore[g] = Number.NaN;
      scored.itemAchievement.fill(Number.NaN, c.groupItemStart[g]!, c.groupItemStart[g + 1]!);
      scored.itemScore.fill(Number.NaN, c.groupItemStart[g]!, c.groupItemStart[g + 1]!);
    }
  }
}

/** What `sheetIssues` reads of sheet s (no targets or values: they never make a sheet unscorable). */
function sheetOf(c: CycleColumns, f: FlatSheets, s: number): Sheet {
  const groups: SheetGroup[] = [];
  for (let g = c.sheetGroupStart[s]!; g < c.sheetGroupStart[s + 1]!; g++) {
    const items: SheetItem[] = [];
    for (let i = c.groupItemStart[g]!; i < c.groupItemStart[g + 1]!; i++) {
      const code = c.itemCode[i]!;
      const weight = c.itemWeight[i]!;
      if (c.itemKind[i] === 'rated') items.push({ kind: 'rated', code, weight, scale: c.itemScale[i]!, rating: nanToNull(c.itemRating[i]!) });
      else items.push({ kind: 'kpi', code, weight, direction: 'increase', floor: f.floor[i]!, cap: f.cap[i]! });
    }
    groups.push({ code: c.groupCode[g]!, weight: c.groupWeight[g]!, items });
  }
  return { groups };
}

/** Sheet indexes per person (most people have one sheet). */
function sheetsByPerson(c: CycleColumns): number[][] {
  const byPerson = new Map<number, number[]>();
  for (let s = 0; s < c.sheetId.length; s++) {
    const list = byPerson.get(c.personId[s]!);
    if (list) list.push(s);
    else byPerson.set(c.personId[s]!, [s]);
  }
  return [...byPerson.values()];
}

function latestOf(c: CycleColumns, sheets: number[]): number {
  let best = sheets[0]!;
  for (const s of sheets) if (c.startsOn[s]! > c.startsOn[best]!) best = s;
  return best;
}

const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
