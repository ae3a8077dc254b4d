import type { EvalKpi, TargetValue } from '../../core/evaluation';
import type { KpiTarget } from '../../core/kpi';
import type { KpiRecord } from '../ports';

/** What evaluation needs from a stored KPI, with its scoring settings (`{}` = defaults). */
export function toEvalKpi(k: KpiRecord): EvalKpi {
  return {
    id: k.id,
    code: k.code,
    level: k.level,
    direction: k.direction,
    aggregation: k.aggregation,
    frequency: k.frequency,
    parents: k.parents,
    baseline: k.baseline?.value ?? null,
    scoring: k.scoring,
  };
}

export function toTargetValue(t: KpiTarget): TargetValue {
  const value: TargetValue = { period: t.period, value: t.value };
  if (t.min !== undefined) value.min = t.min;
  if (t.max !== undefined) value.max = t.max;
  if (t.stretch !== undefined) value.stretch = t.stretch;
  return value;
}
