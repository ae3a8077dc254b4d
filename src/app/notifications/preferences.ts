import type { NotificationCategory } from '../../core/notifications/category';
import type { EmailPreference } from './ports';

/**
 * What a user gets by e-mail when they never chose: every category at once. Reminders, alerts, appraisal and
 * cycle notices ask for action; a report arrives only because the user subscribed to it.
 */
export const DEFAULT_EMAIL_PREFERENCE: Record<NotificationCategory, EmailPreference> = {
  reminders: 'immediate',
  alerts: 'immediate',
  appraisal: 'immediate',
  cycles: 'immediate',
  reports: 'immediate',
};

export function emailPreferenceOf(stored: Partial<Record<NotificationCategory, EmailPreference>>, category: NotificationCategory): EmailPreference {
  return stored[category] ?? DEFAULT_EMAIL_PREFERENCE[category];
}
