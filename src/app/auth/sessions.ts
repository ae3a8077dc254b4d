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

/** Checks the password and opens a session. The returned token goes into an httpOnly cookie. */
export async function login(store: Store, email: string, password: string, now: Date): Promise<{ user: User; token: string }> {
  const found = await store.users.findByEmail(email);
  // Verify against a dummy hash when the user does not exist, so timing does not reveal emails.
  const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || !found.active) throw invalidCredentials();
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.sessions.create(hashToken(token), found.id, expires);
  const { passwordHash: _secret, ...user } = found;
  return { user, token };
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.sessions.delete(hashToken(token));
}

export async function userForSession(store: Store, token: string, now: Date): Promise<User | null> {
  return store.sessions.findUser(hashToken(token), now);
}
