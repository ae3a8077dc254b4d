import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../../../test/helpers/db';
import { connect, type Database } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { createStore } from '../../db/store';
import { runJobsOnce } from '../scheduler/runner';
import { remindersJob } from './job';
import { buildReminderWorld } from './test-world';

const quiet = { error: (obj: object, msg: string) => console.error(msg, obj), info: () => undefined };
const HOUR = 3_600_000;

/**
 * Two app instances (two connections, two stores) on one PostgreSQL tick together every simulated hour of
 * September 2025. Due by hand (test-world.ts):
 *   DT_THANG, KD-MB:   before Lan 03/09, late Lan 08/09, escalation Hà 09/09, escalation-2 Minh 11/09 → 4
 *   DT_THANG, Lan:     the same four                                                                 → 4
 *   SO_DON, KD-MB:     before Hà (due 28/08, sent at the first tick 01/09), late Hà 04/09,
 *                      escalation Minh 05/09, escalation-2 nobody (Minh has no manager)              → 3
 * = 11 reminders, each exactly once.
 */
describe.skipIf(!process.env.DATABASE_URL)('two runners on one PostgreSQL over a simulated month', () => {
  let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    fresh = await freshPostgresDatabase();
    a = await connect({ databaseUrl: fresh.url });
    b = await connect({ databaseUrl: fresh.url });
    await migrate(a.db);
    await buildReminderWorld(createStore(a.db));
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await fresh.drop();
  });

  it('sends each due reminder exactly once', async () => {
    const [storeA, storeB] = [createStore(a.db), createStore(b.db)];
    const start = new Date('2025-09-01T00:00:00Z').getTime();
    for (let t = start; t < start + 30 * 24 * HOUR; t += HOUR) {
      const now = new Date(t);
      const failed = await Promise.all([runJobsOnce(storeA, now, quiet, [remindersJob]), runJobsOnce(storeB, now, quiet, [remindersJob])]);
      expect(failed.flat()).toEqual([]);
    }
    const log = await a.db
      .selectFrom('reminder_log')
      .innerJoin('users', 'users.id', 'reminder_log.recipient_user_id')
      .innerJoin('kpis', 'kpis.id', 'reminder_log.kpi_id')
      .select(['kpis.code', 'reminder_log.scope_type', 'reminder_log.stage', 'users.email', 'reminder_log.sent_at'])
      .orderBy('reminder_log.sent_at')
      .orderBy('kpis.code')
      .orderBy('reminder_log.scope_type')
      .execute();
    // 09:00 in Hồ Chí Minh City = 02:00 UTC: the first hourly tick at or after it
    expect(log.map((r) => [r.code, r.scope_type, r.stage, r.email, new Date(r.sent_at).toISOString()])).toEqual([
      ['SO_DON', 'unit', 'before', 'ha@minhan.vn', '2025-09-01T00:00:00.000Z'],
      ['DT_THANG', 'person', 'before', 'lan@minhan.vn', '2025-09-03T02:00:00.000Z'],
      ['DT_THANG', 'unit', 'before', 'lan@minhan.vn', '2025-09-03T02:00:00.000Z'],
      ['SO_DON', 'unit', 'late', 'ha@minhan.vn', '2025-09-04T02:00:00.000Z'],
      ['SO_DON', 'unit', 'escalation', 'minh@minhan.vn', '2025-09-05T02:00:00.000Z'],
      ['DT_THANG', 'person', 'late', 'lan@minhan.vn', '2025-09-08T02:00:00.000Z'],
      ['DT_THANG', 'unit', 'late', 'lan@minhan.vn', '2025-09-08T02:00:00.000Z'],
      ['DT_THANG', 'person', 'escalation', 'ha@minhan.vn', '2025-09-09T02:00:00.000Z'],
      ['DT_THANG', 'unit', 'escalation', 'ha@minhan.vn', '2025-09-09T02:00:00.000Z'],
      ['DT_THANG', 'person', 'escalation-2', 'minh@minhan.vn', '2025-09-11T02:00:00.000Z'],
      ['DT_THANG', 'unit', 'escalation-2', 'minh@minhan.vn', '2025-09-11T02:00:00.000Z'],
    ]);
    const bell = await a.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(bell.n)).toBe(11);
  }, 600_000);
});
