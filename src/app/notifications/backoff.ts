/** Minutes to wait after the n-th failed attempt (1-based): 1, 5, 25, 125, then every 6 hours. */
export function retryDelayMinutes(failedAttempts: number): number {
  return Math.min(5 ** Math.max(0, failedAttempts - 1), 360);
}

/** After this many failed attempts (≈ 1.5 days of retries) a mail or delivery is marked 'failed'. */
export const MAX_ATTEMPTS = 10;

/** When to try again after `failedAttempts` failures, or null to give up. */
export function nextAttemptAt(now: Date, failedAttempts: number): Date | null {
  if (failedAttempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMinutes(failedAttempts) * 60_000);
}
