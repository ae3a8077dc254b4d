import { fromScaled, toScaledIntegers } from './decimal';
import { numberInvalid, notMultipleOfStep, stepInvalid, TOTAL_LABEL, weightsInvalid } from './errors';

export interface SplitOptions {
  /** Every part is a multiple of this (1,000,000 ₫, 1, 0.01 …). Default 1. */
  step?: number;
}

/**
 * Largest-remainder split of an integer number of steps: part i gets floor(units × wᵢ / Σw), then the
 * steps still left go one each to the largest remainders (ties: the earlier part). Exact in BigInt.
 */
export function splitUnits(units: bigint, weights: readonly bigint[]): bigint[] {
  if (units < 0n) return splitUnits(-units, weights).map((u) => -u);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (units * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (units * w) % sum }));
  let left = units - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return parts;
}

/** The step and the values as integer counts of a shared decimal scale. */
export function toSteps(step: number, values: readonly number[]): { step: bigint; values: bigint[]; scale: number } {
  if (!(step > 0) || !Number.isFinite(step)) throw stepInvalid(step);
  const { ints, scale } = toScaledIntegers([step, ...values]);
  return { step: ints[0] as bigint, values: ints.slice(1), scale };
}

/** Units of `step` in `value` (both scaled); throws when it is not a whole number of steps. */
export function unitsOf(scaledValue: bigint, scaledStep: bigint, what: { vi: string; en: string }, value: number, step: number): bigint {
  if (scaledValue % scaledStep !== 0n) throw notMultipleOfStep(what, value, step);
  return scaledValue / scaledStep;
}

function checkWeights(weights: readonly number[]): bigint[] {
  if (weights.length === 0) throw weightsInvalid({ vi: 'cần ít nhất một phần', en: 'at least one part is needed' });
  for (const [i, w] of weights.entries()) {
    if (!Number.isFinite(w) || w < 0) {
      throw weightsInvalid({ vi: `trọng số thứ ${i + 1} (${w}) phải là số không âm`, en: `weight ${i + 1} (${w}) must be a non-negative number` });
    }
  }
  const { ints } = toScaledIntegers(weights);
  if (ints.every((w) => w === 0n)) throw weightsInvalid({ vi: 'cần ít nhất một trọng số dương', en: 'at least one weight must be positive' });
  return ints;
}

/** Split `total` in proportion to `weights`; the parts are multiples of the step and add up exactly to the total. */
export function splitByWeights(total: number, weights: readonly number[], options: SplitOptions = {}): number[] {
  const stepValue = options.step ?? 1;
  if (!Number.isFinite(total)) throw numberInvalid(TOTAL_LABEL, total);
  const intWeights = checkWeights(weights);
  const scaled = toSteps(stepValue, [total]);
  const units = unitsOf(scaled.values[0] as bigint, scaled.step, TOTAL_LABEL, total, stepValue);
  return splitUnits(units, intWeights).map((u) => fromScaled(u * scaled.step, scaled.scale));
}

/** Split `total` into `count` equal parts (the first parts take the leftover steps: 100 / 3 → 34, 33, 33). */
export function splitEvenly(total: number, count: number, options: SplitOptions = {}): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw weightsInvalid({ vi: `số phần phải là số nguyên dương (nhận được: ${count})`, en: `the number of parts must be a positive integer (got: ${count})` });
  }
  return splitByWeights(total, new Array<number>(count).fill(1), options);
}

/** Split `total` in the shares of last year's actuals (one per part, e.g. per month). */
export function splitByShares(total: number, lastYearActuals: readonly number[], options: SplitOptions = {}): number[] {
  if (lastYearActuals.some((a) => Number.isFinite(a) && a < 0)) {
    throw weightsInvalid({
      vi: 'số thực hiện năm trước có giá trị âm nên không dùng làm tỷ trọng được',
      en: "last year's actuals include a negative value, so they cannot be used as shares",
    });
  }
  return splitByWeights(total, lastYearActuals, options);
}
