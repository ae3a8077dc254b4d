import { closeResults, type CycleColumns } from '../../../core/appraisal/cycle-close';
import { kpiItemSettings, latestSheet, personCycleResult, type ResultItem, type ResultSheet } from '../../../core/appraisal/sheet-result';
import { DomainError } from '../../../core/errors';
import { kindOfFrequency, valueOfTotals, type ActualTotals } from '../../../core/evaluation';
import type { KpiAggregation, KpiFrequency } from '../../../core/kpi';
import { MAX_ABS_VALUE } from '../../../core/limits';
import type { Store } from '../../ports';
import type { ItemResultWrite, KpiKind, ResultItemRow, ResultSheetRow, SheetResultWrite, UnitDelta } from './ports';

/**
 * Recomputes the stored results of these sheets (item actuals from the person's values over the cycle,
 * item/group/final scores, grade, coefficient, bonus) and the unit averages above them. Call it, in the same
 * transaction, after anything that changes a result: a target, a weight, a manager rating, a calibration,
 * a bonus base, a new value. Every sheet of the same people in the same cycles is refreshed with them (a
 * person's score is time-weighted over their sheets); sheets of locked cycles are left as they are.
 */
export async function refreshSheets(store: Store, sheetIds: readonly number[]): Promise<void> {
  if (sheetIds.length === 0) return;
  const results = store.appraisal.results;
  const sheets = await results.lockSheets([...new Set(sheetIds)]);
  if (sheets.length === 0) return;
  const items = await results.items(sheets.map((s) => s.id));
  const kpiItems = items.filter((i) => i.kpi !== null);
  const totals = await results.itemTotals(
    kpiItems.map((i) => i.id),
    kindsOf(kpiItems.map((i) => i.kpi!)),
  );

  const itemsBySheet = groupBy(items, (i) => i.sheetId);
  const itemWrites: ItemResultWrite[] = [];
  const sheetWrites: SheetResultWrite[] = [];
  const deltas = new Map<number, UnitDelta[]>();
  for (const [cycleId, cycleSheets] of groupBy(sheets, (s) => s.cycleId)) {
    const cycle = await store.appraisal.cycles.get(cycleId);
    if (!cycle) continue;
    const rule = await results.bonusRule(cycle.endsOn);
    for (const personSheets of groupBy(cycleSheets, (s) => s.personId).values()) {
      const inputs = personSheets.map((s) => resultSheet(s, itemsBySheet.get(s.id) ?? [], totals));
      const r = personCycleResult(cycle, inputs, rule);
      personSheets.forEach((s, k) => {
        const sheetItems = itemsBySheet.get(s.id) ?? [];
        const scored = r.sheets[k]!;
        sheetItems.forEach((item, i) => {
          const score = scored.items.find((x) => x.code === item.code);
          itemWrites.push({ id: item.id, actual: storedActual(inputs[k]!.items[i]!), achievement: score?.achievement ?? null, score: score?.score ?? null });
        });
        const groupScores = Object.fromEntries(scored.groups.map((g) => [g.code, g.score]));
        sheetWrites.push({ id: s.id, groupScores, ownScore: scored.ownScore, score: r.score, grade: r.grade, coefficient: r.coefficient, bonus: r.bonus });
      });
      const list = deltas.get(cycleId) ?? [];
      list.push(...unitDeltas(personSheets, r.score));
      deltas.set(cycleId, list);
    }
  }
  await results.saveItems(itemWrites);
  await results.saveSheets(sheetWrites);
  for (const [cycleId, list] of deltas) await results.addUnitDeltas(cycleId, list);
}

