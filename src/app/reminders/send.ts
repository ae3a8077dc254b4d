import type { ReminderStage } from '../../core/calendar';
import { getCompany } from '../company/company';
import { notify } from '../notifications/notify';
import type { Store } from '../ports';
import { resolveScopes, scopeKey } from '../scope';
import { dueReminders } from './plan';
import { reminderText } from './texts';

/** A reminder claimed and sent by this run (what `openkpi reminders run` prints). */
export interface SentReminder {
  to: string;
  kpi: string;
  period: string;
  stage: ReminderStage;
}

/**
 * Sends the reminders due at `at`, each exactly once: the claim in reminder_log (its primary key) and the notice
 * are one transaction, so a second runner (another instance, or a restart) finds it claimed and sends nothing,
 * and a notice that fails frees its claim for the next tick.
 */
export async function sendDueReminders(store: Store, at: Date): Promise<SentReminder[]> {
  const due = await dueReminders(store, at);
  if (due.length === 0) return [];
  const [company, scopes, members, users] = await Promise.all([
    getCompany(store),
    resolveScopes(store, due.map((d) => d.scope)),
    store.people.activeMembers(),
    store.users.list(),
  ]);
  const unitName = new Map((await store.units.list()).map((u) => [u.id, u.name]));
  const personName = new Map(members.map((m) => [m.id, m.fullName]));
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const scopeLabel = (d: (typeof due)[number]) =>
    d.scope.type === 'company' ? company.name : d.scope.type === 'unit' ? (unitName.get(d.scope.id) ?? '') : (scopes.get(scopeKey(d.scope))?.person?.fullName ?? '');

  const sent: SentReminder[] = [];
  for (const d of due) {
    const facts = {
      stage: d.stage,
      kpiCode: d.kpi.code,
      kpiName: d.kpi.name,
      kpiNameEn: d.kpi.nameEn ?? null,
      periodKey: d.periodKey,
      scopeLabel: scopeLabel(d),
      deadline: d.deadline,
      measurerName: personName.get(d.measurerPersonId) ?? '',
    };
    const claimed = await store.transaction(async (tx) => {
      if (!(await tx.reminders.claim(d, at))) return false;
      await notify(
        tx,
        {
          userId: d.recipientUserId,
          category: 'reminders',
          kind: `reminder.${d.stage}`,
          text: (lang) => reminderText(facts, lang),
          link: '/calendar',
          dedupeKey: `reminder|${d.kpi.code}|${scopeKey(d.scope)}|${d.periodKey}|${d.stage}`,
          event: { name: `reminder.${d.stage}`, payload: { kpi: d.kpi.code, scope: scopeKey(d.scope), period: d.periodKey, stage: d.stage, deadline: d.deadline } },
        },
        at,
      );
      return true;
    });
    if (claimed) sent.push({ to: emailOf.get(d.recipientUserId) ?? '', kpi: d.kpi.code, period: d.periodKey, stage: d.stage });
  }
  return sent;
}
