import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { childPeriods, nextPeriod, periodContaining, periodsBetween, previousPeriod, shiftPeriod } from './navigate';
import { parsePeriod } from './period';

describe('periodContaining', () => {
  it('finds the year, quarter, month and ISO week of a date', () => {
    expect(periodContaining('2026-05-17', 'year').key).toBe('2026');
    expect(periodContaining('2026-05-17', 'quarter').key).toBe('2026-Q2');
    expect(periodContaining('2026-09-30', 'quarter').key).toBe('2026-Q3');
    expect(periodContaining('2026-10-01', 'quarter').key).toBe('2026-Q4');
    expect(periodContaining('2026-05-17', 'month').key).toBe('2026-05');
  });

  it('puts dates near New Year into the right ISO year', () => {
    expect(periodContaining('2025-12-29', 'week').key).toBe('2026-W01');
    expect(periodContaining('2026-01-04', 'week').key).toBe('2026-W01');
    expect(periodContaining('2026-01-05', 'week').key).toBe('2026-W02');
    expect(periodContaining('2021-01-03', 'week').key).toBe('2020-W53');
    expect(periodContaining('2027-01-03', 'week').key).toBe('2026-W53');
    // 2027-01-04 is a Monday and the first ISO week of 2027
    expect(periodContaining('2027-01-04', 'week').key).toBe('2027-W01');
    // 2025-12-28 is a Sunday: last day of 2025-W52
    expect(periodContaining('2025-12-28', 'week').key).toBe('2025-W52');
  });

  it('rejects an invalid date', () => {
    expect(() => periodContaining('2026-02-30', 'month')).toThrow(DomainError);
  });
});

describe('shiftPeriod', () => {
  it('moves forward and back across years', () => {
    expect(nextPeriod(parsePeriod('2026-12')).key).toBe('2027-01');
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(nextPeriod(parsePeriod('2026-Q4')).key).toBe('2027-Q1');
    expect(shiftPeriod(parsePeriod('2026'), -3).key).toBe('2023');
    expect(nextPeriod(parsePeriod('2026-W52')).key).toBe('2026-W53');
    expect(nextPeriod(parsePeriod('2026-W53')).key).toBe('2027-W01');
    expect(shiftPeriod(parsePeriod('2026-03'), 13).key).toBe('2027-04');
  });

  it('refuses to shift a custom range', () => {
    expect(() => nextPeriod(parsePeriod('2026-01-15..2026-02-14'))).toThrow(DomainError);
  });
});

describe('periodsBetween', () => {
  it('lists the 12 months of 2026', () => {
    expect(periodsBetween('2026-01', '2026-12')).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
  });

  it('crosses year ends for quarters and weeks', () => {
    expect(periodsBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodsBetween('2026', '2026')).toEqual(['2026']);
  });

  it('requires the same kind and the right order', () => {
    expect(() => periodsBetween('2026-01', '2026-Q4')).toThrow(DomainError);
    expect(() => periodsBetween('2026-12', '2026-01')).toThrow(/after end period/);
    expect(() => periodsBetween('2026-01-01..2026-01-31', '2026-02-01..2026-02-28')).toThrow(DomainError);
  });
});

describe('childPeriods', () => {
  it('splits a year into months and quarters, a quarter into months', () => {
    const months = childPeriods(parsePeriod('2026'), 'month');
    expect(months).toHaveLength(12);
    expect(months[0]?.key).toBe('2026-01');
    expect(months[11]?.key).toBe('2026-12');
    expect(childPeriods(parsePeriod('2026'), 'quarter').map((q) => q.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(childPeriods(parsePeriod('2026-Q3'), 'month').map((m) => m.key)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('refuses splits that do not nest', () => {
    expect(() => childPeriods(parsePeriod('2026-03'), 'month')).toThrow(DomainError);
    expect(() => childPeriods(parsePeriod('2026-Q1'), 'quarter')).toThrow(/cannot be split/);
    expect(() => childPeriods(parsePeriod('2026-01-01..2026-03-31'), 'month')).toThrow(DomainError);
  });
});
