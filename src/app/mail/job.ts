import { nextAttemptAt } from '../notifications/backoff';
import type { Job, JobContext } from '../scheduler/job';
import { effectiveMailSettings } from './settings';
import { smtpTransport, type MailTransport } from './transport';

const BATCH = 20;
const MAX_PER_RUN = 200;
/** A claimed mail is not due again for this long, so a crash mid-send retries it later instead of losing it. */
const LEASE_MS = 5 * 60_000;

/**
 * Delivers due pending e-mails: claims a batch (FOR UPDATE SKIP LOCKED, so instances share the work), sends each
 * through SMTP, marks it sent, or counts the failure and retries later with backoff (1, 5, 25, 125 min, then 6 h);
 * 'failed' after 10 attempts. Without SMTP settings nothing is claimed: the mails wait.
 */
export async function deliverMail(ctx: JobContext, makeTransport: (url: string) => MailTransport = smtpTransport): Promise<{ sent: number; failed: number }> {
  const settings = await effectiveMailSettings(ctx.store);
  if (!settings.smtpUrl) return { sent: 0, failed: 0 };
  let transport: MailTransport;
  try {
    transport = makeTransport(settings.smtpUrl);
  } catch {
    return { sent: 0, failed: 0 }; // a bad stored URL: the mails wait; the settings page says so
  }
  const result = { sent: 0, failed: 0 };
  try {
    while (result.sent + result.failed < MAX_PER_RUN) {
      const batch = await ctx.store.transaction((tx) => tx.mail.claimDue(ctx.now, new Date(ctx.now.getTime() + LEASE_MS), BATCH));
      if (batch.length === 0) break;
      for (const mail of batch) {
        try {
          await transport.send(settings.mailFrom, mail);
          await ctx.store.mail.markSent(mail.id, ctx.now);
          result.sent++;
        } catch (error) {
          await ctx.store.mail.markFailed(mail.id, String((error as Error)?.message ?? error), nextAttemptAt(ctx.now, mail.attempts + 1));
          result.failed++;
        }
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Delivers pending e-mails (FOR UPDATE SKIP LOCKED), retrying failures with backoff. */
export const mailJob: Job = {
  name: 'mail',
  run: async (ctx) => {
    await deliverMail(ctx);
  },
};
