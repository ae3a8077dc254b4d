/** Scores are kept to 9 decimals (1e-9 = 0.0000001 %), which removes floating-point noise. */
export const SCORE_DECIMALS = 9;

/**
 * A score rounded to 1e-9 (halves away from zero, on the exact binary value): 0.9499999999 → 0.95,
 * 0.1 + 0.2 → 0.3. The rounded number is the double nearest to a decimal with at most 9 places, so comparing
 * it with a band minimum written by a person (0.95) is a comparison of the two decimals: rounding to the
 * nearest double is monotonic and maps equal decimals to the same double.
 */
export function roundScore(score: number): number {
  if (!Number.isFinite(score)) return score;
  const rounded = Number(score.toFixed(SCORE_DECIMALS));
  return rounded === 0 ? 0 : rounded; // no −0
}
