import { describe, expect, it } from 'vitest';
import { dueRun, firstWorkingDayOfWeek } from './schedule';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', workingDays: [1, 2, 3, 4, 5], holidays: new Set<string>() };
// Quốc khánh 2025: Monday 01/09 and Tuesday 02/09 are holidays.
const NATIONAL_DAY = { ...HANOI, holidays: new Set(['2025-09-01', '2025-09-02']) };

describe('when a subscription is due (07:00 Hanoi = 00:00 UTC)', () => {
  it('weekly: Monday 08/12/2025 at 07:00, week 50, for December to date; not at 06:59', () => {
    expect(dueRun('weekly', new Date('2025-12-08T00:00:00Z'), HANOI)).toEqual({ key: 'week:2025-W50', periodKey: '2025-12' });
    expect(dueRun('weekly', new Date('2025-12-07T23:59:00Z'), HANOI)).toBeNull();
    // Later in the same week the same run is due (a missed tick catches up), with the same key.
    expect(dueRun('weekly', new Date('2025-12-11T03:00:00Z'), HANOI)).toEqual({ key: 'week:2025-W50', periodKey: '2025-12' });
  });

  it('weekly on Monday 01/12/2025: the week before ended in November, so the whole of November', () => {
    expect(dueRun('weekly', new Date('2025-12-01T00:00:00Z'), HANOI)).toEqual({ key: 'week:2025-W49', periodKey: '2025-11' });
  });

  it('weekly after a holiday Monday and Tuesday: Wednesday 03/09/2025 at 07:00', () => {
    expect(firstWorkingDayOfWeek('2025-09-02', NATIONAL_DAY)).toBe('2025-09-03');
    expect(dueRun('weekly', new Date('2025-09-02T02:00:00Z'), NATIONAL_DAY)).toBeNull();
    expect(dueRun('weekly', new Date('2025-09-03T00:00:00Z'), NATIONAL_DAY)).toEqual({ key: 'week:2025-W36', periodKey: '2025-08' });
  });

  it('weekly with a Saturday-only working week: Saturday 13/12/2025', () => {
    const saturdays = { ...HANOI, workingDays: [6] };
    expect(dueRun('weekly', new Date('2025-12-12T10:00:00Z'), saturdays)).toBeNull();
    expect(dueRun('weekly', new Date('2025-12-13T00:00:00Z'), saturdays)).toEqual({ key: 'week:2025-W50', periodKey: '2025-12' });
  });

  it('monthly: the 1st at 07:00 for the previous month; 06:00 on the 1st is not yet', () => {
    expect(dueRun('monthly', new Date('2025-12-01T00:00:00Z'), HANOI)).toEqual({ key: 'month:2025-12', periodKey: '2025-11' });
    expect(dueRun('monthly', new Date('2025-11-30T23:00:00Z'), HANOI)).toBeNull();
    expect(dueRun('monthly', new Date('2026-01-01T00:00:00Z'), HANOI)).toEqual({ key: 'month:2026-01', periodKey: '2025-12' });
    expect(dueRun('monthly', new Date('2026-03-15T08:00:00Z'), HANOI)).toEqual({ key: 'month:2026-03', periodKey: '2026-02' });
  });
});
