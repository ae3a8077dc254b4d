import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it('shows VND in whole đồng, other numbers with up to two decimals', () => {
    expect(formatValue(1_534_246_575.34, 'VND', 'vi')).toBe('1.534.246.575 ₫');
    expect(formatValue(1_534_246_575.5, 'VND', 'en')).toBe('1,534,246,576 ₫');
    expect(formatValue(12.345, 'giờ', 'vi')).toBe('12,35');
    expect(formatValue(0.955, '%', 'vi')).toBe('95,5%');
  });
});
