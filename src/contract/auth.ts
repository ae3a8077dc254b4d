import { z } from 'zod';
import { ROLES } from '../core/auth/roles';
import { Email, text } from './common';

export const Role = z.enum(ROLES);
export const Lang = z.enum(['vi', 'en']);

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) });

export const User = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Lang,
  personId: z.number().nullable(),
});

export const MeResponse = z.object({ user: User });
export const SessionResponse = z.object({ user: User.nullable() });
export const CsrfResponse = z.object({ token: z.string() });
export const UpdateMeBody = z.strictObject({ locale: Lang });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) });

export const CreateUserBody = z.strictObject({
  email: Email,
  name: text(200),
  role: Role,
  password: z.string().min(8).max(200),
  locale: Lang.optional(),
  personId: z.number().int().positive().nullable().optional(),
});
export const UserList = z.object({ items: z.array(User.omit({ personId: true }).extend({ active: z.boolean() })) });
