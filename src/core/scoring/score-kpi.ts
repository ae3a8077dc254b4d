import { achievementOf } from './achievement';
import { scoringConfigError } from './errors';
import { statusOf } from './status';
import type { KpiDirection, ScoreResult, ScoringMethod, StatusRule } from './types';

export const DEFAULT_FLOOR = 0;
export const DEFAULT_CAP = 1.2;

export interface ScoreInput {
  direction: KpiDirection;
  /** Default `{ kind: 'ratio' }`. */
  method?: ScoringMethod;
  target?: number | null;
  /** Missing (null/undefined/NaN) is "no value", never 0. */
  actual?: number | null;
  baseline?: number | null;
  /** Lowest score; default 0. */
  floor?: number;
  /** Highest score; default 1.2 (120 %). */
  cap?: number;
  statusRules?: readonly StatusRule[];
}

const known = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Achievement (uncapped), score (clamped to [floor, cap]) and RAG status of one KPI. */
export function scoreKpi(input: ScoreInput): ScoreResult {
  const floor = input.floor ?? DEFAULT_FLOOR;
  const cap = input.cap ?? DEFAULT_CAP;
  if (!Number.isFinite(floor) || !Number.isFinite(cap) || floor > cap) {
    throw scoringConfigError(
      `điểm sàn phải nhỏ hơn hoặc bằng điểm trần (sàn ${floor}, trần ${cap})`,
      `the floor must not exceed the cap (floor ${floor}, cap ${cap})`,
      { floor, cap },
    );
  }
  const result = achievementOf({
    direction: input.direction,
    method: input.method ?? { kind: 'ratio' },
    target: known(input.target),
    actual: known(input.actual),
    baseline: known(input.baseline),
    cap,
  });
  const base = result.bandScore ?? result.value;
  const out: ScoreResult = {
    achievement: result.value,
    score: result.value === null || base === null ? null : Math.min(cap, Math.max(floor, base)),
    status: statusOf(result.value, input.statusRules),
  };
  if (result.reason !== undefined) out.reason = result.reason;
  return out;
}
