/**
 * A KPI definition as plain data (what KPI-as-code files, the API and the database agree on).
 * Percentages are stored as fractions: a 95 % target is `0.95`.
 */

export const KPI_LEVELS = ['strategic', 'tactical', 'operational'] as const;
export type KpiLevel = (typeof KPI_LEVELS)[number];

export const KPI_PERSPECTIVES = ['financial', 'customer', 'process', 'learning'] as const;
export type KpiPerspective = (typeof KPI_PERSPECTIVES)[number];

/** Groups for people KPIs (individual evaluation sheets). */
export const KPI_GROUPS = ['output', 'behavior', 'competency'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

export const KPI_UNITS = ['VND', '%', 'count', 'ratio', 'score', 'days', 'hours'] as const;
export type KnownKpiUnit = (typeof KPI_UNITS)[number];
/** One of the known units, or any custom text (`lượt truy cập`, `USD`, `kg` …). */
export type KpiUnit = KnownKpiUnit | (string & {});

export const KPI_DIRECTIONS = ['increase', 'decrease', 'range'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** How values of shorter periods roll up into longer ones; `ratio` = sum(numerator) / sum(denominator). */
export const KPI_AGGREGATIONS = ['sum', 'avg', 'last', 'min', 'max', 'ratio'] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

export const KPI_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];

/** `dataset`: computed from a business dataset by a measure (the KPI's binding, docs/kpi-binding.md). */
export const KPI_SOURCES = ['manual', 'import', 'formula', 'dataset'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

export const KPI_STATUSES = ['draft', 'active', 'archived'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** Stable code: an upper-case letter, then 1–39 upper-case letters, digits or `_`. */
export const KPI_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/** The target (chỉ tiêu) for one period. For `range` KPIs, `min` and `max` bound the good zone. */
export interface KpiTarget {
  /** Period key: `2026`, `2026-Q1`, `2026-01`, `2026-W05` or `2026-01-15..2026-02-14`. */
  period: string;
  value: number;
  /** Threshold (ngưỡng tối thiểu) for increase/decrease KPIs; lower bound for range KPIs. */
  min?: number;
  /** Upper bound for range KPIs. */
  max?: number;
  /** Stretch target (chỉ tiêu vượt). */
  stretch?: number;
}

export interface KpiBaseline {
  period: string;
  value: number;
}

/** A link to a parent KPI this one contributes to, with its weight (trọng số). */
export interface KpiParentLink {
  code: string;
  weight: number;
}

export interface KpiDefinition {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  level: KpiLevel;
  perspective: KpiPerspective;
  group?: KpiGroup | null;
  /** Null while a draft has no unit yet (the SMART check reports it). */
  unit: KpiUnit | null;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  frequency: KpiFrequency | null;
  source: KpiSource | null;
  /** Required when `source` is `formula`. */
  formula?: string | null;
  /** Person references: e-mail addresses in KPI-as-code files, ids in the database. */
  owner: string | null;
  measurer: string | null;
  /** Reporting deadline (hạn báo cáo): days after the period ends. */
  reportWithinDays: number | null;
  baseline: KpiBaseline | null;
  parents: KpiParentLink[];
  tags: string[];
  status: KpiStatus;
  targets: KpiTarget[];
}
