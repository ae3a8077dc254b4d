import type { Kysely } from 'kysely';
import type { Store } from '../app/ports';
import { appraisalCyclesRepo } from './repositories/appraisal-cycles';
import { appraisalResultsRepo } from './repositories/appraisal-results';
import { appraisalSetupRepo } from './repositories/appraisal-setup';
import { appraisalSheetsRepo } from './repositories/appraisal-sheets';
import { actualsRepo } from './repositories/actuals';
import { apiTokensRepo } from './repositories/api-tokens';
import { datasetQueriesRepo } from './repositories/dataset-queries';
import { datasetsRepo } from './repositories/datasets';
import { kpiBindingsRepo } from './repositories/kpi-bindings';
import { marketingRepo } from './repositories/marketing';
import { auditRepo } from './repositories/audit';
import { evidenceRepo } from './repositories/evidence';
import { companyRepo } from './repositories/company';
import { dataVersionRepo } from './repositories/data-version';
import { kpisRepo } from './repositories/kpis';
import { peopleRepo } from './repositories/people';
import { positionsRepo } from './repositories/positions';
import { loginLockoutsRepo } from './repositories/login-lockouts';
import { loginWindowsRepo } from './repositories/login-windows';
import { sessionsRepo } from './repositories/sessions';
import { targetsRepo } from './repositories/targets';
import { unitsRepo } from './repositories/units';
import { usersRepo } from './repositories/users';
import { calendarRepo } from './repositories/calendar';
import { remindersRepo } from './repositories/reminders';
import { diagnosticsRepo } from './repositories/diagnostics';
import { notificationsRepo } from './repositories/notifications';
import { mailRepo } from './repositories/mail';
import { webhooksRepo } from './repositories/webhooks';
import { subscriptionsRepo } from './repositories/subscriptions';
import type { DB } from './schema';

/** The Kysely implementation of the app's storage port. Nested transactions reuse the outer one. */
export function createStore(db: Kysely<DB>, inTransaction = false): Store {
  return {
    transaction: (fn) => (inTransaction ? fn(createStore(db, true)) : db.transaction().execute((trx) => fn(createStore(trx, true)))),
    dataVersion: dataVersionRepo(db),
    company: companyRepo(db),
    users: usersRepo(db),
    sessions: sessionsRepo(db),
    loginLockouts: loginLockoutsRepo(db),
    loginWindows: loginWindowsRepo(db),
    units: unitsRepo(db),
    positions: positionsRepo(db),
    people: peopleRepo(db),
    kpis: kpisRepo(db),
    targets: targetsRepo(db),
    actuals: actualsRepo(db),
    evidence: evidenceRepo(db),
    apiTokens: apiTokensRepo(db),
    audit: auditRepo(db),
    datasets: datasetsRepo(db),
    datasetQueries: datasetQueriesRepo(db),
    kpiBindings: kpiBindingsRepo(db),
    marketing: marketingRepo(db),
    calendar: calendarRepo(db),
    reminders: remindersRepo(db),
    diagnostics: diagnosticsRepo(db),
    notifications: notificationsRepo(db),
    mail: mailRepo(db),
    webhooks: webhooksRepo(db),
    subscriptions: subscriptionsRepo(db),
    appraisal: { cycles: appraisalCyclesRepo(db), setup: appraisalSetupRepo(db), sheets: appraisalSheetsRepo(db), results: appraisalResultsRepo(db) },
  };
}
