import type { Lang } from '../../core/errors';
import type { NotificationCategory } from '../../core/notifications/category';
import { renderMail } from '../mail/layout';
import type { Store } from '../ports';
import { emailPreferenceOf } from './preferences';

/** One thing to tell one user: in the app (the bell), by e-mail as they chose, and to webhooks of its event. */
export interface Notice {
  userId: number;
  category: NotificationCategory;
  /** e.g. 'reminder.late', 'kpi.red', 'appraisal.agreement', 'cycle.locked', 'report.scorecard'. */
  kind: string;
  /** Title and body in a language (the recipient's is used). */
  text: (lang: Lang) => { title: string; body: string };
  /** A path in the web app, e.g. '/kpis/DT_THANG'. */
  link?: string | undefined;
  /** The same key for the same user is delivered once; a repeat does nothing. */
  dedupeKey?: string | undefined;
  /** A file for the e-mail (a report). */
  attachment?: { name: string; contentType: string; data: Buffer } | undefined;
  /** Also offered to the webhooks subscribed to this event. */
  event?: { name: string; payload: Record<string, unknown> } | undefined;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/**
 * Tells a user: creates the in-app notification and, by their preference for the category, queues the e-mail
 * now or leaves it for the daily digest; queues webhook deliveries for the event. Runs in the caller's
 * transaction (pass the transaction's store). Returns false when the dedupe key was already used.
 */
export async function notify(store: Store, notice: Notice, now: Date): Promise<boolean> {
  const user = await store.users.findById(notice.userId);
  if (!user) return false;
  const lang: Lang = user.locale;
  const text = notice.text(lang);
  const title = clip(text.title.trim() || notice.kind, 500); // the column needs a title
  const body = clip(text.body, 8000);
  const preference = user.active ? emailPreferenceOf(await store.notifications.preferences(user.id), notice.category) : 'off';

  const inserted = await store.notifications.insert({
    userId: user.id,
    category: notice.category,
    kind: notice.kind,
    title,
    body,
    link: notice.link ?? null,
    dedupeKey: notice.dedupeKey ?? null,
    createdAt: now,
    // Only a 'digest' notification waits for the digest e-mail.
    digestedAt: preference === 'digest' ? null : now,
  });
  if (!inserted) return false;

  if (preference === 'immediate') {
    const mail = renderMail(lang, title, [{ title: '', body, link: notice.link }]);
    await store.mail.enqueue({ to: user.email, subject: title, text: mail.text, html: mail.html, attachment: notice.attachment }, now);
  }
  if (notice.event) {
    for (const hook of await store.webhooks.activeFor(notice.event.name)) {
      await store.webhooks.enqueue({ webhookId: hook.id, event: notice.event.name, payload: notice.event.payload }, now);
    }
  }
  return true;
}
