import { randomBytes } from 'node:crypto';
import { requireAcceptablePassword } from './password-rules';
import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { hashPassword } from '../passwords';
import { COMPANY, notFound, policy } from '../policy';
import type { Store } from '../ports';
import { lockoutKey } from './lockout';
import { hashToken } from './sessions';

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;

/**
 * An admin issues a one-time link to set a new password (handed over in person or by chat; e-mail comes later).
 * Only the token's hash is stored; an earlier unused link of the same user stops working.
 */
export async function issueResetLink(store: Store, actor: Actor, userId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  policy.require(actor, 'user.manage', COMPANY);
  const user = await store.users.findById(userId);
  if (!user) throw notFound({ vi: 'tài khoản', en: 'Login' }, userId);
  if (!user.active) {
    throw new DomainError('USER_INACTIVE', {
      vi: 'Tài khoản đang bị khóa: hãy mở khóa trước khi tạo liên kết đặt lại mật khẩu.',
      en: 'The login is deactivated: reactivate it before issuing a reset link.',
    });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000);
  await store.transaction(async (tx) => {
    await tx.users.saveResetToken({ tokenHash: hashToken(token), userId, createdBy: actor.user.id, expiresAt });
    await tx.audit.record([
      { ...auditActor(actor), action: 'update', entity: 'user', entityId: String(userId), before: null, after: { resetLink: 'issued', expiresAt: expiresAt.toISOString() } },
    ]);
  });
  return { token, expiresAt };
}

/** Sets a new password with a reset link's token: the token works once, before it expires; every session of the user ends and a login lock is lifted. */
export async function resetPassword(store: Store, input: { token: string; newPassword: string }, now: Date): Promise<void> {
  requireAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await store.transaction(async (tx) => {
    const userId = await tx.users.takeResetToken(hashToken(input.token), now);
    const user = userId === null ? null : await tx.users.findById(userId);
    if (!user || !user.active) throw invalidLink();
    await tx.users.update(user.id, { passwordHash });
    await tx.sessions.deleteForUser(user.id, null);
    await tx.loginLockouts.clear(lockoutKey(user.email));
    await tx.audit.record([
      { actorUserId: user.id, actorName: user.name, action: 'update', entity: 'user', entityId: String(user.id), before: null, after: { password: 'reset' } },
    ]);
  });
}

function invalidLink(): DomainError {
  return new DomainError('RESET_LINK_INVALID', {
    vi: 'Liên kết đặt lại mật khẩu không đúng, đã được dùng hoặc đã hết hạn. Hãy xin quản trị viên một liên kết mới.',
    en: 'The password reset link is wrong, already used or expired. Ask an admin for a new one.',
  });
}
