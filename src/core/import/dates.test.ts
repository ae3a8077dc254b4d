import { describe, expect, it } from 'vitest';
import { parseDateCell, parsePeriodCell } from './dates';

describe('date and period cells', () => {
  it('reads dd/mm/yyyy and ISO dates', () => {
    expect(parseDateCell('15/03/2026')).toEqual({ ok: true, date: '2026-03-15', style: 'dmy' });
    expect(parseDateCell('5/3/2026')).toEqual({ ok: true, date: '2026-03-05', style: 'dmy' });
    expect(parseDateCell('2026-03-15')).toEqual({ ok: true, date: '2026-03-15', style: 'iso' });
  });

  it('rejects impossible dates: 31/02/2026, 29/02/2025, 03/15/2026 (month 15)', () => {
    for (const t of ['31/02/2026', '29/02/2025', '03/15/2026', '2026-13-01', '00/01/2026']) {
      expect(parseDateCell(t), t).toEqual({ ok: false, reason: 'impossible_date' });
    }
    expect(parseDateCell('29/02/2028')).toMatchObject({ ok: true, date: '2028-02-29' }); // 2028 is a leap year
  });

  it('a date becomes the period of the KPI that contains it', () => {
    expect(parsePeriodCell('15/03/2026', 'month')).toMatchObject({ ok: true, period: { key: '2026-03' }, fromDate: 'dmy' });
    expect(parsePeriodCell('15/05/2026', 'quarter')).toMatchObject({ ok: true, period: { key: '2026-Q2' } });
    // 2026-01-01 is a Thursday: ISO week 1 of 2026.
    expect(parsePeriodCell('2026-01-01', 'week')).toMatchObject({ ok: true, period: { key: '2026-W01' } });
  });

  it('reads period keys and 03/2026, Q1/2026', () => {
    expect(parsePeriodCell('2026-03', 'month')).toMatchObject({ ok: true, period: { key: '2026-03', kind: 'month' }, fromDate: null });
    expect(parsePeriodCell('03/2026', 'month')).toMatchObject({ ok: true, period: { key: '2026-03' } });
    expect(parsePeriodCell('q1/2026', 'quarter')).toMatchObject({ ok: true, period: { key: '2026-Q1' } });
    expect(parsePeriodCell('2026', 'year')).toMatchObject({ ok: true, period: { kind: 'year' } });
  });

  it('rejects invalid periods and dates for a KPI without frequency', () => {
    expect(parsePeriodCell('2026-13', 'month')).toEqual({ ok: false, reason: 'invalid_period' });
    expect(parsePeriodCell('2026-Q5', 'quarter')).toEqual({ ok: false, reason: 'invalid_period' });
    expect(parsePeriodCell('tháng ba', 'month')).toEqual({ ok: false, reason: 'invalid_period' });
    expect(parsePeriodCell('31/02/2026', 'month')).toEqual({ ok: false, reason: 'impossible_date' });
    expect(parsePeriodCell('15/03/2026', null)).toEqual({ ok: false, reason: 'no_frequency' });
  });
});
