import { DomainError } from '../../core/errors';
import type { Store } from '../ports';

/**
 * Per-account lockout (ASVS 2.2.1), on top of the per-address throttle: the 10th wrong password in a row for
 * one e-mail, from any number of client addresses, locks it for 15 minutes, so nobody gets more than
 * 40 guesses an hour at one account. A successful login clears the count; a password reset unlocks at once.
 */
export const LOCKOUT = { failures: 10, minutes: 15 } as const;

/** The lockout key: e-mails are unique without regard to case (users_email_key is on lower(email)). */
export function lockoutKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws ACCOUNT lock (429 RATE_LIMITED) when the e-mail is locked at `now`. */
export async function refuseIfLocked(store: Store, email: string, now: Date): Promise<void> {
  const until = await store.loginLockouts.lockedUntil(lockoutKey(email), now);
  if (until) throw accountLocked(until, now);
}

/** Counts a failed login; throws the lock error when this failure locked the e-mail. */
export async function countFailure(store: Store, email: string, now: Date): Promise<void> {
  const until = await store.loginLockouts.recordFailure(lockoutKey(email), now, LOCKOUT.failures, new Date(now.getTime() + LOCKOUT.minutes * 60_000));
  if (until) throw accountLocked(until, now);
}

/**
 * 429 RATE_LIMITED with `params.retryAfterSeconds` and `params.reason = 'ACCOUNT_LOCKED'`. The same answer for
 * an e-mail that has no login, so a lock tells nobody which e-mails exist.
 */
export function accountLocked(until: Date, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError(
    'RATE_LIMITED',
    {
      vi: `Tài khoản này tạm khóa sau ${LOCKOUT.failures} lần nhập sai mật khẩu liên tiếp. Hãy thử lại sau ${minutes} phút, hoặc nhờ quản trị viên tạo liên kết đặt lại mật khẩu (đặt mật khẩu mới sẽ mở khóa ngay).`,
      en: `This login is locked after ${LOCKOUT.failures} wrong passwords in a row. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin for a password reset link (a new password unlocks it at once).`,
    },
    { params: { retryAfterSeconds, reason: 'ACCOUNT_LOCKED' } },
  );
}
