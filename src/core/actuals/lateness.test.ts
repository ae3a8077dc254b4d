import { describe, expect, it } from 'vitest';
import { localDate } from '../period';
import { isLate, reportingDeadline } from './lateness';

describe('reporting deadline and lateness', () => {
  it('adds reportWithinDays to the period end', () => {
    // March ends 2026-03-31; + 5 days → 2026-04-05
    expect(reportingDeadline('2026-03-31', 5)).toBe('2026-04-05');
    // February 2028 (leap) ends 2028-02-29; + 1 day → 2028-03-01
    expect(reportingDeadline('2028-02-29', 1)).toBe('2028-03-01');
    expect(reportingDeadline('2026-03-31', null)).toBeNull();
  });

  it('is on time on the deadline day and late the day after', () => {
    expect(isLate('2026-03-31', 5, '2026-04-05')).toBe(false);
    expect(isLate('2026-03-31', 5, '2026-04-06')).toBe(true);
    expect(isLate('2026-03-31', 0, '2026-03-31')).toBe(false);
    expect(isLate('2026-03-31', null, '2030-01-01')).toBe(false);
  });

  it('uses the date in Asia/Ho_Chi_Minh (UTC+7), not UTC, near midnight', () => {
    // 2026-04-05T16:59:59Z = 23:59:59 on 05/04 in Hồ Chí Minh → still the deadline day → on time
    expect(isLate('2026-03-31', 5, localDate(new Date('2026-04-05T16:59:59Z'), 'Asia/Ho_Chi_Minh'))).toBe(false);
    // 2026-04-05T17:00:00Z = 00:00 on 06/04 in Hồ Chí Minh → late, although it is still 05/04 in UTC
    expect(isLate('2026-03-31', 5, localDate(new Date('2026-04-05T17:00:00Z'), 'Asia/Ho_Chi_Minh'))).toBe(true);
  });
});
