import { describe, expect, it } from 'vitest';
import { formatAchievement, formatValueCompact, formatValuePair, ragOf } from './display';

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
    expect(formatValueCompact(1234, 'count', 'vi')).toBe('1,2 nghìn');
    expect(formatValueCompact(50_000, 'count', 'vi')).toBe('50 nghìn');
    expect(formatValueCompact(50_000, 'count', 'en')).toBe('50K');
    expect(formatValueCompact(20e9, 'VND', 'en')).toBe('20B ₫');
    expect(formatValueCompact(undefined, 'count', 'vi')).toBe('—');
  });

  it('shows actual and target with the digits that explain an amber 99,7 %', () => {
    expect(formatValuePair(4.985e9, 5e9, 'VND', 'vi')).toEqual(['4,985 tỷ', '5 tỷ']);
    expect(formatValuePair(4.2e9, 5e9, 'VND', 'vi')).toEqual(['4,2 tỷ', '5 tỷ']);
    // 99,85 % vs 100 %: one decimal already differs.
    expect(formatValuePair(0.9985, 1, '%', 'vi')).toEqual(['99,9%', '100%']);
    expect(formatValuePair(null, 5e9, 'VND', 'vi')).toEqual(['—', '5 tỷ']);
  });

  it('reads unknown statuses as no data', () => {
    expect(ragOf('green')).toBe('green');
    expect(ragOf('weird')).toBe('none');
    expect(ragOf(null)).toBe('none');
  });
});
