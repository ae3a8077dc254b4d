import { describe, expect, it } from 'vitest';
import { formatSignedCompact, sumStatusOf } from './sum-status';
import type { SumCheckT, TargetRecordT } from './types';

const B = 1_000_000_000;
const rec = (value: number): TargetRecordT => ({ id: 1, kpiId: 1, period: '2026-01', start: '', end: '', scope: { type: 'company', id: null }, value, locked: false });

describe('sumStatusOf', () => {
  const children = new Map([['company', ['unit:3', 'unit:4']]]);

  it('is green with the children total when the API reports no mismatch', () => {
    const targets = new Map([
      ['company', rec(20 * B)],
      ['unit:3', rec(10.4 * B)],
      ['unit:4', rec(9.6 * B)],
    ]);
    // 10,4 + 9,6 = 20 tỷ.
    expect(sumStatusOf('company', { applicable: true, mismatches: [] }, children, targets)).toEqual({ ok: true, parent: 20 * B, childrenSum: 20 * B, difference: 0 });
    expect(sumStatusOf('unit:3', { applicable: true, mismatches: [] }, children, targets)).toBeNull();
  });

  it("is red with the API's difference", () => {
    // KD-MB 11 tỷ + KD-MN 9,6 tỷ = 20,6 tỷ; 20 − 20,6 = −0,6 tỷ.
    const check: SumCheckT = {
      applicable: true,
      mismatches: [{ id: 'company', parent: 20 * B, childrenSum: 20.6 * B, difference: -0.6 * B, code: 'TARGET_SUM_MISMATCH', message: { vi: 'x', en: 'x' }, children: [] }],
    };
    expect(sumStatusOf('company', check, children, new Map())).toEqual({ ok: false, parent: 20 * B, childrenSum: 20.6 * B, difference: -0.6 * B });
  });

  it('is nothing when the check does not apply', () => {
    expect(sumStatusOf('company', { applicable: false, mismatches: [] }, children, new Map([['company', rec(1)]]))).toBeNull();
  });
});

describe('formatSignedCompact', () => {
  it('writes the sign with a real minus and compacts money', () => {
    expect(formatSignedCompact(-600_000_000, 'VND', 'vi')).toBe('\u2212600 triệu');
    expect(formatSignedCompact(-600_000_000, 'VND', 'en')).toBe('\u2212600M ₫');
    expect(formatSignedCompact(1 * B, 'VND', 'vi')).toBe('+1 tỷ');
    expect(formatSignedCompact(-12, null, 'vi')).toBe('\u221212');
  });
});
