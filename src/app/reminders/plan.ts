import { deadlineEnds, REMINDER_STAGES, stageDays, stageInstant, type ReminderStage } from '../../core/calendar';
import { addDays, localDate, type IsoDate } from '../../core/period';
import { expectedReports, periodsWithDeadlinesIn } from '../calendar/expected-reports';
import { measurerOf } from '../calendar/measurement-calendar';
import { loadCompanyCalendar } from '../calendar/settings';
import type { KpiRecord, Store, TargetScope } from '../ports';
import { reminderKeyText, type ReminderKey } from './ports';
import { managerFinder } from './recipients';

/** Reminders are only sent for deadlines within the last 30 days: a period that ended long ago is not chased. */
export const RECENT_DEADLINE_DAYS = 30;
/** How far ahead deadlines are looked at (a `before` stage is at most 30 working days ahead). */
const AHEAD_DAYS = 62;

export interface DueReminder extends ReminderKey {
  kpi: KpiRecord;
  deadline: IsoDate;
  measurerPersonId: number;
}

/** Which person gets a stage: the measurer (before, late), their manager (escalation), that manager's manager (escalation-2). */
function recipientOf(stage: ReminderStage, measurer: number, managerOf: (id: number) => number | null): number | null {
  if (stage === 'before' || stage === 'late') return measurer;
  const manager = managerOf(measurer);
  if (stage === 'escalation' || manager === null) return manager;
  return managerOf(manager);
}

/**
 * The reminders due at `at` and not sent yet: for every expected report with no value in, whose deadline is
 * within the last 30 days (or ahead), each stage whose 09:00 has come (`before` only until the deadline day
 * ends), to its recipient's login. Stages stop as soon as the value is in (the report then has an actual).
 */
export async function dueReminders(store: Store, at: Date): Promise<DueReminder[]> {
  const { calendar, offsets, timezone } = await loadCompanyCalendar(store);
  const today = localDate(at, timezone);
  const from = addDays(today, -RECENT_DEADLINE_DAYS);
  const to = addDays(today, AHEAD_DAYS);
  const kpis = await store.kpis.list();
  const open = (await expectedReports(store, kpis, periodsWithDeadlinesIn(kpis, from, to), calendar, { openOnly: true })).filter(
    (e) => e.deadline >= from && e.deadline <= to, // open only: the database left out the reports already in
  );
  if (open.length === 0) return [];

  const [members, units, users, sent] = await Promise.all([
    store.people.activeMembers(),
    store.units.list(),
    store.users.list(),
    store.reminders.sentFor([...new Set(open.map((e) => e.period.key))]),
  ]);
  const managerOf = managerFinder(members, units);
  const activeMember = new Set(members.map((m) => m.id));
  const loginOf = new Map(users.filter((u) => u.active && u.personId !== null).map((u) => [u.personId!, u.id]));

  // The stages whose 09:00 has come depend on the deadline only: worked out once per deadline day, not per report
  // (a 10,000-person company has ~160,000 open reports and a few dozen deadline days).
  const stagesByDeadline = new Map<IsoDate, ReminderStage[]>();
  const stagesDue = (deadline: IsoDate): ReminderStage[] => {
    let stages = stagesByDeadline.get(deadline);
    if (stages === undefined) {
      const days = stageDays(deadline, calendar, offsets);
      const ended = at >= deadlineEnds(deadline, timezone);
      stages = REMINDER_STAGES.filter((stage) => stageInstant(days[stage], timezone) <= at && !(stage === 'before' && ended));
      stagesByDeadline.set(deadline, stages);
    }
    return stages;
  };

  const due: DueReminder[] = [];
  for (const e of open) {
    const stages = stagesDue(e.deadline);
    if (stages.length === 0) continue;
    const measurer = measurerOf(e.kpi, e.scope);
    if (measurer === null || !activeMember.has(measurer)) continue;
    for (const stage of stages) {
      const person = recipientOf(stage, measurer, managerOf);
      const userId = person === null ? undefined : loginOf.get(person);
      if (userId === undefined) continue;
      const key: ReminderKey = { kpiId: e.kpi.id, scope: e.scope as TargetScope, periodKey: e.period.key, stage, recipientUserId: userId };
      if (sent.has(reminderKeyText(key))) continue;
      due.push({ ...key, kpi: e.kpi, deadline: e.deadline, measurerPersonId: measurer });
    }
  }
  return due;
}
