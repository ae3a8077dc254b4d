import type { ReminderStage } from '../../core/calendar';
import type { TargetScope } from '../ports';

/** One reminder: a stage of one (KPI, scope, period) to one recipient. */
export interface ReminderKey {
  kpiId: number;
  scope: TargetScope;
  periodKey: string;
  stage: ReminderStage;
  recipientUserId: number;
}

/** The reminder log: each reminder is claimed exactly once (its primary key), across restarts and app instances. */
export interface RemindersStore {
  /**
   * Claims a reminder (INSERT … ON CONFLICT DO NOTHING RETURNING): true for the one caller that inserted it.
   * Run it in the transaction that sends the notice, so a failed send frees the claim.
   */
  claim(key: ReminderKey, sentAt: Date): Promise<boolean>;
  /** Keys (`reminderKeyText`) already sent for these periods, to skip them without a transaction each. */
  sentFor(periodKeys: readonly string[]): Promise<Set<string>>;
}

export function reminderKeyText(k: ReminderKey): string {
  const scopeId = k.scope.type === 'company' ? 0 : k.scope.id;
  return `${k.kpiId}|${k.scope.type}:${scopeId}|${k.periodKey}|${k.stage}|${k.recipientUserId}`;
}
