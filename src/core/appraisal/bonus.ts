import { issue, type Issue } from '../errors';
import { fromScaled, toDecimal } from '../target/decimal';
import { appraisalError } from './errors';
import type { BonusRule, CoefficientRule, GradeBand } from './types';

/** Default coefficient per grade: A 1.5, B 1.2, C 1.0, D 0.5. */
export const DEFAULT_COEFFICIENTS: Readonly<Record<string, number>> = { A: 1.5, B: 1.2, C: 1, D: 0.5 };

/** Default rounding step of a bonus: 1,000 ₫. */
export const DEFAULT_BONUS_STEP = 1000;

/** The coefficient: the grade's entry in the table, or the final score itself in `score` mode. */
export function coefficientOf(rule: CoefficientRule, grade: string, score: number): number {
  if (rule === 'score') return score;
  const c = rule[grade];
  if (c === undefined) {
    throw appraisalError('APPRAISAL_COEFFICIENT_MISSING', `Bảng hệ số thưởng không có xếp loại "${grade}"`, `The bonus coefficient table has no grade "${grade}"`, { grade });
  }
  return c;
}

/**
 * bonus = base × rate × coefficient, computed exactly in decimal (BigInt), rounded to a whole number of
 * steps with halves up, and never negative (a missed KPI never deducts pay): 5,000,000 × 1 × 0.897 at step
 * 1,000 → 4,485,000; 1,234,500 × 1 × 1 at step 1,000 → 1,235,000.
 */
export function bonusAmount(base: number, rate: number, coefficient: number, step: number = DEFAULT_BONUS_STEP): number {
  for (const [name, value] of [['base', base], ['rate', rate], ['coefficient', coefficient]] as const) {
    if (!Number.isFinite(value)) throw appraisalError('APPRAISAL_BONUS_INVALID', `${name} phải là một số (nhận được: ${value})`, `${name} must be a number (got: ${value})`, { [name]: value });
  }
  if (!(step > 0) || !Number.isFinite(step)) {
    throw appraisalError('APPRAISAL_BONUS_INVALID', `Bước làm tròn thưởng phải là số dương (nhận được: ${step})`, `The bonus rounding step must be a positive number (got: ${step})`, { step });
  }
  const [b, r, c, s] = [base, rate, coefficient, step].map(toDecimal) as [ReturnType<typeof toDecimal>, ReturnType<typeof toDecimal>, ReturnType<typeof toDecimal>, ReturnType<typeof toDecimal>];
  const product = b.digits * r.digits * c.digits;
  if (product <= 0n) return 0;
  // product / 10^ps ÷ (s.digits / 10^s.scale) = num / den
  const num = product * 10n ** BigInt(s.scale);
  const den = s.digits * 10n ** BigInt(b.scale + r.scale + c.scale);
  const steps = (2n * num + den) / (2n * den);
  return fromScaled(steps * s.digits, s.scale);
}

/** Grade → coefficient → bonus for one final score under a bonus rule (defaults filled in). */
export function bonusFor(rule: BonusRule, grade: string, score: number): { coefficient: number; bonus: number } {
  const coefficient = coefficientOf(rule.coefficients ?? DEFAULT_COEFFICIENTS, grade, score);
  return { coefficient, bonus: bonusAmount(rule.base, rule.rate ?? 1, coefficient, rule.round ?? DEFAULT_BONUS_STEP) };
}

/** Problems with a bonus rule: negative amounts, a step ≤ 0, a grade of the bands missing from the table. */
export function bonusIssues(rule: BonusRule, bands: readonly GradeBand[], path = 'bonus'): Issue[] {
  const out: Issue[] = [];
  const nonNegative = (key: string, value: number, vi: string, en: string) => {
    if (!(Number.isFinite(value) && value >= 0)) {
      out.push(issue(`${path}.${key}`, 'APPRAISAL_BONUS_INVALID', `${vi} phải là số không âm (nhận được: ${value})`, `${en} must be a non-negative number (got: ${value})`));
    }
  };
  nonNegative('base', rule.base, 'Mức thưởng cơ sở', 'The bonus base');
  nonNegative('rate', rule.rate ?? 1, 'Tỷ lệ thưởng', 'The bonus rate');
  const step = rule.round ?? DEFAULT_BONUS_STEP;
  if (!(Number.isFinite(step) && step > 0)) {
    out.push(issue(`${path}.round`, 'APPRAISAL_BONUS_INVALID', `Bước làm tròn thưởng phải là số dương (nhận được: ${step})`, `The bonus rounding step must be a positive number (got: ${step})`));
  }
  const table = rule.coefficients ?? DEFAULT_COEFFICIENTS;
  if (table !== 'score') {
    for (const [grade, c] of Object.entries(table)) nonNegative(`coefficients.${grade}`, c, `Hệ số của xếp loại "${grade}"`, `The coefficient of grade "${grade}"`);
    for (const band of bands) {
      if (table[band.grade] === undefined) {
        out.push(
          issue(`${path}.coefficients`, 'APPRAISAL_COEFFICIENT_MISSING', `Bảng hệ số thưởng không có xếp loại "${band.grade}"`, `The bonus coefficient table has no grade "${band.grade}"`),
        );
      }
    }
  }
  return out;
}
