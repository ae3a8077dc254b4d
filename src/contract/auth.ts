import { MIN_PASSWORD_LENGTH } from '../core/auth/password-policy';
import { z } from 'zod';
import { ROLES } from '../core/auth/roles';
import { Email, RefId, cleanString, cleanText } from './common';

export const Role = z.enum(ROLES);
export const Lang = z.enum(['vi', 'en']);

const Password = (min: number) => cleanString.min(min).max(200);
const NewPassword = Password(MIN_PASSWORD_LENGTH);
export const LoginBody = z.strictObject({ email: Email, password: Password(1) });

export const User = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Lang,
  personId: z.number().nullable(),
});

/** The signed-in user, with their unit and the unit subtree they manage or view: the web asks the permission table with them. */
export const SessionUser = User.extend({
  unitId: z.number().nullable(),
  subtree: z.union([z.literal('all'), z.array(z.number())]),
});

export const MeResponse = z.object({ user: SessionUser });
export const SessionResponse = z.object({ user: SessionUser.nullable() });
export const CsrfResponse = z.object({ token: z.string() });
export const UpdateMeBody = z.strictObject({ locale: Lang });
export const ChangePasswordBody = z.strictObject({ currentPassword: Password(1), newPassword: NewPassword });

export const CreateUserBody = z.strictObject({
  email: Email,
  name: cleanText(200),
  role: Role,
  /** Absent: the login gets an unguessable password; the admin then hands over a reset link. */
  password: NewPassword.optional(),
  locale: Lang.optional(),
  personId: RefId.nullable().optional(),
});
export const UserAccount = User.extend({ active: z.boolean() });
export const UserList = z.object({ items: z.array(UserAccount) });
/** An admin changes a login: role, may sign in or not, the person it is linked to (null unlinks). */
export const UpdateUserBody = z.strictObject({
  role: Role.optional(),
  active: z.boolean().optional(),
  personId: RefId.nullable().optional(),
});
/** A one-time reset link: `path` (with the token after #) is opened on the web app's own address. */
export const ResetLinkResponse = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export const ResetPasswordBody = z.strictObject({
  token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/),
  newPassword: NewPassword,
});
