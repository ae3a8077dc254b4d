import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import { renderMail } from './layout';
import { effectiveMailSettings } from './settings';
import { maskSmtpUrl, parseSmtpUrl, unmaskSmtpUrl } from './smtp-url';
import { mailFailureError, smtpTransport } from './transport';
import { DomainError } from '../../core/errors';

/** The e-mail settings as the admin sees them: passwords masked, the environment's override shown, the outbox counted. */
export async function getMailSettings(store: Store, actor: Actor) {
  policy.require(actor, 'company.manage', COMPANY);
  const stored = await store.mail.settings();
  const effective = await effectiveMailSettings(store);
  return {
    smtpUrl: maskSmtpUrl(stored.smtpUrl),
    mailFrom: stored.mailFrom,
    fromEnv: effective.fromEnv,
    effective: { smtpUrl: maskSmtpUrl(effective.smtpUrl), mailFrom: effective.mailFrom },
    outbox: await store.mail.counts(),
  };
}

/** Stores the SMTP URL (checked; the masked password sent back keeps the stored one) and the sender. */
export async function saveMailSettings(store: Store, actor: Actor, input: { smtpUrl: string | null; mailFrom: string | null }) {
  policy.require(actor, 'company.manage', COMPANY);
  await store.transaction(async (tx) => {
    const before = await tx.mail.settings();
    const smtpUrl = input.smtpUrl === null ? null : unmaskSmtpUrl(input.smtpUrl, before.smtpUrl);
    if (smtpUrl !== null) parseSmtpUrl(smtpUrl);
    await tx.mail.saveSettings({ smtpUrl, mailFrom: input.mailFrom });
    await tx.audit.record([
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'company',
        entityId: 'mail',
        before: { smtpUrl: maskSmtpUrl(before.smtpUrl), mailFrom: before.mailFrom },
        after: { smtpUrl: maskSmtpUrl(smtpUrl), mailFrom: input.mailFrom },
      },
    ]);
  });
  return getMailSettings(store, actor);
}

const TEXT = {
  vi: { subject: 'OpenKPI: e-mail thử', body: 'Cấu hình e-mail (SMTP) của OpenKPI hoạt động.' },
  en: { subject: 'OpenKPI: test e-mail', body: 'The e-mail (SMTP) settings of OpenKPI work.' },
};

/**
 * Connects to the SMTP server (the given URL, or the one in force) and says why not, as a 4xx with a stable code:
 * MAIL_NOT_CONFIGURED, MAIL_BAD_URL, MAIL_CONNECTION_REFUSED, MAIL_TIMEOUT, MAIL_AUTH_FAILED, MAIL_HOST_NOT_FOUND,
 * MAIL_SEND_FAILED. Optionally sends a test e-mail to the admin, in their language.
 */
export async function testMailConnection(store: Store, actor: Actor, input: { smtpUrl?: string | undefined; sendTestEmail: boolean }, timeoutMs?: number) {
  policy.require(actor, 'company.manage', COMPANY);
  const effective = await effectiveMailSettings(store);
  const url = input.smtpUrl !== undefined ? unmaskSmtpUrl(input.smtpUrl, (await store.mail.settings()).smtpUrl) : effective.smtpUrl;
  if (!url) throw new DomainError('MAIL_NOT_CONFIGURED', { vi: 'Chưa có cấu hình SMTP.', en: 'No SMTP server is configured.' });
  const transport = smtpTransport(url, timeoutMs);
  try {
    await transport.verify();
    if (!input.sendTestEmail) return { ok: true as const, sentTo: null };
    const text = TEXT[actor.user.locale];
    const mail = renderMail(actor.user.locale, text.subject, [{ title: '', body: text.body }]);
    await transport.send(effective.mailFrom, { to: actor.user.email, subject: text.subject, text: mail.text, html: mail.html });
    return { ok: true as const, sentTo: actor.user.email };
  } catch (error) {
    throw mailFailureError(error);
  } finally {
    transport.close();
  }
}
