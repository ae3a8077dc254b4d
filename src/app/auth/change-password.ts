import { DomainError, issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { hashPassword, verifyPassword } from '../passwords';
import type { Store } from '../ports';
import { requireAcceptablePassword } from './password-rules';
import { hashToken } from './sessions';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The session making the change: it stays signed in, every other session of the user ends. */
  currentToken: string | null;
}

/** A user changes their own password; a stolen session elsewhere ends with it. */
export async function changePassword(store: Store, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const found = await store.users.findByEmail(actor.user.email);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new DomainError(
      'WRONG_PASSWORD',
      { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
      { issues: [issue('currentPassword', 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.')] },
    );
  }
  requireAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await store.transaction(async (tx) => {
    await tx.users.update(found.id, { passwordHash });
    await tx.sessions.deleteForUser(found.id, input.currentToken ? hashToken(input.currentToken) : null);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'user', entityId: String(found.id), before: null, after: { password: 'changed' } }]);
  });
}
