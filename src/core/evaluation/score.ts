import { scoreKpi, statusOf, type ScoreResult, type ScoringMethod } from '../scoring';
import { expectedTarget, type OpenPeriod } from './in-progress';
import type { EvalKpi, Evaluation, PickedActual, PickedTarget } from './types';

/**
 * Range KPIs without a configured method are scored against the target's [min, max]:
 * 100 % inside, falling to 0 at `tolerance` outside (default: the width of the range).
 */
function methodFor(kpi: EvalKpi, target: PickedTarget | null): ScoringMethod | null {
  const configured = kpi.scoring?.method;
  if (configured) return configured;
  if (kpi.direction !== 'range') return { kind: 'ratio' };
  if (target?.min === undefined || target.max === undefined || target.min > target.max) return null;
  return { kind: 'range', min: target.min, max: target.max, tolerance: kpi.scoring?.tolerance ?? target.max - target.min };
}

/**
 * Achievement, score and RAG status of one KPI for one period, with the KPI's scoring settings.
 * `open`: the period is still running, so amounts are measured against the expected-to-date target.
 */
export function evaluateKpi(kpi: EvalKpi, target: PickedTarget | null, actual: PickedActual | null, open: OpenPeriod | null = null): Evaluation {
  const method = methodFor(kpi, target);
  const expected = target === null ? null : expectedTarget(kpi.aggregation, kpi.direction, target.value, open);
  let result: ScoreResult;
  if (method === null) {
    result = { achievement: null, score: null, status: 'none', reason: actual === null ? 'no-actual' : 'no-target' };
  } else {
    const config = kpi.scoring ?? {};
    result = scoreKpi({
      direction: kpi.direction,
      method,
      target: expected,
      actual: actual?.value ?? null,
      baseline: kpi.baseline ?? null,
      ...(config.floor !== undefined && { floor: config.floor }),
      ...(config.cap !== undefined && { cap: config.cap }),
      ...(config.statusRules !== undefined && { statusRules: config.statusRules }),
    });
  }
  const out: Evaluation = { target, actual, ...result };
  if (open !== null) out.open = open;
  if (open !== null && expected !== null && target !== null && expected !== target.value) out.expected = expected;
  return out;
}

/** The RAG status of a score that was not computed from one actual (a roll-up), with the KPI's rules. */
export function statusOfScore(kpi: EvalKpi | undefined, score: number | null): Evaluation['status'] {
  return statusOf(score, kpi?.scoring?.statusRules);
}
