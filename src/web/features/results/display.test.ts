import { describe, expect, it } from 'vitest';
import { formatAchievement, formatValueCompact, ragOf } from './display';

describe('result display', () => {
  it('shows achievement as a percentage with one decimal at most', () => {
    // 21 tỷ / 20 tỷ = 1.05 → 105%; 38/60 = 0.63333 → 63,3% (vi) / 63.3% (en).
    expect(formatAchievement(1.05, 'vi')).toBe('105%');
    expect(formatAchievement(38 / 60, 'vi')).toBe('63,3%');
    expect(formatAchievement(38 / 60, 'en')).toBe('63.3%');
    expect(formatAchievement(null, 'vi')).toBe('—');
  });

  it('shows compact values: money in words, percents, large counts', () => {
    expect(formatValueCompact(20e9, 'VND', 'vi')).toBe('20 tỷ');
    expect(formatValueCompact(500e6, 'VND', 'vi')).toBe('500 triệu');
    expect(formatValueCompact(0.125, '%', 'vi')).toBe('12,5%');
    expect(formatValueCompact(1234, 'count', 'vi')).toBe('1.234');
    expect(formatValueCompact(undefined, 'count', 'vi')).toBe('—');
  });

  it('reads unknown statuses as no data', () => {
    expect(ragOf('green')).toBe('green');
    expect(ragOf('weird')).toBe('none');
    expect(ragOf(null)).toBe('none');
  });
});
