/** An e-mail to send, as queued in the outbox. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachment?: { name: string; contentType: string; data: Buffer } | undefined;
}

export interface QueuedMail extends OutgoingMail {
  id: string;
  /** Attempts made before this one. */
  attempts: number;
}

/** The company's stored e-mail settings (the environment may override them). */
export interface MailSettings {
  smtpUrl: string | null;
  mailFrom: string | null;
}

/** The outbox of e-mails and the company's SMTP settings. */
export interface MailStore {
  enqueue(mail: OutgoingMail, now: Date): Promise<void>;
  /**
   * Claims up to `limit` pending mails due at `now` (FOR UPDATE SKIP LOCKED: two instances never claim the
   * same one) by moving their next attempt to `leaseUntil`; a crash mid-send leaves them due again later.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<QueuedMail[]>;
  markSent(id: string, now: Date): Promise<void>;
  /** A failed attempt: counts it and schedules the next one (null = give up, status 'failed'). */
  markFailed(id: string, error: string, nextAttemptAt: Date | null): Promise<void>;
  counts(): Promise<{ pending: number; failed: number; sent: number }>;
  settings(): Promise<MailSettings>;
  saveSettings(s: MailSettings): Promise<void>;
}
