import type { Job } from '../scheduler/job';
import { sendDueReminders } from './send';

/** Sends the reminders that are due (before, late, escalation, escalation-2), each exactly once. */
export const remindersJob: Job = {
  name: 'reminders',
  run: async ({ store, now }) => {
    await sendDueReminders(store, now);
  },
};
