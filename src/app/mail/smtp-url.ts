import { DomainError, issue } from '../../core/errors';

const MASK = '••••••';

/** smtp://user:pass@host:port or smtps://…; anything else is refused with the field named. */
export function parseSmtpUrl(value: string, path = 'smtpUrl'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUrl(path);
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') throw badUrl(path);
  return url;
}

function badUrl(path: string) {
  return new DomainError('MAIL_BAD_URL', { vi: 'Địa chỉ SMTP không hợp lệ.', en: 'The SMTP URL is not valid.' }, {
    issues: [
      issue(
        path,
        'invalid_url',
        'Nhập dạng smtp://người-dùng:mật-khẩu@máy-chủ:cổng hoặc smtps://…',
        'Use smtp://user:password@host:port or smtps://…',
      ),
    ],
  });
}

/** The URL with its password replaced, as the API shows it. */
export function maskSmtpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.password) url.password = MASK;
    return url.toString();
  } catch {
    return MASK;
  }
}

/**
 * A URL sent back from the settings form with the mask as its password means "keep the stored password"
 * (the client never saw it).
 */
export function unmaskSmtpUrl(submitted: string, stored: string | null): string {
  const url = parseSmtpUrl(submitted);
  if (decodeURIComponent(url.password) !== MASK) return submitted;
  const previous = stored ? new URL(stored) : null;
  url.password = previous?.password ?? '';
  return url.toString();
}
