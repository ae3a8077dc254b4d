import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar';
import { lastClosedPeriods, lateReportStatus } from './late-reports';

describe('late reports', () => {
  it('looks at the last 3 closed periods of a kind, not the running one', () => {
    expect(lastClosedPeriods('month', '2026-12-10').map((p) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(lastClosedPeriods('quarter', '2026-01-01').map((p) => p.key)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(lastClosedPeriods('year', '2026-12-10').map((p) => p.key)).toEqual(['2023', '2024', '2025']);
  });

  it('is missing only after the deadline day (30 Nov + 4 = Fri 4 Dec), late when stored late, and never without a deadline', () => {
    expect(lateReportStatus('2026-11-30', 4, '2026-12-04', null)).toBeNull();
    expect(lateReportStatus('2026-11-30', 4, '2026-12-05', null)).toEqual({ status: 'missing', deadline: '2026-12-04' });
    expect(lateReportStatus('2026-11-30', 4, '2026-12-05', { late: false })).toBeNull();
    expect(lateReportStatus('2026-11-30', 4, '2026-12-01', { late: true })).toEqual({ status: 'late', deadline: '2026-12-04' });
    expect(lateReportStatus('2026-11-30', null, '2027-06-01', null)).toBeNull();
  });

  it('uses the working calendar: 30 Nov + 5 = Saturday 5 Dec → Monday 7 Dec, or past a holiday on Monday', () => {
    expect(lateReportStatus('2026-11-30', 5, '2026-12-07', null)).toBeNull();
    expect(lateReportStatus('2026-11-30', 5, '2026-12-08', null)).toEqual({ status: 'missing', deadline: '2026-12-07' });
    const holidayMonday = workingCalendar([1, 2, 3, 4, 5], ['2026-12-07']);
    expect(lateReportStatus('2026-11-30', 5, '2026-12-08', null, holidayMonday)).toBeNull();
    expect(lateReportStatus('2026-11-30', 5, '2026-12-09', null, holidayMonday)).toEqual({ status: 'missing', deadline: '2026-12-08' });
  });
});
