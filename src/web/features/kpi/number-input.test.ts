import { describe, expect, it } from 'vitest';
import { formatNumberText, fractionToPercent, parseNumberText, percentToFraction, regroupWhileTyping } from './number-input';

describe('parseNumberText', () => {
  it('reads Vietnamese grouping and decimal comma', () => {
    expect(parseNumberText('20.000.000.000', 'vi')).toBe(20_000_000_000);
    expect(parseNumberText('12,5', 'vi')).toBe(12.5);
    expect(parseNumberText('1.234.567,89', 'vi')).toBe(1234567.89);
    expect(parseNumberText('20.000.000.000 ₫', 'vi')).toBe(20_000_000_000);
    expect(parseNumberText('-3,25%', 'vi')).toBe(-3.25);
  });

  it('reads a lone dot in Vietnamese as a decimal point (pasted numbers)', () => {
    expect(parseNumberText('0.5', 'vi')).toBe(0.5);
    expect(parseNumberText('12.50', 'vi')).toBe(12.5);
    // exactly three digits after each dot: grouping
    expect(parseNumberText('1.500', 'vi')).toBe(1500);
  });

  it('reads English grouping and decimal point', () => {
    expect(parseNumberText('20,000,000,000', 'en')).toBe(20_000_000_000);
    expect(parseNumberText('12.5', 'en')).toBe(12.5);
  });

  it('returns null for empty or unreadable text', () => {
    expect(parseNumberText('', 'vi')).toBeNull();
    expect(parseNumberText('  ', 'en')).toBeNull();
    expect(parseNumberText('-', 'vi')).toBeNull();
    expect(parseNumberText('abc', 'vi')).toBeNull();
    expect(parseNumberText('1,2,3', 'vi')).toBeNull();
  });
});

describe('percent ↔ fraction', () => {
  it('has no float noise', () => {
    // 0.95 × 100 is 95.00000000000001 in plain floating point
    expect(fractionToPercent(0.95)).toBe(95);
    expect(fractionToPercent(0.07)).toBe(7);
    // 12.3 / 100 = 0.123 exactly as a decimal
    expect(percentToFraction(12.3)).toBe(0.123);
    expect(percentToFraction(95)).toBe(0.95);
  });
});

describe('formatNumberText', () => {
  it('groups digits for the language', () => {
    expect(formatNumberText(20_000_000_000, 'vi')).toBe('20.000.000.000');
    expect(formatNumberText(20_000_000_000, 'en')).toBe('20,000,000,000');
    expect(formatNumberText(12.5, 'vi')).toBe('12,5');
  });
});

describe('regroupWhileTyping', () => {
  it('groups the whole part and keeps the caret at the end', () => {
    // "2000000" with the caret after the 7th digit → "2.000.000", caret after 7 digits + 2 dots = 9
    expect(regroupWhileTyping('2000000', 7, 'vi')).toEqual({ text: '2.000.000', caret: 9 });
    expect(regroupWhileTyping('2,000,0000', 10, 'en')).toEqual({ text: '20,000,000', caret: 10 });
  });

  it('keeps the caret after the same digit in the middle', () => {
    // typed "5" after "1" in "1.000" → "15.000"? raw "15.000", caret 2 → digits before caret: 1,5 → "15|.000"
    expect(regroupWhileTyping('15.000', 2, 'vi')).toEqual({ text: '15.000', caret: 2 });
    // raw "1.0005" (a digit typed at the end) → "10.005", caret after 5 digits + 1 dot = 6
    expect(regroupWhileTyping('1.0005', 6, 'vi')).toEqual({ text: '10.005', caret: 6 });
  });

  it('leaves the decimal part as typed', () => {
    expect(regroupWhileTyping('1234,5', 6, 'vi')).toEqual({ text: '1.234,5', caret: 7 });
    expect(regroupWhileTyping('12,', 3, 'vi')).toEqual({ text: '12,', caret: 3 });
    expect(regroupWhileTyping('-', 1, 'vi')).toEqual({ text: '-', caret: 1 });
    expect(regroupWhileTyping('', 0, 'vi')).toEqual({ text: '', caret: 0 });
  });
});
