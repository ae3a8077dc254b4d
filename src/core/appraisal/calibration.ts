import { appraisalError } from './errors';
import { roundScore } from './round-score';

export interface ReviewScore {
  reviewer: string;
  score: number;
}

export interface ReviewerLeniency {
  reviewer: string;
  /** How many scores the reviewer gave. */
  count: number;
  /** Mean of the reviewer's scores. */
  mean: number;
  /** The reviewer's mean minus the company mean: > 0 lenient, < 0 strict. */
  leniency: number;
}

/**
 * Each reviewer's leniency: the mean of the scores they gave minus the company mean (the mean of all scores),
 * rounded to 1e-9. Reviewers in order of first appearance.
 */
export function reviewerLeniency(reviews: readonly ReviewScore[]): { companyMean: number | null; reviewers: ReviewerLeniency[] } {
  if (reviews.length === 0) return { companyMean: null, reviewers: [] };
  const byReviewer = new Map<string, { sum: number; count: number }>();
  let total = 0;
  for (const { reviewer, score } of reviews) {
    if (!Number.isFinite(score)) {
      throw appraisalError('APPRAISAL_SCORE_INVALID', `Điểm của người đánh giá "${reviewer}" phải là một số (nhận được: ${score})`, `A score by reviewer "${reviewer}" must be a number (got: ${score})`);
    }
    const acc = byReviewer.get(reviewer) ?? { sum: 0, count: 0 };
    acc.sum += score;
    acc.count++;
    byReviewer.set(reviewer, acc);
    total += score;
  }
  const companyMean = total / reviews.length;
  const reviewers = [...byReviewer].map(([reviewer, { sum, count }]) => ({
    reviewer,
    count,
    mean: roundScore(sum / count),
    leniency: roundScore(sum / count - companyMean),
  }));
  return { companyMean: roundScore(companyMean), reviewers };
}

/** Consensus rate (tỷ lệ đồng thuận) = agreed ÷ assigned items; null when nothing is assigned. */
export function consensusRate(agreed: number, assigned: number): number | null {
  if (!Number.isInteger(agreed) || !Number.isInteger(assigned) || agreed < 0 || agreed > assigned) {
    throw appraisalError(
      'APPRAISAL_COUNT_INVALID',
      `Số mục đã thống nhất (${agreed}) phải là số nguyên từ 0 đến số mục được giao (${assigned})`,
      `The agreed items (${agreed}) must be a whole number from 0 to the assigned items (${assigned})`,
      { agreed, assigned },
    );
  }
  return assigned === 0 ? null : roundScore(agreed / assigned);
}
