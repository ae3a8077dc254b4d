import { issue, type Issue } from '../errors';
import { formatNumberBoth } from '../target/format';
import { toScaledIntegers } from '../target/decimal';

/** Weights are percentages that total exactly 100 at each level of a sheet. */
export const WEIGHT_TOTAL = 100;

/** Where a list of weights lives, for messages: `the groups` / `the items of group "output"`. */
export interface WeightsPlace {
  path: string;
  label: { vi: string; en: string };
}

/**
 * Problems with one level's weights: each must be a finite number ≥ 0, and together they must total exactly
 * 100 in decimal arithmetic (33.33 + 33.33 + 33.34 and 10.1 + 20.2 + 69.7 pass; no float sum, no tolerance).
 */
export function weightIssues(place: WeightsPlace, weights: readonly { code: string; weight: unknown }[]): Issue[] {
  const bad: Issue[] = [];
  weights.forEach(({ code, weight }, i) => {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      bad.push(
        issue(
          `${place.path}.${i}.weight`,
          'APPRAISAL_WEIGHT_INVALID',
          `Trọng số của "${code}" phải là một số không âm (nhận được: ${String(weight)})`,
          `The weight of "${code}" must be a non-negative number (got: ${String(weight)})`,
        ),
      );
    }
  });
  if (bad.length > 0) return bad;
  const total = exactTotal(weights.map((w) => w.weight as number));
  if (total.ok) return [];
  const shown = formatNumberBoth(total.value);
  return [
    issue(
      `${place.path}`,
      'APPRAISAL_WEIGHTS_TOTAL',
      `Trọng số ${place.label.vi} cộng lại bằng ${shown.vi}, phải đúng bằng 100`,
      `The weights of ${place.label.en} total ${shown.en}; they must total exactly 100`,
    ),
  ];
}

/** The exact decimal total of the weights and whether it is 100. */
export function exactTotal(weights: readonly number[]): { ok: boolean; value: number } {
  if (weights.length === 0) return { ok: false, value: 0 };
  const { ints, scale } = toScaledIntegers(weights);
  const sum = ints.reduce((a, b) => a + b, 0n);
  const hundred = BigInt(WEIGHT_TOTAL) * 10n ** BigInt(scale);
  return { ok: sum === hundred, value: Number(`${sum}e-${scale}`) };
}
