import { MIN_PASSWORD_LENGTH } from '../../core/auth/password-policy';
import { DomainError, issue } from '../../core/errors';

/** Refuses a new password shorter than the policy's minimum, naming the field it came in. */
export function requireLongEnough(password: string, field: string): void {
  if (password.length >= MIN_PASSWORD_LENGTH) return;
  const vi = `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  const en = `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  throw new DomainError('PASSWORD_TOO_SHORT', { vi, en }, { issues: [issue(field, 'PASSWORD_TOO_SHORT', vi, en)] });
}
