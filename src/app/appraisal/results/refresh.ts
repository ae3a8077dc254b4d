import { closeResults, type CycleColumns } from '../../../core/appraisal/cycle-close';
import { kpiItemSettings, latestSheet, personCycleResult, type ResultItem, type ResultSheet } from '../../../core/appraisal/sheet-result';
import { DomainError } from '../../../core/errors';
import type { PersonWrite } from '../../../core/appraisal/value-lock';
import { kindOfFrequency, valueOfTotals } from '../../../core/evaluation';
import { KPI_FREQUENCIES, type KpiAggregation, type KpiFrequency } from '../../../core/kpi';
import { MAX_ABS_VALUE } from '../../../core/limits';
import type { Store } from '../../ports';
import type { ItemResultWrite, KpiKind, RefreshFrom, RefreshItemRow, ResultSheetRow, SheetResultWrite, UnitDelta } from './ports';

/**
 * Recomputes the stored results of these sheets (item actuals from the person's values over the cycle,
 * item/group/final scores, grade, coefficient, bonus) and the unit averages above them. Call it, in the same
 * transaction, after anything that changes a result: a target, a weight, a manager rating, a calibration,
 * a bonus base, a new value. Every sheet of the same people in the same cycles is refreshed with them (a
 * person's score is time-weighted over their sheets); sheets of locked cycles are left as they are.
 */
export async function refreshSheets(store: Store, sheetIds: readonly number[]): Promise<void> {
  if (sheetIds.length === 0) return;
  await refresh(store, { sheetIds: [...new Set(sheetIds)] });
}

/**
 * Refreshes the open sheets that person-scope writes touch (their dates overlap the write's period and they
 * have an item for its KPI), with the other sheets of the same people in the same cycles. Two statements: one
 * read of everything the scores need, one write of items, sheets and unit results — none when no open sheet
 * has the KPI.
 */
export async function refreshForWrites(store: Store, writes: readonly PersonWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await refresh(store, { writes });
}

async function refresh(store: Store, from: RefreshFrom): Promise<void> {
  const results = store.appraisal.results;
  const { sheets, items, cycles } = await results.refreshInputs(from, PERIOD_KINDS);
  if (sheets.length === 0) return;
  const itemsBySheet = groupBy(items, (i) => i.sheetId);
  const itemWrites: ItemResultWrite[] = [];
  const sheetWrites: SheetResultWrite[] = [];
  const units = new UnitDeltas();
  for (const [cycleId, cycleSheets] of groupBy(sheets, (s) => s.cycleId)) {
    const { cycle, rule } = cycles.get(cycleId)!;
    for (const personSheets of groupBy(cycleSheets, (s) => s.personId).values()) {
      const inputs = personSheets.map((s) => resultSheet(s, itemsBySheet.get(s.id) ?? []));
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
      units.move(cycleId, personSheets, r.score);
    }
  }
  await results.saveRefresh({ items: itemWrites, sheets: sheetWrites, units: units.list() });
}

/** Every frequency a KPI can have (and none) with the period kind its values are aggregated from. */
const PERIOD_KINDS = [null, ...KPI_FREQUENCIES].map((frequency) => ({ frequency, kind: kindOfFrequency(frequency) }));

/** Computes and stores the final results of every sheet of a cycle in one pass (at lock). */
export async function closeCycle(store: Store, cycleId: number): Promise<void> {
  const cycle = await store.appraisal.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  const results = store.appraisal.results;
  const [kpis, rule, units] = await Promise.all([results.cycleKpis(cycleId), results.bonusRule(cycle.endsOn), results.units()]);
  const columns = await results.cycleColumns(cycleId, kindsOf(kpis));
  const r = closeResults(cycle, columns, kpis, rule, units);
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

function resultSheet(s: ResultSheetRow, items: readonly RefreshItemRow[]): ResultSheet {
  return {
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    groups: s.groups,
    bonusBase: s.bonusBase,
    calibratedGrade: s.calibratedGrade,
    items: items.map((i): ResultItem => {
      if (i.kind === 'rated' || !i.kpi) return { kind: 'rated', code: i.code, group: i.groupCode, weight: i.weight, scale: i.scale ?? 0, managerRating: i.managerRating };
      return {
        kind: 'kpi',
        code: i.code,
        group: i.groupCode,
        weight: i.weight,
        ...kpiItemSettings(i.kpi),
        target: i.target,
        actual: i.totals ? valueOfTotals(i.kpi.aggregation as KpiAggregation, i.totals) : null,
      };
    }),
  };
}

/**
 * The unit results' changes, netted per cycle and unit: a person was counted in their latest scored sheet's
 * unit with the stored score, and now counts in their latest sheet's unit with the new score. A score that did
 * not change moves nothing.
 */
class UnitDeltas {
  private readonly byKey = new Map<string, UnitDelta>();

  move(cycleId: number, sheets: readonly ResultSheetRow[], score: number | null): void {
    const before = latestSheet(sheets.filter((s) => s.score !== null));
    if (before) this.add(cycleId, before.unitId, -1, -before.score!);
    const now = latestSheet(sheets);
    if (now && score !== null) this.add(cycleId, now.unitId, 1, score);
  }

  list(): UnitDelta[] {
    return [...this.byKey.values()].filter((d) => d.people !== 0 || d.sum !== 0);
  }

  private add(cycleId: number, unitId: number, people: number, sum: number): void {
    const key = `${cycleId}:${unitId}`;
    const d = this.byKey.get(key);
    if (d) {
      d.people += people;
      d.sum += sum;
    } else this.byKey.set(key, { cycleId, unitId, people, sum });
  }
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

