import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('are stored as salted scrypt hashes, never in clear, and verified in constant time', async () => {
    const a = await hashPassword('mật-khẩu-dài-1');
    const b = await hashPassword('mật-khẩu-dài-1');
    expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(a).not.toContain('mật-khẩu');
    expect(a).not.toBe(b); // a fresh salt each time
    expect(await verifyPassword('mật-khẩu-dài-1', a)).toBe(true);
    expect(await verifyPassword('mật-khẩu-dài-2', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
