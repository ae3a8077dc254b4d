/** What a notification is about; each user chooses per category how its e-mails arrive. */
export const NOTIFICATION_CATEGORIES = ['reminders', 'alerts', 'appraisal', 'cycles', 'reports'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** The reminder stages of a reporting deadline, in order. */
export const REMINDER_STAGES = ['before', 'late', 'escalation', 'escalation-2'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];
