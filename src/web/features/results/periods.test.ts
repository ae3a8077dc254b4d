import { describe, expect, it } from 'vitest';
import { kindOfFrequency, periodChoices, periodKeyOf, periodLabel } from './periods';

describe('periods for the check-in form and charts', () => {
  it('maps a KPI frequency to its period kind, monthly when unset', () => {
    expect(kindOfFrequency('quarterly')).toBe('quarter');
    expect(kindOfFrequency('weekly')).toBe('week');
    expect(kindOfFrequency(null)).toBe('month');
  });

  it('finds the period containing a date', () => {
    // 29/11/2026 lies in November, Q4 and ISO week 48 (Mon 23/11 – Sun 29/11/2026).
    expect(periodKeyOf('2026-11-29', 'month')).toBe('2026-11');
    expect(periodKeyOf('2026-11-29', 'quarter')).toBe('2026-Q4');
    expect(periodKeyOf('2026-11-29', 'week')).toBe('2026-W48');
  });

  it('lists choices newest first, across a year boundary', () => {
    // From 15/02/2026: one month ahead (03), the current (02), then three back (01, 12/2025, 11/2025).
    expect(periodChoices('month', '2026-02-15', 3, 1)).toEqual(['2026-03', '2026-02', '2026-01', '2025-12', '2025-11']);
    expect(periodChoices('quarter', '2026-02-15', 2)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('labels periods in both languages, the same label everywhere', () => {
    expect(periodLabel('2026-03', 'vi')).toBe('Tháng 03/2026');
    expect(periodLabel('2026-01', 'en')).toBe('Jan 2026');
    expect(periodLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(periodLabel('2026-Q1', 'vi')).toBe('Quý 1/2026');
    expect(periodLabel('2026-Q1', 'en')).toBe('Q1 2026');
    expect(periodLabel('2026', 'vi')).toBe('Năm 2026');
    expect(periodLabel('2026', 'en')).toBe('2026');
    expect(periodLabel('2026-W05', 'vi')).toBe('Tuần 05/2026');
    expect(periodLabel('2026-W05', 'en')).toBe('Week 05, 2026');
    expect(periodLabel('2026-01-01..2026-12-31', 'vi')).toBe('Năm 2026');
    expect(periodLabel('2026-01-01..2026-12-31', 'en')).toBe('2026');
    expect(periodLabel('2026-04-01..2027-03-31', 'vi')).toBe('01/04/2026–31/03/2027');
    // English dates as the rest of the app writes them: day, short month, year (never 04/01/2026).
    expect(periodLabel('2026-04-01..2027-03-31', 'en')).toBe('1 Apr 2026–31 Mar 2027');
    expect(periodLabel('not-a-period', 'vi')).toBe('not-a-period');
  });
});
