import { appraisalError } from './errors';
import { roundScore } from './round-score';

export interface SheetPeriod {
  /** Days the person spent on this sheet in the cycle. */
  days: number;
  /** Final score on that sheet; null when it has none (the days are then left out). */
  score: number | null;
}

/**
 * Time-weighted score of a person who changed sheets (joined, left, changed position) during a cycle:
 * Σ days × score ÷ Σ days of the sheets with a score, rounded to 1e-9. 60 days at 92 % and 30 days at 80 %
 * → (55.2 + 24) ÷ 90 = 88 %. Null when no sheet has a score.
 */
export function timeWeightedScore(periods: readonly SheetPeriod[]): number | null {
  let weighted = 0;
  let days = 0;
  periods.forEach((p, i) => {
    if (!Number.isInteger(p.days) || p.days < 0) {
      throw appraisalError('APPRAISAL_DAYS_INVALID', `Số ngày của giai đoạn ${i + 1} phải là số nguyên không âm (nhận được: ${p.days})`, `The days of period ${i + 1} must be a whole number ≥ 0 (got: ${p.days})`, {
        index: i,
        days: p.days,
      });
    }
    if (p.score === null || p.days === 0) return;
    weighted += p.days * p.score;
    days += p.days;
  });
  return days > 0 ? roundScore(weighted / days) : null;
}
