import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { DUMMY_HASH, verifyPassword } from '../passwords';
import type { Store, User } from '../ports';
import { countFailure, lockoutKey, refuseIfLocked } from './lockout';

/** How long a session lives at most, and how long it may go unused (ASVS 3.3.2 level 2: 12 hours, 30 minutes idle). */
export interface SessionLimits {
  absoluteMs: number;
  idleMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { absoluteMs: 12 * 3_600_000, idleMs: 30 * 60_000 };

/** A session's last use is written at most this often: one small UPDATE a minute per active user, not one per request. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', {
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong email or password.',
  });
}

/**
 * Checks the password and opens a new session. The session the browser already had (if any) ends:
 * a login never keeps an earlier token alive, so a token planted before login is worthless after it.
 * A locked e-mail is refused before its password is looked at (see lockout.ts), a wrong password counts
 * towards the lock. The returned token goes into an httpOnly cookie.
 */
export async function login(
  store: Store,
  credentials: { email: string; password: string; previousToken?: string | null },
  now: Date,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): Promise<{ user: User; token: string }> {
  await refuseIfLocked(store, credentials.email, now);
  const found = await store.users.findByEmail(credentials.email);
  // Verify against a dummy hash when the user does not exist, so timing does not reveal emails.
  const ok = await verifyPassword(credentials.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || !found.active) {
    await countFailure(store, credentials.email, now);
    throw invalidCredentials();
  }
  const token = newSessionToken();
  const expires = new Date(now.getTime() + limits.absoluteMs);
  await store.transaction(async (tx) => {
    if (credentials.previousToken) await tx.sessions.delete(hashToken(credentials.previousToken));
    await tx.sessions.create(hashToken(token), found.id, expires, now);
    await tx.loginLockouts.clear(lockoutKey(credentials.email));
  });
  const { passwordHash: _secret, ...user } = found;
  return { user, token };
}

function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.sessions.delete(hashToken(token));
}

/**
 * The user behind a session token and when the session expires; null when unknown, expired, idle for longer
 * than the idle limit, or deactivated. Using a session keeps it from going idle.
 */
export async function findSession(
  store: Store,
  token: string,
  now: Date,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): Promise<{ user: User; expiresAt: Date } | null> {
  const tokenHash = hashToken(token);
  const session = await store.sessions.findActive(tokenHash, now, new Date(now.getTime() - limits.idleMs));
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await store.sessions.touch(tokenHash, now);
  return { user: session.user, expiresAt: session.expiresAt };
}
