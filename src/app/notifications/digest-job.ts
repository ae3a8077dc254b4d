import { companyToday } from '../../core/actuals';
import { getCompany } from '../company/company';
import { renderMail } from '../mail/layout';
import type { Job, JobContext } from '../scheduler/job';
import { localHour, zonedInstant } from '../../core/calendar';
import { ddmmyyyy } from '../../core/period';
import type { DigestItem } from './ports';

/** The digest goes out from this local hour, with what came in before it. */
export const DIGEST_HOUR = 8;
const MAX_ITEMS = 5000;

const SUBJECT = {
  vi: (day: string, n: number) => `OpenKPI: bản tin tổng hợp ngày ${day} (${n} thông báo)`,
  en: (day: string, n: number) => `OpenKPI: digest for ${day} (${n} notification${n === 1 ? '' : 's'})`,
};

/**
 * Once per local day from 08:00: one e-mail per user with their notifications of 'digest' categories created before
 * today's 08:00 and not yet carried by a digest; they are marked digested in the same transaction that queues the
 * e-mail (rows locked with SKIP LOCKED, so two instances never send the same digest). A later tick the same day finds
 * nothing older than 08:00 left, so it sends nothing: what arrives after 08:00 waits for tomorrow's digest.
 */
export async function sendDigests(ctx: JobContext): Promise<number> {
  const company = await getCompany(ctx.store);
  if (localHour(ctx.now, company.timezone) < DIGEST_HOUR) return 0;
  const today = companyToday(company, ctx.now);
  const cutoff = zonedInstant(today, DIGEST_HOUR, 0, company.timezone);
  return ctx.store.transaction(async (tx) => {
    const items = await tx.notifications.undigested(cutoff, MAX_ITEMS);
    const byUser = new Map<number, DigestItem[]>();
    for (const item of items) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
    let sent = 0;
    for (const [userId, list] of byUser) {
      const user = await tx.users.findById(userId);
      if (!user?.active) continue;
      const subject = SUBJECT[user.locale](ddmmyyyy(today), list.length);
      const mail = renderMail(user.locale, subject, list.map((n) => ({ title: n.title, body: n.body, link: n.link })));
      await tx.mail.enqueue({ to: user.email, subject, text: mail.text, html: mail.html }, ctx.now);
      sent++;
    }
    await tx.notifications.markDigested(items.map((i) => i.id), ctx.now);
    return sent;
  });
}

/** Sends each user who chose a daily digest one e-mail with the notifications of the day. */
export const digestJob: Job = {
  name: 'digest',
  run: async (ctx) => {
    await sendDigests(ctx);
  },
};
