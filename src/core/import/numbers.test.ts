import { describe, expect, it } from 'vitest';
import { DecimalVotes, numberShape, parseNumberCell } from './numbers';

describe('numbers in Vietnamese and English spreadsheets', () => {
  it('reads decimal comma with dot thousands: 1.234.567,89', () => {
    // 1*1_000_000 + 234*1_000 + 567 + 0.89
    expect(parseNumberCell('1.234.567,89', null)).toEqual({ ok: true, value: 1234567.89, percent: false });
    expect(parseNumberCell('1.234.567,89', 'comma')).toEqual({ ok: true, value: 1234567.89, percent: false });
  });

  it('reads decimal point with comma thousands: 1,234,567.89', () => {
    expect(parseNumberCell('1,234,567.89', null)).toEqual({ ok: true, value: 1234567.89, percent: false });
  });

  it('reads percentages as fractions: 12,5% → 0.125, 12.5 % → 0.125', () => {
    expect(parseNumberCell('12,5%', null)).toEqual({ ok: true, value: 0.125, percent: true });
    expect(parseNumberCell('12.5 %', null)).toEqual({ ok: true, value: 0.125, percent: true });
  });

  it('reads negatives, spaces, currency and accounting brackets', () => {
    expect(parseNumberCell('-5', null)).toEqual({ ok: true, value: -5, percent: false });
    expect(parseNumberCell('20.000.000 ₫', null)).toEqual({ ok: true, value: 20_000_000, percent: false });
    expect(parseNumberCell('1 234 567', null)).toEqual({ ok: true, value: 1234567, percent: false });
    expect(parseNumberCell('(1.500,5)', 'comma')).toEqual({ ok: true, value: -1500.5, percent: false });
  });

  it('1.234 and 1,234 are ambiguous until the file decides', () => {
    expect(numberShape('1.234')).toEqual({ kind: 'ambiguous' });
    expect(numberShape('1,234')).toEqual({ kind: 'ambiguous' });
    expect(parseNumberCell('1.234', null)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseNumberCell('1.234', 'comma')).toEqual({ ok: true, value: 1234, percent: false });
    expect(parseNumberCell('1.234', 'dot')).toEqual({ ok: true, value: 1.234, percent: false });
    // Not ambiguous: 0.123 cannot be a thousands group; 1234.567 neither (four digits before the dot).
    expect(numberShape('0.123')).toEqual({ kind: 'decisive', style: 'dot' });
    expect(numberShape('1234.567')).toEqual({ kind: 'decisive', style: 'dot' });
  });

  it('a cell written in the other style than the file is a conflict', () => {
    expect(parseNumberCell('12,5', 'dot')).toEqual({ ok: false, reason: 'wrong_style' });
    expect(parseNumberCell('1,234.5', 'comma')).toEqual({ ok: false, reason: 'wrong_style' });
  });

  it('text is not a number', () => {
    for (const t of ['abc', '12a', '1.2.3,4,5', '1,23.4', '--5', '', '%', '1.23.456']) {
      expect(parseNumberCell(t, null), t).toMatchObject({ ok: false, reason: 'not_a_number' });
    }
  });

  it('votes decide the style of a file; a tie or no decisive cell leaves it open', () => {
    const v = new DecimalVotes();
    for (const t of ['1.500', '2.000', '12,5', '7']) v.add(t);
    expect(v.decided()).toBe('comma');
    expect(v.ambiguous).toBe(2);
    const open = new DecimalVotes();
    for (const t of ['1.500', '2']) open.add(t);
    expect(open.decided()).toBeNull();
  });
});
