import type { Kysely } from 'kysely';
import type { MailStore } from '../../app/mail/ports';
import type { DB } from '../schema';
import { dueIds } from './due-queue';

/** The outbox of e-mails and the company's SMTP settings. */
export function mailRepo(db: Kysely<DB>): MailStore {
  return {
    async enqueue(mail, now) {
      await db
        .insertInto('mail_outbox')
        .values({
          to_address: mail.to,
          subject: mail.subject,
          body_text: mail.text,
          body_html: mail.html,
          attachment_name: mail.attachment?.name ?? null,
          attachment_type: mail.attachment?.contentType ?? null,
          attachment: mail.attachment?.data ?? null,
          next_attempt_at: now,
          created_at: now,
        })
        .execute();
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = await db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: leaseUntil })
        .where('id', 'in', dueIds('mail_outbox', now, limit))
        .returningAll()
        .execute();
      return rows
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((r) => ({
          id: String(r.id),
          to: r.to_address,
          subject: r.subject,
          text: r.body_text,
          html: r.body_html,
          attempts: r.attempts,
          attachment: r.attachment ? { name: r.attachment_name ?? 'attachment', contentType: r.attachment_type ?? 'application/octet-stream', data: r.attachment } : undefined,
        }));
    },
    async markSent(id, now) {
      await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', id).execute();
    },
    async markFailed(id, error, nextAttemptAt) {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 2000),
          ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : { status: 'failed' as const }),
        }))
        .where('id', '=', id)
        .execute();
    },
    async counts() {
      const rows = await db
        .selectFrom('mail_outbox')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('status')
        .execute();
      const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      return { pending: n('pending'), failed: n('failed'), sent: n('sent') };
    },
    async settings() {
      const row = await db.selectFrom('company').select(['smtp_url', 'mail_from']).where('id', '=', 1).executeTakeFirst();
      return { smtpUrl: row?.smtp_url ?? null, mailFrom: row?.mail_from ?? null };
    },
    async saveSettings(s) {
      await db.updateTable('company').set({ smtp_url: s.smtpUrl, mail_from: s.mailFrom, updated_at: new Date() }).where('id', '=', 1).execute();
    },
  };
}
