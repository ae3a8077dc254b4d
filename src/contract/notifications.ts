import { z } from 'zod';
import { NOTIFICATION_CATEGORIES } from '../core/notifications/category';
import { BigIntCursor, cleanText, queryInt } from './common';

export const NotificationCategory = z.enum(NOTIFICATION_CATEGORIES);
export const EmailPreference = z.enum(['off', 'immediate', 'digest']);

export const Notification = z.object({
  id: z.string(),
  category: NotificationCategory,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).default('false'),
  limit: queryInt(1, 100).default(20),
  /** Only notifications older than this id (the next page). */
  before: BigIntCursor.optional(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number() });

/** Mark the given notifications read, or all of them. */
export const MarkReadBody = z.union([z.strictObject({ ids: z.array(BigIntCursor).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]);
export const MarkReadResult = z.object({ marked: z.number(), unread: z.number() });

export const NotificationPreferences = z.object({
  email: z.record(NotificationCategory, EmailPreference),
  /** The address the e-mails go to (the login's). */
  address: z.string(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export const UpdatePreferencesBody = z.strictObject({ email: z.partialRecord(NotificationCategory, EmailPreference) });

/** The company's e-mail settings as the admin sees them: the SMTP password never leaves the server. */
export const MailSettings = z.object({
  smtpUrl: z.string().nullable(),
  mailFrom: z.string().nullable(),
  /** OPENKPI_SMTP_URL / OPENKPI_MAIL_FROM are set and win over the stored values. */
  fromEnv: z.object({ smtpUrl: z.boolean(), mailFrom: z.boolean() }),
  /** What is in force now (masked), after the environment. */
  effective: z.object({ smtpUrl: z.string().nullable(), mailFrom: z.string() }),
  outbox: z.object({ pending: z.number(), failed: z.number(), sent: z.number() }),
});
export type MailSettings = z.infer<typeof MailSettings>;

export const UpdateMailSettingsBody = z.strictObject({
  /** smtp://user:password@host:port or smtps://…; the masked password sent back keeps the stored one; null clears. */
  smtpUrl: cleanText(2000).nullable(),
  mailFrom: cleanText(320).nullable(),
});

export const MailTestBody = z.strictObject({
  /** Test these settings instead of the ones in force (the masked password keeps the stored one). */
  smtpUrl: cleanText(2000).optional(),
  /** Also send a test e-mail to the signed-in admin. */
  sendTestEmail: z.boolean().default(false),
});
export const MailTestResult = z.object({ ok: z.literal(true), sentTo: z.string().nullable() });
