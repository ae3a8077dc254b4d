import { DomainError, type Localized } from '../../../core/errors';
import { splitByWeights, sumDecimal } from '../../../core/target';

export type WeightMode = 'equal' | 'custom';

export type CascadePreview =
  | { ok: true; values: number[]; weights: number[] }
  | { ok: false; error: Localized; weights: number[] };

/** The weights a cascade sends: 1 each for an equal split, else the typed percentages (missing = 0). */
export function cascadeWeights(mode: WeightMode, count: number, percents: readonly (number | null | undefined)[]): number[] {
  return Array.from({ length: count }, (_, i) => (mode === 'equal' ? 1 : (percents[i] ?? 0)));
}

/** Total of the typed percentages, exact to the decimals typed (33,33 + 33,33 + 33,34 = 100). */
export function percentTotal(percents: readonly (number | null | undefined)[]): number {
  return sumDecimal(percents.map((p) => p ?? 0));
}

/** Each child's value, computed the way the server will (largest remainder, multiples of the step). */
export function previewCascade(total: number, weights: readonly number[], step: number): CascadePreview {
  try {
    return { ok: true, values: splitByWeights(total, weights, { step }), weights: [...weights] };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e.localized, weights: [...weights] };
    throw e;
  }
}

/** Rounding steps offered for a KPI unit, and the default one. */
export function stepChoices(unit: string | null | undefined): { steps: number[]; initial: number } {
  if (unit === 'VND') return { steps: [1, 1_000, 1_000_000], initial: 1_000_000 };
  return { steps: [0.01, 0.1, 1], initial: 1 };
}
