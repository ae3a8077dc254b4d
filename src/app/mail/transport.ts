import nodemailer from 'nodemailer';
import { DomainError, type Localized } from '../../core/errors';
import type { OutgoingMail } from './ports';
import { parseSmtpUrl } from './smtp-url';

/** How long a connection, a greeting and a command may take before the attempt counts as a timeout. */
const TIMEOUT_MS = 5000;

export interface MailTransport {
  verify(): Promise<void>;
  send(from: string, mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A nodemailer transport for the URL, with short timeouts; plain SMTP without STARTTLS unless the server offers it. */
export function smtpTransport(smtpUrl: string, timeoutMs = TIMEOUT_MS): MailTransport {
  const url = parseSmtpUrl(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    dnsTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
  return {
    async verify() {
      await transporter.verify();
    },
    async send(from, mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.attachment ? { attachments: [{ filename: mail.attachment.name, contentType: mail.attachment.contentType, content: mail.attachment.data }] } : {}),
      });
    },
    close() {
      transporter.close();
    },
  };
}

const CAUSES: Record<string, { code: string; message: Localized }> = {
  refused: {
    code: 'MAIL_CONNECTION_REFUSED',
    message: { vi: 'Máy chủ SMTP từ chối kết nối (sai máy chủ hoặc cổng?).', en: 'The SMTP server refused the connection (wrong host or port?).' },
  },
  timeout: {
    code: 'MAIL_TIMEOUT',
    message: { vi: 'Máy chủ SMTP không trả lời kịp (hết thời gian chờ).', en: 'The SMTP server did not answer in time (timeout).' },
  },
  auth: {
    code: 'MAIL_AUTH_FAILED',
    message: { vi: 'Máy chủ SMTP không chấp nhận tên đăng nhập hoặc mật khẩu.', en: 'The SMTP server rejected the user name or password.' },
  },
  host: {
    code: 'MAIL_HOST_NOT_FOUND',
    message: { vi: 'Không tìm thấy máy chủ SMTP (tên máy chủ sai?).', en: 'The SMTP host was not found (wrong host name?).' },
  },
  other: { code: 'MAIL_SEND_FAILED', message: { vi: 'Không gửi được qua máy chủ SMTP.', en: 'Could not send through the SMTP server.' } },
};

/** Names the cause of a failed SMTP attempt: refused, timeout, auth failed, host not found, or other. */
export function mailFailureCause(error: unknown): keyof typeof CAUSES {
  const e = error as { code?: string; message?: string; responseCode?: number };
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  if (/ECONNREFUSED/.test(text)) return 'refused';
  if (e.code === 'EAUTH' || e.responseCode === 535) return 'auth';
  if (/ETIMEDOUT|ETIMEOUT|timeout/i.test(text)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(text)) return 'host';
  return 'other';
}

/** The failure as a clear 4xx domain error (never a 500), with the server's own words appended. */
export function mailFailureError(error: unknown): DomainError {
  const cause = CAUSES[mailFailureCause(error)]!;
  const detail = String((error as Error)?.message ?? error).slice(0, 300);
  return new DomainError(cause.code, { vi: `${cause.message.vi} (${detail})`, en: `${cause.message.en} (${detail})` });
}
