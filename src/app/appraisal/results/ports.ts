import type { CycleColumns } from '../../../core/appraisal/cycle-close';
import type { BonusRuleInEffect, ResultCycle } from '../../../core/appraisal/sheet-result';
import type { LockedKpi, PersonWrite } from '../../../core/appraisal/value-lock';
import type { ActualTotals, ScoringConfig } from '../../../core/evaluation';

/** A sheet as the results engine reads it. `score` is the person's cycle score stored now (null = not counted). */
export interface ResultSheetRow {
  id: number;
  cycleId: number;
  personId: number;
  unitId: number;
  startsOn: string;
  endsOn: string;
  groups: { code: string; weight: number }[];
  bonusBase: number;
  calibratedGrade: string | null;
  score: number | null;
}

/** An item with what its score needs from the KPI. */
export interface ResultItemRow {
  id: number;
  sheetId: number;
  groupCode: string;
  code: string;
  kind: 'kpi' | 'rated';
  weight: number;
  target: number | null;
  scale: number | null;
  managerRating: number | null;
  kpi: { id: number; direction: string; aggregation: string; frequency: string | null; baseline: number | null; scoring: ScoringConfig } | null;
}

/** A KPI item's values over its sheet's dates (null = none), with the item. */
export interface RefreshItemRow extends ResultItemRow {
  totals: ActualTotals | null;
}

/** Everything a refresh needs, read in one statement. */
export interface RefreshInputs {
  sheets: ResultSheetRow[];
  /** In each sheet's item order. */
  items: RefreshItemRow[];
  cycles: Map<number, { cycle: ResultCycle; rule: BonusRuleInEffect | null }>;
}

/** Which sheets a refresh starts from: these sheets, or the sheets these person-scope writes touch. */
export type RefreshFrom = { sheetIds: readonly number[] } | { writes: readonly PersonWrite[] };

/** Which period kind a KPI's values are aggregated from (its frequency's, see core/evaluation). */
export interface KpiKind {
  kpiId: number;
  kind: string;
  /** The KPI's aggregation: only the statistic it reads is computed. */
  aggregation: string;
}

export interface ItemResultWrite {
  id: number;
  actual: number | null;
  achievement: number | null;
  score: number | null;
}

export interface SheetResultWrite {
  id: number;
  /** Each group's score by group code (null = none), merged into the sheet's `groups` JSON as `score`. */
  groupScores: Record<string, number | null>;
  ownScore: number | null;
  score: number | null;
  grade: string | null;
  coefficient: number | null;
  bonus: number | null;
}

/** A change of one unit's own counts in a cycle (the unit and its ancestors take it). */
export interface UnitDelta {
  cycleId: number;
  unitId: number;
  people: number;
  sum: number;
}

/** Storage for the results part of people performance (implemented in db/repositories/appraisal-results.ts). */
export interface AppraisalResultsStore {
  /**
   * One statement: the sheets to refresh — of the people of `from` in the same cycles (a person's result needs
   * all of their sheets), in cycles that are not locked or published — locked until the transaction ends (two
   * refreshes of one person run one after the other), with their items, each KPI item's totals of the person's
   * values over the sheet's dates from rows of its KPI's period kind (`periodKinds`: frequency → kind), each
   * cycle's settings and the bonus rule in effect at its end. Nothing when no open sheet has an item for a
   * written KPI.
   */
  refreshInputs(from: RefreshFrom, periodKinds: readonly { frequency: string | null; kind: string }[]): Promise<RefreshInputs>;
  /**
   * One statement: item and sheet results (items whose results did not change are not rewritten), and each delta
   * added to its unit and every ancestor unit of its cycle's unit results; rows left with 0 people are dropped.
   */
  saveRefresh(w: { items: readonly ItemResultWrite[]; sheets: readonly SheetResultWrite[]; units: readonly UnitDelta[] }): Promise<void>;
  /** The newest bonus rule with `effective_from` ≤ `asOf`. */
  bonusRule(asOf: string): Promise<BonusRuleInEffect | null>;
  /** The KPIs of a cycle's items with their aggregation settings. */
  cycleKpis(cycleId: number): Promise<NonNullable<ResultItemRow['kpi']>[]>;
  /**
   * Every sheet, group and item of a cycle as columns, each KPI item with the totals of the person's values over
   * its sheet's dates from rows of its KPI's kind (`kinds`) — one GROUP BY over the cycle's values, the columns
   * coming back as arrays in one row.
   */
  cycleColumns(cycleId: number, kinds: readonly KpiKind[]): Promise<CycleColumns>;
  /** Bulk writes; items whose results did not change are not rewritten. */
  saveItems(rows: readonly ItemResultWrite[]): Promise<void>;
  saveSheets(rows: readonly SheetResultWrite[]): Promise<void>;
  /** Replaces the cycle's unit results. */
  replaceUnitResults(cycleId: number, rows: readonly { unitId: number; people: number; sum: number; mean: number | null }[]): Promise<void>;
  units(): Promise<{ id: number; parentId: number | null }[]>;
  /** Person KPIs frozen by locked or published cycles; filtered by people and KPIs when given. */
  lockedKpis(q: { personIds?: readonly number[]; kpiIds?: readonly number[] }): Promise<LockedKpi[]>;
}
