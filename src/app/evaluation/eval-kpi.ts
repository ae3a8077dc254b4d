import type { EvalKpi, TargetValue } from '../../core/evaluation';
import type { KpiRecord, TargetRecord } from '../ports';

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

export function toTargetValue(t: TargetRecord): TargetValue {
  return {
    period: t.period,
    value: t.value,
    ...(t.min !== undefined && { min: t.min }),
    ...(t.max !== undefined && { max: t.max }),
    ...(t.stretch !== undefined && { stretch: t.stretch }),
  };
}
