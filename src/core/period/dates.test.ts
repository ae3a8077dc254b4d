import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, fromDayNumber, isLeapYear, isoWeekday, isValidDate, toDayNumber } from './dates';

describe('calendar dates', () => {
  it('knows leap years (divisible by 4, except centuries not divisible by 400)', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('rejects dates that do not exist', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('31/02/2026')).toBe(false);
    expect(isValidDate('2026-1-5')).toBe(false);
  });

  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    // 2000-03-01: 30 years × 365 + 7 leap days (72,76,80,84,88,92,96) = 10957 to 2000-01-01, + 31 + 29 = 11017
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    // 2026-01-15 + 30 days: 16 days left in January → 2026-02-14
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
  });

  it('compares and measures', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    // 2024 is leap: 366 days from 2024-01-01 to 2025-01-01
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('gives ISO weekdays (Monday = 1)', () => {
    expect(isoWeekday('2025-12-29')).toBe(1); // Monday
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-01-04')).toBe(7); // Sunday
  });
});
