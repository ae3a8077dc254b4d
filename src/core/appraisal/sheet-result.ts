import { daysBetween } from '../period/dates';
import { bonusFor } from './bonus';
import { sheetIssues } from './check-sheet';
import { gradeOf } from './grade';
import { timeWeightedScore } from './proration';
import { scoreSheet } from './score-sheet';
import type { ScoringMethod } from '../scoring';
import type { GradeBand, GroupScore, ItemScore, MissingMode, Sheet, SheetItem } from './types';

/**
 * The stored results of one person's sheets in a cycle, from plain data: each sheet's item and group scores
 * and its own score (`scoreSheet`), then the PERSON's cycle result: time-weighted by days over their sheets
 * (`timeWeightedScore`), graded (`gradeOf`, unless calibration set a grade), coefficient and bonus (`bonusFor`
 * with the bonus base of the person's latest sheet). Nothing here scores on its own: it lays rows out for the
 * core and reads its answers.
 */

export interface ResultKpiItem {
  kind: 'kpi';
  code: string;
  group: string;
  weight: number;
  /** From the KPI: its direction and scoring settings (`kpis.scoring`), the method with its settings (bands, range). */
  direction: 'increase' | 'decrease' | 'range';
  method: ScoringMethod;
  floor?: number | undefined;
  cap?: number | undefined;
  baseline?: number | null | undefined;
  /** The item's target whatever its agreement status. */
  target: number | null;
  /** The person's values over the sheet's dates, aggregated by the KPI's own rule; null = none. */
  actual: number | null;
}

export interface ResultRatedItem {
  kind: 'rated';
  code: string;
  group: string;
  weight: number;
  scale: number;
  /** The manager's rating: the item has no score until the manager reviewed it. */
  managerRating: number | null;
}

export type ResultItem = ResultKpiItem | ResultRatedItem;

export interface ResultSheet {
  startsOn: string;
  endsOn: string;
  groups: readonly { code: string; weight: number }[];
  items: readonly ResultItem[];
  bonusBase: number;
  calibratedGrade: string | null;
}

export interface ResultCycle {
  startsOn: string;
  endsOn: string;
  missing: MissingMode;
  bands: readonly GradeBand[];
}

/** The bonus rule in effect for a cycle (the newest with `effective_from` ≤ the cycle's end). */
export interface BonusRuleInEffect {
  rate: number;
  /** Grade → coefficient; null = the final score is the coefficient. */
  coefficients: Readonly<Record<string, number>> | null;
  round: number;
}

export interface SheetResult {
  ownScore: number | null;
  groups: GroupScore[];
  items: ItemScore[];
  /** Days of the sheet inside the cycle. */
  days: number;
  /** Why the sheet could not be scored (weights not totalling 100 …); empty when it was. */
  problems: string[];
}

export interface PersonCycleResult {
  sheets: SheetResult[];
  score: number | null;
  grade: string | null;
  coefficient: number | null;
  bonus: number | null;
}

/** Results of one person's sheets in one cycle. `bonusRule` null: no coefficient and no bonus. */
export function personCycleResult(cycle: ResultCycle, sheets: readonly ResultSheet[], bonusRule: BonusRuleInEffect | null): PersonCycleResult {
  const results = sheets.map((s) => sheetResult(cycle, s));
  const outcome = personOutcome(
    cycle,
    sheets.map((s, i) => ({ ...s, ownScore: results[i]!.ownScore })),
    bonusRule,
  );
  return { sheets: results, ...outcome };
}

/** A scored sheet as the person's result needs it. */
export interface ScoredSheet {
  startsOn: string;
  endsOn: string;
  ownScore: number | null;
  bonusBase: number;
  calibratedGrade: string | null;
}

/**
 * The person's cycle score (time-weighted by days), grade (the latest sheet's calibrated grade, else `gradeOf`),
 * coefficient and bonus (with the latest sheet's bonus base).
 */
export function personOutcome(cycle: ResultCycle, sheets: readonly ScoredSheet[], bonusRule: BonusRuleInEffect | null): Omit<PersonCycleResult, 'sheets'> {
  const score = timeWeightedScore(sheets.map((s) => ({ days: sheetDays(cycle, s), score: s.ownScore })));
  const latest = latestSheet(sheets);
  const grade = latest?.calibratedGrade ?? (score === null ? null : gradeOf(score, cycle.bands));
  const pay = grade !== null && latest && bonusRule ? payOf(bonusRule, latest.bonusBase, grade, score) : null;
  return { score, grade, coefficient: pay?.coefficient ?? null, bonus: pay?.bonus ?? null };
}

