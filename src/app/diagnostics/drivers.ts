import { decompose, factorsOf, productShapeOf, volumePriceFactors } from '../../core/diagnostics';
import { DomainError } from '../../core/errors';
import type { Actor } from '../actor';
import { requireReadScope } from '../evaluation/scope';
import { findKpiByCode } from '../kpi/find-kpi';
import type { Store, TargetScope } from '../ports';
import { evaluateSlot } from './evaluate-slot';

export interface DriversView {
  kpi: string;
  period: string;
  scope: TargetScope;
  kind: 'product' | 'ratio';
  target: number;
  actual: number;
  gap: number;
  effects: { code: string; name: string; nameEn: string | null; target: number; actual: number; effect: number }[];
}

const notProduct = (code: string) =>
  new DomainError('KPI_NOT_PRODUCT', {
    vi: `KPI ${code} không phải tích của các KPI khác ([A] * [B], hoặc có KPI khác = [${code}] / [B]).`,
    en: `KPI ${code} is not a product of other KPIs ([A] * [B], or another KPI is [${code}] / [B]).`,
  });

const noNumbers = (code: string) =>
  new DomainError('DRIVERS_NO_NUMBERS', {
    vi: `Chưa đủ chỉ tiêu và thực hiện của các yếu tố để phân tích KPI ${code} trong kỳ này.`,
    en: `The drivers of ${code} lack a target or an actual for this period.`,
  });

/**
 * How much of a product KPI's gap each driver explains for a scope and period (core/diagnostics/drivers.ts):
 * `[A] * [B]` by its factors, or A = B × (A / B) when another KPI is `[A] / [B]` (REVENUE = ORDERS × AOV).
 * Reading needs `numbers.read` on the scope.
 */
export async function getDrivers(store: Store, actor: Actor, q: { code: string; period: string; scope: TargetScope; now: Date }): Promise<DriversView> {
  await requireReadScope(store, actor, q.scope);
  const kpi = await findKpiByCode(store, q.code);
  const slot = await evaluateSlot(store, q.period, q.scope, q.now);
  const shape = productShapeOf(kpi.code, kpi.formula, slot.kpis.map((k) => ({ code: k.code, formula: k.formula })));
  if (!shape) throw notProduct(kpi.code);
  const numbers = (code: string) => {
    const row = slot.rows.get(code);
    const target = row?.target?.value;
    const actual = row?.actual?.value;
    return target === undefined || actual === undefined ? null : { code, target, actual };
  };
  const codes = shape.kind === 'product' ? shape.factors : [shape.volume, shape.price];
  let factors;
  if (shape.kind === 'product') {
    const rows = shape.factors.map(numbers);
    if (rows.some((r) => r === null)) throw noNumbers(kpi.code);
    factors = factorsOf(rows as { code: string; target: number; actual: number }[]);
  } else {
    const whole = numbers(kpi.code);
    const volume = numbers(shape.volume);
    factors = whole && volume ? volumePriceFactors(whole, volume, shape.price) : null;
    if (!factors) throw noNumbers(kpi.code);
  }
  // Money to the đồng; other units to two decimals.
  const d = decompose(factors, kpi.unit === 'VND' ? 0 : 2);
  const byCode = new Map(slot.kpis.map((k) => [k.code, k] as const));
  return {
    kpi: kpi.code,
    period: slot.period.key,
    scope: q.scope,
    kind: shape.kind,
    target: d.target,
    actual: d.actual,
    gap: d.gap,
    effects: d.effects.map((e, i) => ({ ...e, name: byCode.get(codes[i]!)?.name ?? e.code, nameEn: byCode.get(codes[i]!)?.nameEn ?? null })),
  };
}
