import type { Job } from './job';
import { remindersJob } from '../reminders/job';
import { redAlertsJob } from '../notifications/red-alerts-job';
import { digestJob } from '../notifications/digest-job';
import { subscriptionsJob } from '../subscriptions/job';
import { mailJob } from '../mail/job';
import { webhooksJob } from '../webhooks/job';

/** Every scheduled job, in the order a tick runs them: what creates notifications and mail first, what delivers them last. */
export const JOBS: readonly Job[] = [remindersJob, redAlertsJob, digestJob, subscriptionsJob, mailJob, webhooksJob];
