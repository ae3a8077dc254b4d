import { DEFAULT_STAGE_OFFSETS, STANDARD_CALENDAR, workingCalendar, type StageOffsets, type WorkingCalendar } from '../../core/calendar';
import { DomainError, issue, type Issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { getCompany } from '../company/company';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import type { CalendarSettings, Holiday } from './ports';

export interface CalendarView extends CalendarSettings {
  holidays: Holiday[];
}

/** Everything the deadline rule and the reminder stages need, read once. */
export interface CompanyCalendar {
  calendar: WorkingCalendar;
  offsets: StageOffsets;
  timezone: string;
}

const DEFAULT_SETTINGS: CalendarSettings = { workingDays: [...STANDARD_CALENDAR.workingDays], ...DEFAULT_STAGE_OFFSETS };

/** The company calendar the lateness rule and the reminders use (Monday–Friday, default offsets before set-up). */
export async function loadCompanyCalendar(store: Store): Promise<CompanyCalendar> {
  const [settings, holidays, company] = await Promise.all([store.calendar.settings(), store.calendar.holidays(), getCompany(store)]);
  const s = settings ?? DEFAULT_SETTINGS;
  return {
    calendar: workingCalendar(s.workingDays, holidays.map((h) => h.day)),
    offsets: { remindBeforeDays: s.remindBeforeDays, escalateAfterDays: s.escalateAfterDays, escalate2AfterDays: s.escalate2AfterDays },
    timezone: company.timezone,
  };
}

/** Just the working calendar, for the lateness of check-ins, pushes and imports (without reading the company again). */
export async function loadWorkingCalendar(store: Store): Promise<WorkingCalendar> {
  const [settings, holidays] = await Promise.all([store.calendar.settings(), store.calendar.holidays()]);
  return workingCalendar((settings ?? DEFAULT_SETTINGS).workingDays, holidays.map((h) => h.day));
}

export async function getCalendarSettings(store: Store, actor: Actor): Promise<CalendarView> {
  policy.require(actor, 'company.read', COMPANY);
  const [settings, holidays] = await Promise.all([store.calendar.settings(), store.calendar.holidays()]);
  return { ...(settings ?? DEFAULT_SETTINGS), holidays };
}

/** Replaces the working week, the offsets and the holiday list at once; a bad list changes nothing. */
export async function updateCalendarSettings(store: Store, actor: Actor, next: CalendarView): Promise<CalendarView> {
  policy.require(actor, 'company.manage', COMPANY);
  const problems = calendarProblems(next);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Lịch làm việc không hợp lệ.', en: 'The working calendar is invalid.' }, { issues: problems });
  }
  const holidays = [...next.holidays].sort((a, b) => a.day.localeCompare(b.day));
  const settings: CalendarSettings = {
    workingDays: [...new Set(next.workingDays)].sort((a, b) => a - b),
    remindBeforeDays: next.remindBeforeDays,
    escalateAfterDays: next.escalateAfterDays,
    escalate2AfterDays: next.escalate2AfterDays,
  };
  return store.transaction(async (tx) => {
    const before = await getCalendarSettings(tx, actor);
    if (!(await tx.company.get())) await tx.company.save(await getCompany(tx));
    await tx.calendar.saveSettings(settings);
    await tx.calendar.replaceHolidays(holidays);
    await tx.audit.record([
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'company_calendar',
        entityId: '1',
        before: { ...before, holidays: before.holidays.map((h) => h.day) },
        after: { ...settings, holidays: holidays.map((h) => h.day) },
      },
    ]);
    return { ...settings, holidays };
  });
}

function calendarProblems(next: CalendarView): Issue[] {
  const problems: Issue[] = [];
  if (next.workingDays.length === 0) {
    problems.push(issue('workingDays', 'empty_week', 'Chọn ít nhất một ngày làm việc trong tuần.', 'Choose at least one working day of the week.'));
  }
  if (new Set(next.workingDays).size !== next.workingDays.length) {
    problems.push(issue('workingDays', 'duplicate', 'Một ngày trong tuần được chọn hai lần.', 'A weekday is listed twice.'));
  }
  if (next.escalate2AfterDays <= next.escalateAfterDays) {
    problems.push(
      issue(
        'escalate2AfterDays',
        'not_after_escalation',
        'Nhắc cấp 2 phải sau nhắc cấp 1 (số ngày lớn hơn).',
        'The second escalation must come after the first (more days).',
      ),
    );
  }
  const seen = new Map<string, number>();
  next.holidays.forEach((h, i) => {
    const first = seen.get(h.day);
    if (first === undefined) seen.set(h.day, i);
    else {
      const [y, m, d] = h.day.split('-');
      problems.push(
        issue(`holidays.${i}.day`, 'duplicate', `Ngày ${d}/${m}/${y} đã có ở dòng ${first + 1}.`, `${d}/${m}/${y} is already listed on row ${first + 1}.`),
      );
    }
  });
  return problems;
}
