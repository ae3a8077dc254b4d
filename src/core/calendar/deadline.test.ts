import { describe, expect, it } from 'vitest';
import { deadlineEnds, reportingDeadline, stageDays, stageInstant, STANDARD_CALENDAR, workingCalendar } from '.';
import { measurementState } from './measurement-state';

// Vietnam's holidays the examples touch (the demo company's list has them all).
const VN = workingCalendar(
  [1, 2, 3, 4, 5],
  ['2025-09-01', '2025-09-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
);

describe('reporting deadline and reminder stages (worked examples)', () => {
  it('deadline Friday 05/09/2025 → before Wed 03/09, late Mon 08/09, escalation Tue 09/09, escalation-2 Thu 11/09', () => {
    // August 2025 ends Sunday 31/08; + 5 days → Friday 05/09, a working day
    expect(reportingDeadline('2025-08-31', 5, VN)).toBe('2025-09-05');
    expect(stageDays('2025-09-05', VN)).toEqual({ before: '2025-09-03', late: '2025-09-08', escalation: '2025-09-09', 'escalation-2': '2025-09-11' });
  });

  it('a deadline on a Saturday moves to Monday; stages count working days only', () => {
    // September 2025 ends 30/09; + 4 days → Saturday 04/10 → Monday 06/10
    expect(reportingDeadline('2025-09-30', 4, VN)).toBe('2025-10-06');
    // before: Fri 03/10, Thu 02/10 → Thu 02/10; late Tue 07/10; escalation Wed 08/10; escalation-2: 07, 08, 09, 10 → Fri 10/10
    expect(stageDays('2025-10-06', VN)).toEqual({ before: '2025-10-02', late: '2025-10-07', escalation: '2025-10-08', 'escalation-2': '2025-10-10' });
  });

  it('a deadline on Quốc khánh 02/09/2025 (with its extra day 01/09) moves to Wednesday 03/09', () => {
    expect(reportingDeadline('2025-08-31', 2, VN)).toBe('2025-09-03');
    // before skips 02/09, 01/09 (holidays) and 31/08, 30/08 (weekend): Fri 29/08, Thu 28/08 → Thu 28/08
    // escalation-2: Thu 04, Fri 05, Mon 08, Tue 09 → Tue 09/09
    expect(stageDays('2025-09-03', VN)).toEqual({ before: '2025-08-28', late: '2025-09-04', escalation: '2025-09-05', 'escalation-2': '2025-09-09' });
  });

  it('a deadline in Tết 2026 (16–20/02) moves past the holidays and the weekend to Monday 23/02', () => {
    // January 2026 ends 31/01; + 16 days → Monday 16/02 (Tết) → 17–20 Tết, 21–22 weekend → Monday 23/02
    expect(reportingDeadline('2026-01-31', 16, VN)).toBe('2026-02-23');
    // before: back over Tết and the weekend → Fri 13/02, Thu 12/02
    expect(stageDays('2026-02-23', VN)).toEqual({ before: '2026-02-12', late: '2026-02-24', escalation: '2026-02-25', 'escalation-2': '2026-02-27' });
  });

  it('a Monday–Saturday week keeps a Saturday deadline and skips only Sundays', () => {
    const monSat = workingCalendar([1, 2, 3, 4, 5, 6], []);
    // August 2025 + 6 days → Saturday 06/09: a working day here, Monday 08/09 in a Monday–Friday week
    expect(reportingDeadline('2025-08-31', 6, monSat)).toBe('2025-09-06');
    expect(reportingDeadline('2025-08-31', 6, STANDARD_CALENDAR)).toBe('2025-09-08');
    // before: Fri 05, Thu 04 → Thu 04/09; late: Sunday skipped → Mon 08/09; escalation-2: Mon 08, Tue 09, Wed 10, Thu 11
    expect(stageDays('2025-09-06', monSat)).toEqual({ before: '2025-09-04', late: '2025-09-08', escalation: '2025-09-09', 'escalation-2': '2025-09-11' });
  });

  it('uses the company offsets', () => {
    // before 0 = on the deadline day; escalation 1 = with late; escalation-2 after 3 working days
    expect(stageDays('2025-09-05', VN, { remindBeforeDays: 0, escalateAfterDays: 1, escalate2AfterDays: 3 })).toEqual({
      before: '2025-09-05',
      late: '2025-09-08',
      escalation: '2025-09-08',
      'escalation-2': '2025-09-10',
    });
  });

  it('a KPI without report_within_days has no deadline', () => {
    expect(reportingDeadline('2025-08-31', null, VN)).toBeNull();
  });

  it('the deadline ends at midnight and stages are at 09:00 in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(deadlineEnds('2025-09-05', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2025-09-05T17:00:00.000Z');
    expect(stageInstant('2025-09-03', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2025-09-03T02:00:00.000Z');
    // a zone with daylight saving: 09:00 in Paris is 07:00Z in summer, 08:00Z in winter
    expect(stageInstant('2025-07-01', 'Europe/Paris').toISOString()).toBe('2025-07-01T07:00:00.000Z');
    expect(stageInstant('2025-12-01', 'Europe/Paris').toISOString()).toBe('2025-12-01T08:00:00.000Z');
  });

  it('measurement state: done, late after the deadline day, due soon within 3 days, else due', () => {
    expect(measurementState('2025-09-05', '2025-09-20', true)).toBe('done');
    expect(measurementState('2025-09-05', '2025-09-06', false)).toBe('late');
    expect(measurementState('2025-09-05', '2025-09-05', false)).toBe('due-soon');
    expect(measurementState('2025-09-05', '2025-09-02', false)).toBe('due-soon');
    expect(measurementState('2025-09-05', '2025-09-01', false)).toBe('due');
  });
});
