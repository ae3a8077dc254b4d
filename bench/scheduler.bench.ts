import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { expectedReports, measuredKpis, periodsWithDeadlinesIn } from '../src/app/calendar/expected-reports';
import { loadCompanyCalendar } from '../src/app/calendar/settings';
import { generateCompany } from '../src/app/demo/generate/generate-company';
import { getScorecard } from '../src/app/evaluation/scorecard';
import { sendRedAlerts } from '../src/app/notifications/red-alerts-job';
import { RECENT_DEADLINE_DAYS } from '../src/app/reminders/plan';
import { periodKindOf } from '../src/core/actuals';
import { addDays, localDate } from '../src/core/period';
import { createStore } from '../src/db/store';
import { onEachEngine } from './databases';
import { time, type Bench, type Measurement } from './harness';

/** People in the generated company; the load runs' 10,000 is `SCHEDULER_PEOPLE=10000`. */
const PEOPLE = Number(process.env.SCHEDULER_PEOPLE ?? 1000);

const nextMonthStart = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * What a scheduler tick costs for a whole company: the open reports reminders chase (against a hand-written count),
 * and red alerts for the company and every unit (against one scorecard per scope, how the job worked before).
 */
const bench: Bench = {
  name: 'scheduler',
  async run({ engines, log }): Promise<Measurement[]> {
    const rows = await onEachEngine(engines, async (engine, database): Promise<Measurement[]> => {
      const db = database.db;
      const summary = await generateCompany(database, { people: PEOPLE, years: 1, orders: 0 });
      // Generated KPIs have no owner: give each one a unit head's login, so red alerts have someone to tell.
      await sql`UPDATE kpis SET owner_id = (SELECT p.id FROM people p JOIN users u ON u.id = p.user_id WHERE u.role = 'manager' ORDER BY p.id OFFSET (kpis.id % 3) LIMIT 1)`.execute(db);
      await sql`ANALYZE`.execute(db);
      const store = createStore(db);
      const now = new Date(`${nextMonthStart(summary.period)}T03:00:00Z`); // 10:00 in Hồ Chí Minh City

      // Reminders: every open report whose deadline may fall in the window.
      const { calendar, timezone } = await loadCompanyCalendar(store);
      const today = localDate(now, timezone);
      const kpis = await store.kpis.list();
      const windows = periodsWithDeadlinesIn(kpis, addDays(today, -RECENT_DEADLINE_DAYS), addDays(today, 62));
      let open = 0;
      const oursSeconds = await time(async () => (open = (await expectedReports(store, kpis, windows, calendar, { openOnly: true })).length));
      let handCount = 0;
      const handSeconds = await time(async () => {
        handCount = 0;
        for (const [kind, periods] of windows) {
          const ids = measuredKpis(kpis).filter((k) => periodKindOf(k.frequency!) === kind).map((k) => k.id);
          if (ids.length === 0 || periods.length === 0) continue;
          const { rows } = await sql<{ n: string }>`
            SELECT count(*) AS n FROM kpi_targets t
            WHERE t.kpi_id = ANY(${ids}::int[]) AND t.period_key = ANY(${periods.map((p) => p.key)}::text[])
              AND NOT EXISTS (SELECT 1 FROM kpi_actuals a WHERE a.kpi_id = t.kpi_id AND a.period_kind = ${kind}
                AND a.period_start = t.period_start AND a.scope_type = t.scope_type AND COALESCE(a.scope_id, 0) = COALESCE(t.scope_id, 0))`.execute(db);
          handCount += Number(rows[0]!.n);
        }
      });
      log(`    ${engine} ${PEOPLE.toLocaleString('en-US')} people: ${open.toLocaleString('en-US')} open reports (hand-written SQL: ${handCount.toLocaleString('en-US')})`);

      // Red alerts: the job (all units at once, and the notices) against one scorecard per scope.
      let sent = 0;
      const alertSeconds = await time(async () => (sent = await sendRedAlerts({ store, now })));
      const units = (await store.units.list()).filter((u) => !u.archived);
      const ownerOf = new Map(kpis.map((k) => [k.code, k.ownerId]));
      const owners = new Map((await store.users.list()).filter((u) => u.personId !== null).map((u) => [u.personId!, u.id]));
      const expected: string[] = [];
      const scorecardSeconds = await time(async () => {
        for (const s of [{ scope: { type: 'company', id: null } as const, key: 'company' }, ...units.map((u) => ({ scope: { type: 'unit', id: u.id } as const, key: `unit:${u.code}` }))]) {
          const card = await getScorecard(store, SYSTEM_ACTOR, { period: summary.period, scope: s.scope, now });
          for (const item of card.items) if (item.status === 'red') expected.push(`${owners.get(ownerOf.get(item.code)!)}|kpi.red|${item.code}|${s.key}|${summary.period}`);
        }
      });
      const given = await db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('kind', '=', 'kpi.red').execute();
      const alertsAgree = sent === expected.length && JSON.stringify(given.map((g) => `${g.user_id}|${g.dedupe_key}`).sort()) === JSON.stringify(expected.sort());
      log(`    ${engine}: ${sent} red alerts over ${units.length} units (scorecards: ${expected.length})`);
      return [
        {
          name: `reminders: open reports of the deadline window (${PEOPLE.toLocaleString('en-US')} people)`,
          engine,
          value: oursSeconds * 1000,
          unit: 'ms',
          baseline: 'hand-written SQL count',
          baselineValue: handSeconds * 1000,
          better: 'lower',
          agree: open === handCount && open > 0,
          note: `${open.toLocaleString('en-US')} open (KPI, scope, period) reports loaded with their KPI, period and deadline; the baseline only counts them`,
        },
        {
          name: `red alerts: company and every unit (${PEOPLE.toLocaleString('en-US')} people)`,
          engine,
          value: alertSeconds * 1000,
          unit: 'ms',
          baseline: 'one scorecard per scope',
          baselineValue: scorecardSeconds * 1000,
          better: 'lower',
          agree: alertsAgree && sent > 0,
          note: `${units.length} units; ours also sends the ${sent} notices (a transaction each); the same (owner, KPI, scope, period) set as the scorecards'`,
        },
      ];
    });
    return rows.flat();
  },
};

export default bench;
