import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parsePeriod, periodDays, tryParsePeriod, isDateInPeriod } from './period';

describe('parsePeriod', () => {
  it('parses a year', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', key: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('parses quarters with their real last day', () => {
    expect(parsePeriod('2026-Q1')).toEqual({ kind: 'quarter', key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026-Q2').end).toBe('2026-06-30');
    expect(parsePeriod('2026-Q3').end).toBe('2026-09-30');
    expect(parsePeriod('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('parses months, including February in leap and common years', () => {
    expect(parsePeriod('2026-01')).toEqual({ kind: 'month', key: '2026-01', start: '2026-01-01', end: '2026-01-31' });
    expect(parsePeriod('2024-02').end).toBe('2024-02-29');
    expect(parsePeriod('2026-02').end).toBe('2026-02-28');
    expect(parsePeriod('2000-02').end).toBe('2000-02-29');
    expect(parsePeriod('1900-02').end).toBe('1900-02-28');
  });

  it('parses ISO weeks: week 1 of 2026 starts Monday 2025-12-29', () => {
    // 2026-01-01 is a Thursday, so the week holding it (and 4 January) starts Monday 29/12/2025.
    expect(parsePeriod('2026-W01')).toEqual({ kind: 'week', key: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    // W05 = W01 start + 4 × 7 days = 2025-12-29 + 28 = 2026-01-26
    expect(parsePeriod('2026-W05')).toMatchObject({ start: '2026-01-26', end: '2026-02-01' });
  });

  it('knows which years have a week 53', () => {
    // 2020 began on a Wednesday and was leap → 53 weeks; W53 = 2020-12-28..2021-01-03.
    expect(parsePeriod('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    // 2026 begins on a Thursday → 53 weeks; W53 = 2026-12-28..2027-01-03.
    expect(parsePeriod('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    // 2025 began on a Wednesday and is not leap → 52 weeks only.
    expect(() => parsePeriod('2025-W53')).toThrow(/W01 to W52/);
    expect(() => parsePeriod('2027-W53')).toThrow(DomainError);
  });

  it('parses a custom range', () => {
    expect(parsePeriod('2026-01-15..2026-02-14')).toEqual({
      kind: 'custom',
      key: '2026-01-15..2026-02-14',
      start: '2026-01-15',
      end: '2026-02-14',
    });
    expect(parsePeriod('2026-03-01..2026-03-01').end).toBe('2026-03-01');
  });

  it.each([
    ['2026-13', 'the month must be 01 to 12'],
    ['2026-00', 'the month must be 01 to 12'],
    ['2026-W54', 'ISO weeks'],
    ['2026-W00', 'ISO weeks'],
    ['2026-Q5', 'the quarter must be Q1 to Q4'],
    ['2026-Q0', 'the quarter must be Q1 to Q4'],
    ['31/02/2026', 'use 2026, 2026-Q1'],
    ['2026-02-30..2026-03-10', 'start date 2026-02-30 does not exist'],
    ['2026-03-10..2026-03-01', 'start date is after the end date'],
    ['', 'use 2026'],
    ['2026-1', 'use 2026'],
    ['2026-W5', 'use 2026'],
    ['0999', 'the year must be 1000 or later'],
  ])('rejects %j with PERIOD_INVALID', (key, englishPart) => {
    let caught: unknown;
    try {
      parsePeriod(key);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('PERIOD_INVALID');
    expect(error.localized.en).toContain(englishPart);
    expect(error.localized.vi).toMatch(/^Kỳ ".*" không hợp lệ: /);
  });

  it('gives the Vietnamese reason too', () => {
    expect(() => parsePeriod('2026-13')).toThrow(DomainError);
    try {
      parsePeriod('2026-13');
    } catch (error) {
      expect((error as DomainError).localized.vi).toBe('Kỳ "2026-13" không hợp lệ: tháng phải từ 01 đến 12');
    }
  });

  it('tryParsePeriod returns null instead of throwing', () => {
    expect(tryParsePeriod('2026-13')).toBeNull();
    expect(tryParsePeriod('2026-12')?.end).toBe('2026-12-31');
  });
});

describe('periodDays', () => {
  it('counts both ends', () => {
    expect(periodDays(parsePeriod('2026'))).toBe(365);
    expect(periodDays(parsePeriod('2024'))).toBe(366);
    expect(periodDays(parsePeriod('2026-02'))).toBe(28);
    // Q1 2024: 31 + 29 + 31 = 91
    expect(periodDays(parsePeriod('2024-Q1'))).toBe(91);
    expect(periodDays(parsePeriod('2026-W10'))).toBe(7);
    // 15/01 → 14/02: 17 days in January (15..31) + 14 in February = 31
    expect(periodDays(parsePeriod('2026-01-15..2026-02-14'))).toBe(31);
  });

  it('isDateInPeriod includes both ends', () => {
    const march = parsePeriod('2026-03');
    expect(isDateInPeriod('2026-03-01', march)).toBe(true);
    expect(isDateInPeriod('2026-03-31', march)).toBe(true);
    expect(isDateInPeriod('2026-04-01', march)).toBe(false);
  });
});