/** Days of a sheet inside the cycle's dates. */
export function sheetDays(cycle: Pick<ResultCycle, 'startsOn' | 'endsOn'>, sheet: { startsOn: string; endsOn: string }): number {
  return Math.max(0, daysBetween(max(sheet.startsOn, cycle.startsOn), min(sheet.endsOn, cycle.endsOn)) + 1);
}

/** One sheet's item, group and own score, with its days in the cycle. */
export function sheetResult(cycle: ResultCycle, sheet: ResultSheet): SheetResult {
  const days = sheetDays(cycle, sheet);
  const input = toSheet(sheet, cycle.missing);
  const problems = sheetIssues(input);
  if (problems.length > 0) {
    return {
      ownScore: null,
      groups: sheet.groups.map((g) => ({ code: g.code, score: null })),
      items: sheet.items.map((i) => ({ code: i.code, group: i.group, achievement: null, score: null })),
      days,
      problems: problems.map((p) => p.message.en),
    };
  }
  const scored = scoreSheet(input);
  const unsupported = new Set(sheet.items.filter((i) => i.kind === 'kpi' && !sheetMethod(i)).map((i) => i.code));
  const items = scored.items.map((i) => (unsupported.has(i.code) ? { ...i, reason: 'unsupported-method' } : i));
  return { ownScore: scored.score, groups: scored.groups, items, days, problems: [] };
}

/** The sheet as `scoreSheet` reads it: items in their groups, in the order given. */
export function toSheet(sheet: ResultSheet, missing: MissingMode): Sheet {
  return {
    missing,
    groups: sheet.groups.map((g) => ({ code: g.code, weight: g.weight, items: sheet.items.filter((i) => i.group === g.code).map(toSheetItem) })),
  };
}

function toSheetItem(item: ResultItem): SheetItem {
  if (item.kind === 'rated') return { kind: 'rated', code: item.code, weight: item.weight, scale: item.scale, rating: item.managerRating };
  const method = sheetMethod(item);
  return {
    kind: 'kpi',
    code: item.code,
    weight: item.weight,
    // A range KPI without a range method (scored against a target's min and max on a scorecard, which an item
    // does not have) has no value on the sheet.
    direction: method ? item.direction : 'increase',
    method: method ?? 'ratio',
    target: item.target,
    actual: method ? item.actual : null,
    baseline: item.baseline ?? null,
    ...(item.floor === undefined ? {} : { floor: item.floor }),
    ...(item.cap === undefined ? {} : { cap: item.cap }),
  };
}

/** The KPI's scoring method as a sheet scores it (every method the scorecard has), or null when it cannot. */
function sheetMethod(item: Pick<ResultKpiItem, 'direction' | 'method'>): ScoringMethod | null {
  return item.direction === 'range' && item.method.kind !== 'range' ? null : item.method;
}

function payOf(rule: BonusRuleInEffect, base: number, grade: string, score: number | null): { coefficient: number; bonus: number } | null {
  if (rule.coefficients === null && score === null) return null;
  // A calibrated grade the coefficient table does not know gives no coefficient (the table is checked when saved).
  if (rule.coefficients !== null && rule.coefficients[grade] === undefined) return null;
  return bonusFor({ base, rate: rule.rate, coefficients: rule.coefficients ?? 'score', round: rule.round }, grade, score ?? 0);
}

/** The person's latest sheet in the cycle (the one they are on at its end). */
export function latestSheet<T extends { startsOn: string }>(sheets: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const s of sheets) if (!latest || s.startsOn > latest.startsOn) latest = s;
  return latest;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** What a sheet item takes from its KPI: direction and the KPI's scoring settings (`kpis.scoring`), as a scorecard. */
export function kpiItemSettings(kpi: {
  direction: string;
  baseline: number | null;
  scoring: { method?: ScoringMethod; floor?: number; cap?: number };
}): Pick<ResultKpiItem, 'direction' | 'method' | 'floor' | 'cap' | 'baseline'> {
  return {
    direction: kpi.direction === 'decrease' ? 'decrease' : kpi.direction === 'range' ? 'range' : 'increase',
    method: kpi.scoring.method ?? { kind: 'ratio' },
    floor: kpi.scoring.floor,
    cap: kpi.scoring.cap,
    baseline: kpi.baseline,
  };
}

/** The method a sheet scores a KPI item with, or null when it cannot (a range KPI without a range method). */
export const sheetMethodOf = sheetMethod;
