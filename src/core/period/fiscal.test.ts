import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fiscalYear, fiscalYearContaining } from './fiscal';
import { localDate } from './local-date';

describe('fiscal years', () => {
  it('runs from the start month to the day before it a year later', () => {
    expect(fiscalYear(2026, 4)).toMatchObject({ kind: 'custom', start: '2026-04-01', end: '2027-03-31' });
    expect(fiscalYear(2026, 1)).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    // A fiscal year starting March 2023 ends on 29/02/2024 (leap year).
    expect(fiscalYear(2023, 3).end).toBe('2024-02-29');
  });

  it('finds the fiscal year of a date', () => {
    expect(fiscalYearContaining('2026-02-15', 4).key).toBe('2025-04-01..2026-03-31');
    expect(fiscalYearContaining('2026-04-01', 4).key).toBe('2026-04-01..2027-03-31');
  });

  it('rejects a start month outside 1..12', () => {
    expect(() => fiscalYear(2026, 13)).toThrow(DomainError);
    expect(() => fiscalYear(2026, 0)).toThrow(DomainError);
  });
});

describe('localDate', () => {
  it('takes the calendar date in the given time zone', () => {
    // 2026-01-31T18:30Z is 01:30 on 1 February in Hà Nội (UTC+7).
    const instant = new Date('2026-01-31T18:30:00Z');
    expect(localDate(instant, 'Asia/Ho_Chi_Minh')).toBe('2026-02-01');
    expect(localDate(instant, 'UTC')).toBe('2026-01-31');
    // New York is UTC−5 in winter: 13:30 on 31 January.
    expect(localDate(instant, 'America/New_York')).toBe('2026-01-31');
  });

  it('rejects an unknown time zone or an invalid instant', () => {
    expect(() => localDate(new Date('2026-01-01T00:00:00Z'), 'Mars/Base')).toThrow(DomainError);
    expect(() => localDate(new Date('nope'), 'UTC')).toThrow(DomainError);
  });
});
