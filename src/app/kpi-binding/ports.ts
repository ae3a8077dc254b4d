import type { DatasetInfo } from '../../core/dataset/types';
import type { BindingQueryPlan, BindingRowsPlan, KpiBinding } from '../../core/kpi-binding';

/** A date range of company-local calendar days, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/** One group of a bound KPI's query: a period key, a scope key (null = the company total) and the measure. */
export interface BindingValueRow {
  period: string;
  scope: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

/** Where an import starts in a dataset table, to find the dates of the rows it adds. */
export interface ImportMark {
  lastRowId: number;
}

/** KPI bindings and the queries over their datasets (db/repositories/kpi-bindings.ts). */
export interface KpiBindingsStore {
  get(kpiId: number): Promise<KpiBinding | null>;
  save(kpiId: number, binding: KpiBinding, updatedBy: number | null): Promise<void>;
  /** The ids of the active KPIs with source `dataset` bound to this dataset, with their bindings. */
  forDataset(dataset: string): Promise<{ kpiId: number; binding: KpiBinding }[]>;
  /** The bound KPI's values in one grouped statement: company totals and mapped scopes of each period in `range` (null = all). */
  values(plan: BindingQueryPlan, range: DateRange | null): Promise<BindingValueRow[]>;
  /** A page of the rows behind a number (values as the dataset browser gives them) and how many there are. */
  rows(
    dataset: DatasetInfo,
    plan: BindingRowsPlan,
    filter: { range: DateRange; scopeValues: string[] | null },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: Record<string, string | boolean | null>[] }>;
  mark(dataset: DatasetInfo): Promise<ImportMark>;
  /** Local dates (min, max) of `column` over the rows added after `mark`, or of the staged rows and the stored rows they replace. */
  touchedDates(dataset: DatasetInfo, column: string, timeZone: string, since: ImportMark | 'staged'): Promise<DateRange | null>;
  /** Deletes the `dataset`-source actuals of these slots (and their history): the data no longer gives them a value. */
  removeValues(slots: { kpiId: number; kind: string; start: string; scope: { type: string; id: number | null } }[]): Promise<number>;
}
