import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials for the phone header avatar', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Phạm Quốc Huy')).toBe('PH');
    expect(initials('  Vũ   Đình Khoa ')).toBe('VK');
  });
  it('keeps Vietnamese letters and upper-cases them', () => {
    expect(initials('đặng ánh')).toBe('ĐÁ');
  });
  it('uses one letter for one word and a question mark for nothing', () => {
    expect(initials('Admin')).toBe('A');
    expect(initials('   ')).toBe('?');
  });
});
