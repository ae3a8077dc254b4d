import { dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../../core/auth/password-policy';
import { DomainError, issue } from '../../core/errors';

/**
 * Passwords long enough for the policy that are still known to attackers (OWASP ASVS 4.0 V2.1.7): those of the
 * common-password list of zxcvbn-ts (49,233 passwords from breaches, 308 of them 12 characters or more), the demo
 * passwords this project publishes, and Vietnamese patterns of the same kind. Compared without case.
 */
const PUBLISHED = ['openkpi-demo', 'openkpi-scale'];
const VIETNAMESE = ['matkhau12345', 'matkhau123456', 'matkhau123456789', 'anhyeuem1234', 'anhyeuem12345', 'anhyeuem123456', 'emyeuanh1234', 'emyeuanh123456', 'vietnam12345', 'vietnam123456'];
let known: Set<string> | undefined;

function knownPasswords(): Set<string> {
  // Built on first use, from the entries the length rule lets through: the other 48,925 could never match.
  return (known ??= new Set([...dictionary['passwords-common'], ...PUBLISHED, ...VIETNAMESE].filter((p) => p.length >= MIN_PASSWORD_LENGTH)));
}

/**
 * Refuses a new password shorter than the policy's minimum or on the list of known passwords, naming the field it came
 * in. Every way a password is set goes through it: creating an account, changing and resetting a password.
 */
export function requireAcceptablePassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    const vi = `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
    const en = `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
    throw new DomainError('PASSWORD_TOO_SHORT', { vi, en }, { issues: [issue(field, 'PASSWORD_TOO_SHORT', vi, en)] });
  }
  if (knownPasswords().has(password.toLowerCase())) {
    const vi = 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến hoặc đã bị lộ. Hãy chọn mật khẩu khác.';
    const en = 'This password is on a list of common or breached passwords. Choose another one.';
    throw new DomainError('PASSWORD_TOO_COMMON', { vi, en }, { issues: [issue(field, 'PASSWORD_TOO_COMMON', vi, en)] });
  }
}
