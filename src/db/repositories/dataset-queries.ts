import { CompiledQuery, type Kysely } from 'kysely';
import type { CohortCount, DatasetQueriesStore, MeasureRow } from '../../app/datasets/ports';
import type { CohortColumnsPlan, CohortPlan, RepeatSharePlan } from '../../core/dataset/cohort';
import { periodKeySql } from '../../core/dataset/grain';
import { DomainError } from '../../core/errors';
import { DATASET_QUERY_TIMEOUT_MS } from '../../core/limits';
import type { DB } from '../schema';

/**
 * Measures and cohorts as single SQL statements over a dataset table. The plans come from core/dataset: their
 * identifiers are quoted catalogue names and every user value is a parameter; this file only adds the
 * statement's frame (SELECT … GROUP BY, the cohort CTEs) and constants of its own.
 */
export function datasetQueriesRepo(db: Kysely<DB>, timeoutMs: number = DATASET_QUERY_TIMEOUT_MS): DatasetQueriesStore {
  // Each statement runs in its own transaction with a statement timeout, so one expensive question over a
  // huge table cannot hold a connection for long (PostgreSQL cancels it: SQLSTATE 57014, answered as 422).
  const run = async <R>(text: string, params: readonly unknown[]) => {
    const timed = async (trx: Kysely<DB>) => {
      await trx.executeQuery(CompiledQuery.raw(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`));
      return (await trx.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
    };
    try {
      return db.isTransaction ? await timed(db) : await db.transaction().execute(timed);
    } catch (error) {
      if ((error as { code?: unknown }).code === '57014') throw queryTooSlow(timeoutMs);
      throw error;
    }
  };

  return {
    async measures(plan, maxRows) {
      const select = [...plan.groups.map((g, i) => `${g.sql} AS g${i}`), ...plan.measures.map((m, i) => `${m.sql} AS m${i}`)];
      const positions = plan.groups.map((_, i) => i + 1).join(', ');
      const text = [
        `SELECT ${select.join(', ')} FROM ${plan.table}`,
        plan.where ? `WHERE ${plan.where}` : '',
        plan.groups.length > 0 ? `GROUP BY ${positions} ORDER BY ${positions}` : '',
        `LIMIT ${Math.floor(maxRows) + 1}`,
      ].join(' ');
      const rows = await run<Record<string, unknown>>(text, plan.params);
      return rows.map(
        (r): MeasureRow => ({
          groups: plan.groups.map((_, i) => r[`g${i}`]),
          measures: plan.measures.map((_, i) => (r[`m${i}`] === null ? null : String(r[`m${i}`]))),
        }),
      );
    },

    async cohorts(plan, timeZone) {
      const params: unknown[] = plan.needsTz ? [timeZone] : [];
      params.push(plan.withinDays);
      const within = `$${params.length}::integer`;
      const firstEvents = plan.event
        ? `, first_events AS (SELECT DISTINCT ev.c, ev.e FROM ev JOIN firsts f ON f.c = ev.c AND ev.d = f.d0)`
        : '';
      // With an event column, a later row of an event already seen on the first day is not a return.
      const join = plan.event ? 'LEFT JOIN first_events fe ON fe.c = ev.c AND fe.e = ev.e' : '';
      const different = plan.event ? ' AND fe.c IS NULL' : '';
      // Grouped by the first event's value of another column too: the smallest value of the first day.
      const firstBy = plan.firstBy
        ? `, first_by AS (SELECT ev.c, min(ev.fb) AS fb FROM ev JOIN firsts f ON f.c = ev.c AND ev.d = f.d0 GROUP BY ev.c)`
        : '';
      const text = `WITH ${eventsCte(plan)},
        firsts AS (SELECT c, min(d) AS d0 FROM ev GROUP BY c)${firstEvents}${firstBy},
        came_back AS (
          SELECT DISTINCT ev.c FROM ev JOIN firsts f ON f.c = ev.c ${join}
          WHERE ev.d > f.d0 AND ev.d <= f.d0 + ${within}${different})
        SELECT ${periodKeySql('f.d0', plan.cohort)} AS period${plan.firstBy ? ', fb.fb AS first' : ''}, count(*) AS customers, count(r.c) AS returning
        FROM firsts f LEFT JOIN came_back r ON r.c = f.c${plan.firstBy ? ' JOIN first_by fb ON fb.c = f.c GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST' : ' GROUP BY 1 ORDER BY 1'}`;
      const rows = await run<RawCount & { first?: string | null }>(text, params);
      return plan.firstBy ? rows.map((r) => ({ ...counts([r])[0]!, first: r.first ?? null })) : counts(rows);
    },

    async repeatShare(plan: RepeatSharePlan, timeZone) {
      const params: unknown[] = plan.needsTz ? [timeZone] : [];
      const range: string[] = [];
      if (plan.from) range.push(`d >= $${params.push(plan.from)}::date`);
      if (plan.to) range.push(`d <= $${params.push(plan.to)}::date`);
      const text = `WITH ${eventsCte(plan)},
        firsts AS (SELECT c, min(d) AS d0 FROM ev GROUP BY c),
        active AS (
          SELECT DISTINCT c, CAST(date_trunc('${plan.period}', d) AS date) AS p FROM ev
          ${range.length > 0 ? `WHERE ${range.join(' AND ')}` : ''})
        SELECT ${periodKeySql('a.p', plan.period)} AS period, count(*) AS customers, count(*) FILTER (WHERE f.d0 < a.p) AS returning
        FROM active a JOIN firsts f ON f.c = a.c GROUP BY a.p ORDER BY a.p`;
      return counts(await run<RawCount>(text, params));
    },
  };
}

interface RawCount {
  period: string;
  customers: string | number;
  returning: string | number;
}

function counts(rows: RawCount[]): CohortCount[] {
  return rows.map((r) => ({ period: r.period, customers: Number(r.customers), returning: Number(r.returning) }));
}

/**
 * The events of customers: (customer, company-local date[, event]); rows missing one of them are no event.
 * Materialized: it is read twice, and converting each datetime to the company's calendar once costs less than
 * scanning the table twice (PGlite ×3 on 1M rows).
 */
function eventsCte(plan: CohortColumnsPlan | CohortPlan): string {
  const firstBy = 'firstBy' in plan && plan.firstBy ? `, (${plan.firstBy})::text AS fb` : '';
  const event = plan.event ? `, ${plan.event} AS e${firstBy}` : firstBy;
  const eventPresent = plan.event ? ` AND ${plan.event} IS NOT NULL` : '';
  return `ev AS MATERIALIZED (
    SELECT ${plan.customer} AS c, ${plan.date} AS d${event} FROM ${plan.table}
    WHERE ${plan.customer} IS NOT NULL AND ${plan.dateColumn} IS NOT NULL${eventPresent})`;
}

function queryTooSlow(timeoutMs: number): DomainError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new DomainError(
    'DATASET_QUERY_TOO_SLOW',
    {
      vi: `Truy vấn chạy quá ${seconds} giây nên đã bị dừng. Hãy thu hẹp khoảng thời gian, thêm điều kiện lọc hoặc bớt cột nhóm.`,
      en: `The query ran longer than ${seconds} s and was stopped. Narrow the dates, add a filter or group by fewer columns.`,
    },
    { params: { timeoutMs } },
  );
}
