import { describe, expect, it } from 'vitest';
import { hasUnitWord, parseAmount } from './amount';

const value = (text: string) => {
  const r = parseAmount(text);
  return r.ok ? r.value : null;
};

describe('parseAmount', () => {
  it('reads Vietnamese unit words, glued or spaced, with a decimal comma or point', () => {
    expect(value('240 tỷ')).toBe(240_000_000_000);
    expect(value('240tỷ')).toBe(240_000_000_000);
    expect(value('240 Tỷ ₫')).toBe(240_000_000_000);
    expect(value('1,5 tỷ')).toBe(1_500_000_000);
    expect(value('1.5 tỷ')).toBe(1_500_000_000);
    expect(value('500 triệu')).toBe(500_000_000);
    expect(value('20tr')).toBe(20_000_000);
    expect(value('300 nghìn')).toBe(300_000);
    expect(value('300 ngàn')).toBe(300_000);
    expect(value('300k')).toBe(300_000);
    expect(value('1 tỷ 200 triệu')).toBe(1_200_000_000);
    expect(value('-2 tỷ')).toBe(-2_000_000_000);
  });

  it('is exact where multiplying floats is not: 8,2 tỷ and 0,07 triệu', () => {
    expect(8.2 * 1e9).not.toBe(8_200_000_000); // the float way drifts
    expect(value('8,2 tỷ')).toBe(8_200_000_000);
    expect(value('1,1 tỷ')).toBe(1_100_000_000);
    expect(value('0,07 triệu')).toBe(70_000);
    expect(value('2,345 nghìn')).toBe(2_345);
  });

  it('reads plain digits with either separator', () => {
    expect(value('20.000.000.000')).toBe(20_000_000_000);
    expect(value('20,000,000,000')).toBe(20_000_000_000);
    expect(value('1.234.567,89')).toBe(1_234_567.89);
    expect(value('1,234,567.89')).toBe(1_234_567.89);
    expect(value('12,5')).toBe(12.5);
    expect(value('0.5')).toBe(0.5);
    expect(value('20.000')).toBe(20_000);
    expect(value('7')).toBe(7);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'tỷ', 'abc', '12.34.5', '1e9', '5 xyz', '200 triệu 1 tỷ', '1 tỷ 200', '1,2,3.4.5', '12,', '--5']) expect(value(bad), bad).toBeNull();
  });

  it('tells when a text names a unit', () => {
    expect(hasUnitWord('240 tỷ')).toBe(true);
    expect(hasUnitWord('300k')).toBe(true);
    expect(hasUnitWord('20.000 ₫')).toBe(false);
  });
});
