import { toDecimal } from '../target/decimal';
import { splitUnits, toSteps, unitsOf } from '../target/split';
import { fromScaled } from '../target/decimal';
import { appraisalError } from './errors';
import { DEFAULT_BONUS_STEP } from './bonus';

export interface PoolShare {
  /** Bonus base of the person (₫). */
  base: number;
  /** The person's coefficient (from their grade or score). */
  coefficient: number;
}

const POOL_LABEL = { vi: 'Quỹ thưởng', en: 'The bonus pool' };

/**
 * Splits a bonus pool over people in proportion to base × coefficient, with the exact largest-remainder
 * rounding of target splits (`core/target` `splitUnits`): every part is a whole number of steps and the parts
 * add up exactly to the pool. 100,000,000 over bases 10, 8, 12 million × coefficients 1.5, 1.0, 1.2 at step
 * 1,000 → 40,107,000 / 21,390,000 / 38,503,000.
 */
export function splitBonusPool(pool: number, people: readonly PoolShare[], step: number = DEFAULT_BONUS_STEP): number[] {
  if (!(Number.isFinite(pool) && pool >= 0)) {
    throw appraisalError('APPRAISAL_POOL_INVALID', `Quỹ thưởng phải là số không âm (nhận được: ${pool})`, `The bonus pool must be a non-negative number (got: ${pool})`, { pool });
  }
  people.forEach(({ base, coefficient }, i) => {
    if (!(Number.isFinite(base) && base >= 0 && Number.isFinite(coefficient) && coefficient >= 0)) {
      throw appraisalError(
        'APPRAISAL_POOL_INVALID',
        `Người thứ ${i + 1}: mức cơ sở và hệ số phải là số không âm (nhận được: ${base}, ${coefficient})`,
        `Person ${i + 1}: base and coefficient must be non-negative numbers (got: ${base}, ${coefficient})`,
        { index: i, base, coefficient },
      );
    }
  });
  const shares = exactProducts(people);
  if (shares.every((s) => s === 0n)) {
    throw appraisalError('APPRAISAL_POOL_INVALID', 'Cần ít nhất một người có mức cơ sở × hệ số lớn hơn 0', 'At least one person needs base × coefficient above 0');
  }
  const scaled = toSteps(step, [pool]);
  const units = unitsOf(scaled.values[0]!, scaled.step, POOL_LABEL, pool, step);
  return splitUnits(units, shares).map((u) => fromScaled(u * scaled.step, scaled.scale));
}

/** base × coefficient for each person as integers of one shared decimal scale (exact). */
function exactProducts(people: readonly PoolShare[]): bigint[] {
  const products = people.map(({ base, coefficient }) => {
    const b = toDecimal(base);
    const c = toDecimal(coefficient);
    return { digits: b.digits * c.digits, scale: b.scale + c.scale };
  });
  const scale = Math.max(0, ...products.map((p) => p.scale));
  return products.map((p) => p.digits * 10n ** BigInt(scale - p.scale));
}
