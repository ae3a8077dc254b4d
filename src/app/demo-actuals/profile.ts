/**
 * How a Vietnamese trading company's months differ: customers buy ahead of Tết in January, February
 * is the Tết holiday, and the year ends with a peak. Weights per month, January first.
 */
export const MONTH_WEIGHTS = [10, 6, 8, 8, 8, 8, 8, 8, 8, 9, 9, 11] as const;

/** Performance against plan per KPI, in code order: some KPIs beat the plan, some are amber, some red. */
export const PERFORMANCE = [1.04, 0.93, 1.08, 0.78, 1.0, 0.88, 1.12, 0.96] as const;

/** 2025 plans were lower for amounts that grow (revenue ÷ 1.15) and looser for costs (× 1.1). */
export const GROWTH = 1.15;

/** A plausible monthly size when a KPI has no target at all, by its unit. */
export function defaultPlan(unit: string | null): number {
  switch (unit) {
    case 'VND':
      return 1_000_000_000;
    case '%':
    case 'ratio':
      return 0.5;
    case 'score':
      return 4;
    case 'days':
      return 3;
    case 'hours':
      return 40;
    default:
      return 100;
  }
}

/** Rounding of generated numbers by unit: whole millions of đồng, whole counts, fractions to 4 digits. */
export function roundFor(unit: string | null, value: number): number {
  if (unit === 'VND') return Math.round(value / 1_000_000) * 1_000_000;
  if (unit === '%' || unit === 'ratio') return Math.round(value * 10_000) / 10_000;
  if (unit === 'score' || unit === 'days' || unit === 'hours') return Math.round(value * 100) / 100;
  return Math.round(value);
}

/** The step a 2025 target is split in (so the months add up exactly to the year). */
export function stepFor(unit: string | null, total: number): number {
  if (unit === 'VND') return 1_000_000;
  return Math.abs(total) >= 100 ? 1 : 0.0001;
}
