import { REMINDER_HOUR } from '../../core/calendar';
import type { Job } from '../scheduler/job';
import { whenChanged } from '../scheduler/when-changed';
import { sendDueReminders } from './send';

/** Sends the reminders that are due (before, late, escalation, escalation-2), each exactly once. */
export const remindersJob: Job = whenChanged(
  {
    name: 'reminders',
    run: async ({ store, now }) => {
      await sendDueReminders(store, now);
    },
  },
  REMINDER_HOUR,
);
