import { describe, expect, it } from 'vitest';
import { requireLongEnough } from './password-length';

describe('the password length rule (every way a password is set goes through it)', () => {
  it('refuses 11 characters with the field and the rule in both languages, accepts 12', () => {
    expect(() => requireLongEnough('mat-khau-11', 'newPassword')).toThrow(
      expect.objectContaining({
        code: 'PASSWORD_TOO_SHORT',
        localized: { vi: 'Mật khẩu phải có ít nhất 12 ký tự.', en: 'The password must be at least 12 characters long.' },
        issues: [expect.objectContaining({ path: 'newPassword', code: 'PASSWORD_TOO_SHORT' })],
      }),
    );
    expect(() => requireLongEnough('mat-khau-012', 'password')).not.toThrow();
    // Counted in characters as typed: 12 Vietnamese letters with diacritics pass.
    expect(() => requireLongEnough('mậtkhẩuđủdài', 'password')).not.toThrow();
  });
});
