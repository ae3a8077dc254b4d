import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { DUMMY_HASH, verifyPassword } from '../passwords';
import type { Store, User } from '../ports';

export const SESSION_DAYS = 14;

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
 * The returned token goes into an httpOnly cookie.
 */
export async function login(
  store: Store,
  credentials: { email: string; password: string; previousToken?: string | null },
  now: Date,
): Promise<{ user: User; token: string }> {
  const found = await store.users.findByEmail(credentials.email);
  // Verify against a dummy hash when the user does not exist, so timing does not reveal emails.
  const ok = await verifyPassword(credentials.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || !found.active) throw invalidCredentials();
  const token = newSessionToken();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.transaction(async (tx) => {
    if (credentials.previousToken) await tx.sessions.delete(hashToken(credentials.previousToken));
    await tx.sessions.create(hashToken(token), found.id, expires);
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

/** The user behind a session token and when the session expires; null when unknown, expired or deactivated. */
export async function findSession(store: Store, token: string, now: Date): Promise<{ user: User; expiresAt: Date } | null> {
  return store.sessions.findActive(hashToken(token), now);
}
