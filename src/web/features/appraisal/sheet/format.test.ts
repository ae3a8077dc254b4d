import { describe, expect, it } from 'vitest';
import { formatScore, formatWeight } from './format';

describe('sheet formatting', () => {
  it('writes scores as percentages with one decimal, Vietnamese with a space before %', () => {
    expect(formatScore(0.897, 'vi')).toBe('89,7\u00a0%');
    expect(formatScore(0.897, 'en')).toBe('89.7%');
    expect(formatScore(0.86, 'vi')).toBe('86\u00a0%');
    // 1.05 is a boundary people look at: it must read 105, not 104,9.
    expect(formatScore(1.05, 'vi')).toBe('105\u00a0%');
    expect(formatScore(null, 'vi')).toBe('—');
    expect(formatScore(Number.NaN, 'en')).toBe('—');
  });

  it('writes weights with up to four decimals', () => {
    expect(formatWeight(33.34, 'vi')).toBe('33,34\u00a0%');
    expect(formatWeight(12.3456, 'en')).toBe('12.3456%');
    expect(formatWeight(60, 'vi')).toBe('60\u00a0%');
  });
});