/** Computes and stores the final results of every sheet of a cycle in one pass (at lock). */
export async function closeCycle(store: Store, cycleId: number): Promise<void> {
  const cycle = await store.appraisal.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  const results = store.appraisal.results;
  const [columns, kpis, rule, units] = await Promise.all([results.cycleColumns(cycleId), results.cycleKpis(cycleId), results.bonusRule(cycle.endsOn), results.units()]);
  const totals = await results.cycleTotals(cycleId, kindsOf(kpis));
  const r = closeResults(cycle, columns, kpis, totals, rule, units);
  const nullable = (x: number) => (Number.isNaN(x) ? null : x);
  await results.saveItems(
    Array.from(columns.itemId, (id, i) => ({
      id,
      actual: inRange(nullable(r.itemActual[i]!)),
      achievement: nullable(r.itemAchievement[i]!),
      score: nullable(r.itemScore[i]!),
    })),
  );
  await results.saveSheets(
    Array.from(columns.sheetId, (id, s) => ({
      id,
      groupScores: groupScoresOf(columns, r.groupScore, s),
      ownScore: nullable(r.ownScore[s]!),
      score: nullable(r.personScore[s]!),
      grade: r.grade[s]!,
      coefficient: nullable(r.coefficient[s]!),
      bonus: nullable(r.bonus[s]!),
    })),
  );
  await results.replaceUnitResults(cycleId, r.units);
}

/** Sheet s's group scores by code, from the cycle's columns. */
function groupScoresOf(c: CycleColumns, groupScore: Float64Array, s: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (let g = c.sheetGroupStart[s]!; g < c.sheetGroupStart[s + 1]!; g++) out[c.groupCode[g]!] = Number.isNaN(groupScore[g]!) ? null : groupScore[g]!;
  return out;
}

/** The period kind each KPI's values are aggregated from. */
function kindsOf(kpis: readonly { id: number; frequency: string | null; aggregation: string }[]): KpiKind[] {
  const out = new Map<number, KpiKind>();
  for (const k of kpis) out.set(k.id, { kpiId: k.id, kind: kindOfFrequency(k.frequency as KpiFrequency | null), aggregation: k.aggregation });
  return [...out.values()];
}

function resultSheet(s: ResultSheetRow, items: readonly ResultItemRow[], totals: Map<number, ActualTotals>): ResultSheet {
  return {
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    groups: s.groups,
    bonusBase: s.bonusBase,
    calibratedGrade: s.calibratedGrade,
    items: items.map((i): ResultItem => {
      if (i.kind === 'rated' || !i.kpi) return { kind: 'rated', code: i.code, group: i.groupCode, weight: i.weight, scale: i.scale ?? 0, managerRating: i.managerRating };
      const t = totals.get(i.id);
      return {
        kind: 'kpi',
        code: i.code,
        group: i.groupCode,
        weight: i.weight,
        ...kpiItemSettings(i.kpi),
        target: i.target,
        actual: t ? valueOfTotals(i.kpi.aggregation as KpiAggregation, t) : null,
      };
    }),
  };
}

/**
 * The person was counted in their latest scored sheet's unit with the stored score; now in their latest
 * sheet's unit with the new score. Returns what to take off and add on.
 */
function unitDeltas(sheets: readonly ResultSheetRow[], score: number | null): UnitDelta[] {
  const out: UnitDelta[] = [];
  const before = latestSheet(sheets.filter((s) => s.score !== null));
  if (before) out.push({ unitId: before.unitId, people: -1, sum: -before.score! });
  const now = latestSheet(sheets);
  if (now && score !== null) out.push({ unitId: now.unitId, people: 1, sum: score });
  return out;
}

/** An actual is stored when it fits the value range (a sum of 12 months may not); the score uses it anyway. */
function storedActual(item: ResultItem): number | null {
  return item.kind === 'kpi' ? inRange(item.actual) : null;
}
const inRange = (x: number | null) => (x !== null && Math.abs(x) <= MAX_ABS_VALUE ? x : null);

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

function cycleNotFound(id: number): DomainError {
  return new DomainError('NOT_FOUND', { vi: `Không có kỳ đánh giá #${id}.`, en: `There is no evaluation cycle #${id}.` }, { params: { cycle: id } });
}

