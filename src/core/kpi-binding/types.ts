import type { KpiFrequency } from '../kpi';
import type { Grain } from '../dataset/grain';

/** A unit or a person a scope-column value counts for. */
export type BindingScope = { type: 'unit'; id: number } | { type: 'person'; id: number };

/** `region = 'Miền Bắc'` → unit KD-MB: rows with this value count for that scope (and for the company). */
export interface ScopeMapping {
  value: string;
  scope: BindingScope;
}

/**
 * A KPI bound to data: its actual for a period and scope is `measure` over the dataset's rows whose date
 * falls in the period (company calendar) — all rows for the company, the rows whose scope column holds a value
 * mapped to a unit or person for that scope. Unmapped values count for the company total only.
 */
export interface KpiBinding {
  dataset: string;
  /** As `openkpi query` takes it: `sum(revenue)`, `sum(profit) / sum(sales)`, `count() where status = 'paid'`. */
  measure: string;
  dateColumn: string;
  scopeColumn: string | null;
  scopes: ScopeMapping[];
}

export const BINDING_LIMITS = { scopes: 500, valueLength: 200 } as const;

/** The grain of each KPI frequency: the period keys it gives are the KPI's own (2026-01, 2026-Q1, 2026-W05, 2026). */
export const FREQUENCY_GRAIN: Record<KpiFrequency, Grain> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };
