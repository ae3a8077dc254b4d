/**
 * The bonus rule in effect for a cycle: the newest rule whose effective date is on or before the cycle's last
 * day (rules are versioned by effective date, so a rule made in July does not change the pay of Q1).
 * Dates are `yyyy-mm-dd`, which compare as text.
 */
export function bonusRuleInEffect<R extends { effectiveFrom: string }>(rules: readonly R[], cycleEndsOn: string): R | null {
  let best: R | null = null;
  for (const r of rules) {
    if (r.effectiveFrom <= cycleEndsOn && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best;
}
