import { describe, expect, it } from 'vitest';
import { localDate } from '../period';
import { workingCalendar } from '../calendar';
import { isLate, reportingDeadline } from './lateness';

describe('reporting deadline and lateness', () => {
  it('adds reportWithinDays to the period end', () => {
    // March ends 2026-03-31; + 5 days → Sunday 2026-04-05 → the next working day, Monday 2026-04-06
    expect(reportingDeadline('2026-03-31', 5)).toBe('2026-04-06');
    // + 2 days → Thursday 2026-04-02, a working day: stays
    expect(reportingDeadline('2026-03-31', 2)).toBe('2026-04-02');
    // February 2028 (leap) ends 2028-02-29; + 1 day → 2028-03-01
    expect(reportingDeadline('2028-02-29', 1)).toBe('2028-03-01');
    expect(reportingDeadline('2026-03-31', null)).toBeNull();
  });

  it('is on time on the deadline day and late the day after', () => {
    expect(isLate('2026-03-31', 2, '2026-04-02')).toBe(false);
    expect(isLate('2026-03-31', 2, '2026-04-03')).toBe(true);
    // the Sunday deadline moved to Monday 06/04: Monday is still on time
    expect(isLate('2026-03-31', 5, '2026-04-06')).toBe(false);
    expect(isLate('2026-03-31', 5, '2026-04-07')).toBe(true);
    expect(isLate('2026-03-31', 0, '2026-03-31')).toBe(false);
    expect(isLate('2026-03-31', null, '2030-01-01')).toBe(false);
  });

  it('uses the date in Asia/Ho_Chi_Minh (UTC+7), not UTC, near midnight', () => {
    // deadline Thursday 02/04 (+2 days). 2026-04-02T16:59:59Z = 23:59:59 on 02/04 in Hồ Chí Minh → on time
    expect(isLate('2026-03-31', 2, localDate(new Date('2026-04-02T16:59:59Z'), 'Asia/Ho_Chi_Minh'))).toBe(false);
    // 2026-04-02T17:00:00Z = 00:00 on 03/04 in Hồ Chí Minh → late, although it is still 02/04 in UTC
    expect(isLate('2026-03-31', 2, localDate(new Date('2026-04-02T17:00:00Z'), 'Asia/Ho_Chi_Minh'))).toBe(true);
  });

  it('moves a deadline on a company holiday to the next working day', () => {
    const calendar = workingCalendar([1, 2, 3, 4, 5], ['2025-09-01', '2025-09-02']);
    // August 2025 + 2 days → Tuesday 02/09/2025 (Quốc khánh) → Wednesday 03/09
    expect(reportingDeadline('2025-08-31', 2, calendar)).toBe('2025-09-03');
    expect(isLate('2025-08-31', 2, '2025-09-03', calendar)).toBe(false);
    expect(isLate('2025-08-31', 2, '2025-09-04', calendar)).toBe(true);
  });
});
