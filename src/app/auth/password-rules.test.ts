import { describe, expect, it } from 'vitest';
import { requireAcceptablePassword } from './password-rules';

describe('the password rules (every way a password is set goes through them)', () => {
  it('refuses 11 characters with the field and the rule in both languages, accepts 12', () => {
    expect(() => requireAcceptablePassword('mat-khau-11', 'newPassword')).toThrow(
      expect.objectContaining({
        code: 'PASSWORD_TOO_SHORT',
        localized: { vi: 'Mật khẩu phải có ít nhất 12 ký tự.', en: 'The password must be at least 12 characters long.' },
        issues: [expect.objectContaining({ path: 'newPassword', code: 'PASSWORD_TOO_SHORT' })],
      }),
    );
    expect(() => requireAcceptablePassword('mat-khau-012', 'password')).not.toThrow();
    // Counted in characters as typed: 12 Vietnamese letters with diacritics pass.
    expect(() => requireAcceptablePassword('mậtkhẩuđủdài', 'password')).not.toThrow();
  });

  it('refuses long passwords from breach lists, the published demo passwords and Vietnamese patterns, whatever their case', () => {
    const common = expect.objectContaining({
      code: 'PASSWORD_TOO_COMMON',
      localized: {
        vi: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến hoặc đã bị lộ. Hãy chọn mật khẩu khác.',
        en: 'This password is on a list of common or breached passwords. Choose another one.',
      },
      issues: [expect.objectContaining({ path: 'newPassword', code: 'PASSWORD_TOO_COMMON' })],
    });
    // Keyboard walks and digit runs that top published breach lists, 12 characters or more.
    for (const p of ['qwerty123456', '1qaz2wsx3edc', 'Q1W2E3R4T5Y6', '123456654321', 'OpenKPI-Demo', 'anhyeuem123456']) {
      expect(() => requireAcceptablePassword(p, 'newPassword'), p).toThrow(common);
    }
    // Close to a listed one is not the listed one.
    expect(() => requireAcceptablePassword('qwerty123456-ké', 'newPassword')).not.toThrow();
  });
});
