import { describe, expect, it } from 'vitest';
import { compactDigitsFor, formatCompact, formatDate, formatDateTime, formatMoney, formatMoneyCompact, formatNumber } from './format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('uses dots for thousands and a comma for decimals in Vietnamese', () => {
    expect(formatNumber(1234567.89, 'vi')).toBe('1.234.567,89');
  });
  it('uses commas for thousands in English', () => {
    expect(formatNumber(1234567.89, 'en')).toBe('1,234,567.89');
  });
  it('rounds to the requested decimals', () => {
    // 0.125 * 100 = 12.5 → one decimal "12,5"
    expect(formatNumber(12.5, 'vi', 1)).toBe('12,5');
    expect(formatNumber(2 / 3, 'vi', 2)).toBe('0,67');
  });
});

describe('formatMoney', () => {
  it('writes VND with the đồng sign after the number in Vietnamese', () => {
    expect(formatMoney(20_000_000_000, 'vi')).toBe(`20.000.000.000${NBSP}₫`);
  });
  it('puts the sign first in English', () => {
    expect(formatMoney(20_000_000_000, 'en')).toBe('₫20,000,000,000');
  });
});

describe('formatMoneyCompact', () => {
  it('uses tỷ, triệu and nghìn in Vietnamese', () => {
    expect(formatMoneyCompact(20_000_000_000, 'vi')).toBe('20 tỷ');
    expect(formatMoneyCompact(500_000_000, 'vi')).toBe('500 triệu');
    expect(formatMoneyCompact(50_000, 'vi')).toBe('50 nghìn');
    // 1.5 billion → "1,5 tỷ" with the Vietnamese decimal comma
    expect(formatMoneyCompact(1_500_000_000, 'vi')).toBe('1,5 tỷ');
  });
  it('uses B/M/K and the đồng sign in English', () => {
    expect(formatMoneyCompact(20_000_000_000, 'en')).toBe('20B ₫');
    expect(formatMoneyCompact(500_000_000, 'en')).toBe('500M ₫');
  });
  it('keeps the symbol of other currencies', () => {
    expect(formatMoneyCompact(2_000_000, 'en', 'USD')).toBe('2M $');
  });
});

describe('formatCompact: one short form for every unit', () => {
  it('writes nghìn, triệu, tỷ in Vietnamese, never the abbreviation "N"', () => {
    expect(formatCompact(12_000, 'vi')).toBe('12 nghìn');
    expect(formatCompact(50_000, 'vi')).toBe('50 nghìn');
    expect(formatCompact(8_000, 'vi')).toBe('8 nghìn');
    expect(formatCompact(1_500_000, 'vi')).toBe('1,5 triệu');
    expect(formatCompact(20_000_000_000, 'vi')).toBe('20 tỷ');
    expect(formatCompact(200_000, 'vi')).toBe('200 nghìn');
  });
  it('writes K, M, B in English', () => {
    expect(formatCompact(12_000, 'en')).toBe('12K');
    expect(formatCompact(1_500_000, 'en')).toBe('1.5M');
    expect(formatCompact(20_000_000_000, 'en')).toBe('20B');
  });
  it('writes small numbers out', () => {
    expect(formatCompact(999, 'vi')).toBe('999');
    expect(formatCompact(12.5, 'vi')).toBe('12,5');
  });
  it('gives two numbers the decimals that tell them apart: 4,985 tỷ / 5 tỷ', () => {
    // One decimal: "5 tỷ" / "5 tỷ"; two: "4,99 tỷ" / "5 tỷ" differ → one more, 3 → "4,985 tỷ".
    expect(compactDigitsFor(4_985_000_000, 5_000_000_000, 'vi')).toBe(3);
    expect(formatMoneyCompact(4_985_000_000, 'vi', 'VND', 3)).toBe('4,985 tỷ');
    // 4,2 vs 5 differ already at one decimal.
    expect(compactDigitsFor(4_200_000_000, 5_000_000_000, 'vi')).toBe(1);
    expect(compactDigitsFor(5e9, 5e9, 'vi')).toBe(1);
  });
});

describe('formatDate / formatDateTime', () => {
  // 2026-11-29T03:05Z is 10:05 on the same day in Ho Chi Minh City (UTC+7).
  const instant = '2026-11-29T03:05:00Z';
  it('writes dd/mm/yyyy in Vietnamese', () => {
    expect(formatDate(instant, 'vi', 'Asia/Ho_Chi_Minh')).toBe('29/11/2026');
    expect(formatDate('2026-01-05', 'vi')).toBe('05/01/2026');
  });
  it('writes an unambiguous day, month name and year in English (5 December is never 12/05)', () => {
    expect(formatDate('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    expect(formatDate(instant, 'en', 'Asia/Ho_Chi_Minh')).toBe('29 Nov 2026');
    expect(formatDateTime('2026-11-29T17:30:00Z', 'en', 'Asia/Ho_Chi_Minh')).toBe('30 Nov 2026 00:30');
  });
  it('adds a 24-hour time in the given zone', () => {
    expect(formatDateTime(instant, 'vi', 'Asia/Ho_Chi_Minh')).toBe('29/11/2026 10:05');
    // 2026-11-29T15:30Z + 7h = 22:30
    expect(formatDateTime('2026-11-29T15:30:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('29/11/2026 22:30');
    // 17:30Z + 7h crosses midnight → 30/11 00:30
    expect(formatDateTime('2026-11-29T17:30:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('30/11/2026 00:30');
  });
});
