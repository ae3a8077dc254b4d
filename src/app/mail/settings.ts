import type { Store } from '../ports';

/** The settings in force: OPENKPI_SMTP_URL and OPENKPI_MAIL_FROM override what the admin stored. */
export interface EffectiveMailSettings {
  smtpUrl: string | null;
  mailFrom: string;
  fromEnv: { smtpUrl: boolean; mailFrom: boolean };
}

export const DEFAULT_MAIL_FROM = 'OpenKPI <no-reply@openkpi.local>';

export async function effectiveMailSettings(store: Store, env: NodeJS.ProcessEnv = process.env): Promise<EffectiveMailSettings> {
  const stored = await store.mail.settings();
  const envUrl = env.OPENKPI_SMTP_URL || null;
  const envFrom = env.OPENKPI_MAIL_FROM || null;
  return {
    smtpUrl: envUrl ?? stored.smtpUrl,
    mailFrom: envFrom ?? stored.mailFrom ?? DEFAULT_MAIL_FROM,
    fromEnv: { smtpUrl: envUrl !== null, mailFrom: envFrom !== null },
  };
}
