import { randomBytes } from 'node:crypto';
import { requireAcceptablePassword } from './password-rules';
import type { Role } from '../../core/auth/roles';
import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { hashPassword } from '../passwords';
import { COMPANY, policy } from '../policy';
import type { Store, User } from '../ports';
import { requireLinkablePerson } from './manage-users';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  /** Absent: the login gets an unguessable password and the admin hands over a reset link instead. */
  password?: string | undefined;
  locale?: 'vi' | 'en';
  /** Link the account to this person (their KPIs become "mine"). */
  personId?: number | null;
}

export async function createUser(store: Store, actor: Actor, input: CreateUserInput): Promise<User> {
  policy.require(actor, 'user.manage', COMPANY);
  if (input.password !== undefined) requireAcceptablePassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
  return store.transaction(async (tx) => {
    if (await tx.users.findByEmail(input.email)) {
      throw new DomainError('EMAIL_TAKEN', {
        vi: `Email ${input.email} đã được dùng cho một tài khoản khác.`,
        en: `The email ${input.email} is already used by another account.`,
      });
    }
    if (input.personId) await requireLinkablePerson(tx, input.personId, null);
    const user = await tx.users.create({ email: input.email, name: input.name, role: input.role, passwordHash, locale: input.locale ?? 'vi' });
    if (input.personId) await tx.people.update(input.personId, { userId: user.id });
    await tx.audit.record([
      { ...auditActor(actor), action: 'create', entity: 'user', entityId: String(user.id), before: null, after: { ...user, personId: input.personId ?? null } },
    ]);
    return user;
  });
}

export async function setMyLocale(store: Store, actor: Actor, locale: 'vi' | 'en'): Promise<void> {
  await store.users.update(actor.user.id, { locale });
}
