import { DomainError, type Localized } from '../../../core/errors';
import { checkTargetSum, redistribute } from '../../../core/target';
import type { ScopeKey, TargetInput, TargetRecordT } from './types';
import { scopeKeyOf } from './scope-key';

/** `2026` → `2026-01` … `2026-12`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export interface MonthPlan {
  year: number;
  /** The 12 monthly targets (0 where a month has none yet). */
  values: number[];
  /** The records behind them, to keep thresholds and stretch targets when saving. */
  records: (TargetRecordT | null)[];
  /** The yearly target of the scope, when there is one. */
  yearly: number | null;
}

/** One scope's monthly plan for a year, read from every target of the KPI. */
export function monthPlanOf(targets: readonly TargetRecordT[], scope: ScopeKey, year: number): MonthPlan {
  const own = targets.filter((t) => scopeKeyOf(t.scope) === scope);
  const records = monthsOf(year).map((p) => own.find((t) => t.period === p) ?? null);
  return { year, values: records.map((r) => r?.value ?? 0), records, yearly: own.find((t) => t.period === String(year))?.value ?? null };
}

export type EditResult = { ok: true; values: number[] } | { ok: false; error: Localized };

/**
 * Month `index` gets `value`; the difference goes to the months that are not locked, in proportion to
 * their current values, so the plan still adds up to `total` (the yearly target, else the current sum).
 */
export function editMonth(values: readonly number[], index: number, value: number, locked: readonly number[], total: number | null, step: number): EditResult {
  try {
    const next = redistribute({ values, edits: [{ index, value }], locked: locked.filter((i) => i !== index), step, ...(total !== null && { total }) });
    return { ok: true, values: next };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.localized };
    throw e;
  }
}

/** Spreads the plan so it adds up to `total` again, keeping the locked months (after the yearly target changed). */
export function fitToTotal(values: readonly number[], locked: readonly number[], total: number, step: number): EditResult {
  try {
    return { ok: true, values: redistribute({ values, locked, total, step }) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.localized };
    throw e;
  }
}

/** The body of PUT /targets for the plan: each month's value, keeping its threshold and stretch target. */
export function planTargets(plan: MonthPlan, values: readonly number[]): TargetInput[] {
  return monthsOf(plan.year).map((period, i) => {
    const r = plan.records[i];
    return {
      period,
      value: values[i] ?? 0,
      ...(r?.min !== undefined && { min: r.min }),
      ...(r?.max !== undefined && { max: r.max }),
      ...(r?.stretch !== undefined && { stretch: r.stretch }),
    };
  });
}

/** Does the plan add up to the yearly target? null when there is no yearly target to compare with. */
export function planSumCheck(values: readonly number[], yearly: number | null): { ok: boolean; sum: number; difference: number } | null {
  if (yearly === null) return null;
  const r = checkTargetSum('sum', yearly, values);
  return r.applicable ? { ok: r.ok, sum: r.childrenSum, difference: r.difference } : null;
}
