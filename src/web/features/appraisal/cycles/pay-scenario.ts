import { DEFAULT_BONUS_STEP, DEFAULT_COEFFICIENTS } from '../../../../core/appraisal/bonus';
import type { CycleT, PayScenarioT } from './types';

/** The simulator's what-if inputs as the form holds them (fractions for band minimums, VND for money). */
export interface PayForm {
  bands: { grade: string; min: number | null }[];
  coefMode: 'grade' | 'score';
  coefficients: Record<string, number | null>;
  rate: number | null;
  roundStep: number | null;
  usePool: boolean;
  pool: number | null;
}

/** The what-if starts equal to the cycle's current rule, so the two columns match until something is changed. */
export function initialPayForm(cycle: Pick<CycleT, 'bands' | 'bonusRule'>): PayForm {
  const rule = cycle.bonusRule;
  const table = rule && rule.coefficients !== 'score' ? rule.coefficients : DEFAULT_COEFFICIENTS;
  return {
    bands: cycle.bands.map((b) => ({ grade: b.grade, min: b.min })),
    coefMode: rule?.coefficients === 'score' ? 'score' : 'grade',
    coefficients: Object.fromEntries(cycle.bands.map((b) => [b.grade, table[b.grade] ?? null])),
    rate: rule?.rate ?? 1,
    roundStep: rule?.roundStep ?? DEFAULT_BONUS_STEP,
    usePool: false,
    pool: null,
  };
}

/**
 * The scenario the server computes: every what-if field, or a pool split by base × coefficient. A field left
 * empty is left out, so the server uses the cycle's own value for it.
 */
export function toScenario(f: PayForm): PayScenarioT {
  const out: PayScenarioT = {};
  if (f.bands.every((b) => typeof b.min === 'number')) out.bands = f.bands.map((b) => ({ grade: b.grade, min: b.min as number }));
  if (f.coefMode === 'score') out.coefficients = 'score';
  else if (Object.values(f.coefficients).every((c) => typeof c === 'number')) out.coefficients = f.coefficients as Record<string, number>;
  if (typeof f.roundStep === 'number') out.roundStep = f.roundStep;
  if (f.usePool) {
    if (typeof f.pool === 'number') out.pool = f.pool;
  } else if (typeof f.rate === 'number') out.rate = f.rate;
  return out;
}
