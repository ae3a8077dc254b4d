import { describe, expect, it } from 'vitest';
import { formatKpiValue } from './format-value';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatKpiValue', () => {
  it('formats money, percentages and counts per language', () => {
    expect(nbsp(formatKpiValue(20_000_000_000, 'VND', 'vi'))).toBe('20.000.000.000 ₫');
    expect(formatKpiValue(0.95, '%', 'vi')).toBe('95%');
    expect(formatKpiValue(1 / 30, '%', 'en')).toBe('3.33%');
    expect(formatKpiValue(1440, 'count', 'vi')).toBe('1.440');
    expect(formatKpiValue(null, 'count', 'vi')).toBe('—');
  });
});
