import type { Role } from '../../core/auth/roles';
import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, notFound, policy } from '../policy';
import type { Store, User } from '../ports';

const USER = { vi: 'tài khoản', en: 'Login' };

export interface UpdateUserInput {
  role?: Role | undefined;
  active?: boolean | undefined;
  /** Link the login to this person; null unlinks it; absent leaves the link as it is. */
  personId?: number | null | undefined;
}

export type UserWithPerson = User & { personId: number | null };

/**
 * An admin changes a login: its role, whether it may sign in, and the person it is linked to.
 * Deactivating a login ends its sessions; the last active admin can be neither demoted nor deactivated.
 */
export async function updateUser(store: Store, actor: Actor, id: number, input: UpdateUserInput): Promise<UserWithPerson> {
  policy.require(actor, 'user.manage', COMPANY);
  return store.transaction(async (tx) => {
    const user = await tx.users.findById(id);
    if (!user) throw notFound(USER, id);
    const linked = await tx.people.findByUserId(id);
    const before = { role: user.role, active: user.active, personId: linked?.id ?? null };
    const after = { role: input.role ?? user.role, active: input.active ?? user.active, personId: input.personId === undefined ? before.personId : input.personId };

    const wasAdmin = user.role === 'admin' && user.active;
    const staysAdmin = after.role === 'admin' && after.active;
    if (wasAdmin && !staysAdmin) {
      const admins = await tx.users.lockActiveAdmins();
      if (admins.filter((a) => a !== id).length === 0) throw lastAdmin();
    }
    if (after.role !== before.role || after.active !== before.active) await tx.users.update(id, { role: after.role, active: after.active });
    if (before.active && !after.active) await tx.sessions.deleteForUser(id, null);
    if (after.personId !== before.personId) await relink(tx, id, before.personId, after.personId);

    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'user', entityId: String(id), before, after }]);
    return { ...user, role: after.role, active: after.active, personId: after.personId };
  });
}

async function relink(tx: Store, userId: number, from: number | null, to: number | null): Promise<void> {
  if (to !== null) await requireLinkablePerson(tx, to, userId);
  if (from !== null) await tx.people.update(from, { userId: null });
  if (to !== null) await tx.people.update(to, { userId });
}

/** The person exists and has no other login (a person has at most one). */
export async function requireLinkablePerson(store: Store, personId: number, userId: number | null): Promise<void> {
  const person = await store.people.findById(personId);
  if (!person) throw new DomainError('PERSON_NOT_FOUND', { vi: `Không có nhân sự #${personId}.`, en: `No person #${personId}.` });
  if (person.userId !== null && person.userId !== userId) {
    throw new DomainError('PERSON_HAS_LOGIN', {
      vi: `${person.fullName} đã có tài khoản đăng nhập khác.`,
      en: `${person.fullName} already has another login.`,
    });
  }
}

export function lastAdmin(): DomainError {
  return new DomainError('LAST_ADMIN', {
    vi: 'Đây là quản trị viên cuối cùng còn hoạt động: hãy cấp quyền quản trị cho người khác trước khi đổi vai trò hoặc khóa tài khoản này.',
    en: 'This is the last active admin: make someone else an admin before changing the role of this login or deactivating it.',
  });
}

export async function listUsers(store: Store, actor: Actor): Promise<UserWithPerson[]> {
  policy.require(actor, 'user.manage', COMPANY);
  return store.users.list();
}
