import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { BindingValueRow, KpiBindingsStore } from '../../app/kpi-binding/ports';
import type { DatasetColumnInfo } from '../../core/dataset/types';
import type { KpiBinding, ScopeMapping } from '../../core/kpi-binding';
import { ident, ROW_ID } from '../dataset-tables';
import { STAGING } from './datasets';
import type { DB } from '../schema';

/**
 * KPI bindings and the statements over their datasets. The plans come from core/kpi-binding: identifiers are
 * quoted catalogue names and every user value a parameter; this file adds the frame (GROUPING SETS, the date
 * range, paging) with parameters of its own.
 */
export function kpiBindingsRepo(db: Kysely<DB>): KpiBindingsStore {
  const run = async <R>(text: string, params: readonly unknown[]) => (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;

  return {
    async get(kpiId) {
      const r = await db.selectFrom('kpi_dataset_bindings').selectAll().where('kpi_id', '=', kpiId).executeTakeFirst();
      return r ? bindingFromRow(r) : null;
    },

    async save(kpiId, b, updatedBy) {
      const values = { dataset: b.dataset, measure: b.measure, date_column: b.dateColumn, scope_column: b.scopeColumn, scopes: JSON.stringify(b.scopes), updated_by: updatedBy, updated_at: sql<Date>`now()` };
      await db
        .insertInto('kpi_dataset_bindings')
        .values({ kpi_id: kpiId, ...values })
        .onConflict((oc) => oc.column('kpi_id').doUpdateSet(values))
        .execute();
    },

    async forDataset(dataset) {
      const rows = await db
        .selectFrom('kpi_dataset_bindings as b')
        .innerJoin('kpis as k', 'k.id', 'b.kpi_id')
        .selectAll('b')
        .where('b.dataset', '=', dataset)
        .where('k.source', '=', 'dataset')
        .where('k.status', '!=', 'archived')
        .orderBy('k.code')
        .execute();
      return rows.map((r) => ({ kpiId: r.kpi_id, binding: bindingFromRow(r) }));
    },

    async values(plan, range) {
      const params = [...plan.params];
      const where = range ? `WHERE ${plan.localDate} BETWEEN $${params.push(range.from)}::date AND $${params.push(range.to)}::date` : '';
      const parts = plan.numerator && plan.denominator ? `, ${plan.numerator} AS n, ${plan.denominator} AS d` : ', NULL AS n, NULL AS d';
      // Company totals (every row) and the mapped scopes in one pass; the unmapped values' group (NULL) is dropped.
      const text = plan.scope
        ? `SELECT * FROM (
             SELECT ${plan.period} AS p, ${plan.scope} AS s, GROUPING(${plan.scope}) AS total, ${plan.value} AS v${parts}
             FROM ${plan.table} ${where} GROUP BY GROUPING SETS ((${plan.period}), (${plan.period}, ${plan.scope}))) g
           WHERE total = 1 OR s IS NOT NULL ORDER BY p, s NULLS FIRST`
        : `SELECT ${plan.period} AS p, NULL AS s, ${plan.value} AS v${parts} FROM ${plan.table} ${where} GROUP BY 1 ORDER BY 1`;
      const rows = await run<{ p: string | null; s: string | null; v: unknown; n: unknown; d: unknown }>(text, params);
      return rows.flatMap((r): BindingValueRow[] =>
        r.p === null ? [] : [{ period: r.p, scope: r.s, value: text_(r.v), numerator: text_(r.n), denominator: text_(r.d) }],
      );
    },

    async rows(dataset, plan, filter, page) {
      const params = [...plan.params];
      const conditions = [`${plan.localDate} BETWEEN $${params.push(filter.range.from)}::date AND $${params.push(filter.range.to)}::date`];
      if (plan.rowFilter) conditions.push(`(${plan.rowFilter})`);
      if (filter.scopeValues && plan.scopeValue) conditions.push(`${plan.scopeValue} = ANY($${params.push(filter.scopeValues)}::text[])`);
      const where = `WHERE ${conditions.join(' AND ')}`;
      const total = await run<{ n: string }>(`SELECT count(*) AS n FROM ${plan.table} ${where}`, params);
      const rows = await run<Record<string, string | boolean | null>>(
        `SELECT ${dataset.columns.map(selectColumn).join(', ')} FROM ${plan.table} ${where} ORDER BY ${ROW_ID} OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`,
        params,
      );
      return { total: Number(total[0]?.n ?? 0), rows };
    },

    async mark(dataset) {
      const r = await run<{ n: string | null }>(`SELECT max(${ROW_ID}) AS n FROM ${ident(dataset.tableName, 'table')}`, []);
      return { lastRowId: Number(r[0]?.n ?? 0) };
    },

    async touchedDates(dataset, column, timeZone, since) {
      const info = dataset.columns.find((c) => c.name === column);
      if (!info || (info.type !== 'date' && info.type !== 'datetime')) return null;
      const date = (alias: string) => (info.type === 'datetime' ? `CAST(${alias}${ident(column, 'column')} AT TIME ZONE $1::text AS date)` : `${alias}${ident(column, 'column')}`);
      const params: unknown[] = info.type === 'datetime' ? [timeZone] : [];
      const table = ident(dataset.tableName, 'table');
      let from: string;
      if (since === 'staged') {
        // The staged rows, and the stored rows they are about to replace (their old dates lose a row).
        const keys = dataset.keyColumns.map((k) => `t.${ident(k, 'column')} = s.${ident(k, 'column')}`).join(' AND ');
        from = `(SELECT ${date('')} AS d FROM ${STAGING} UNION ALL SELECT ${date('t.')} FROM ${table} t JOIN ${STAGING} s ON ${keys}) x`;
      } else {
        from = `(SELECT ${date('')} AS d FROM ${table} WHERE ${ROW_ID} > $${params.push(since.lastRowId)}) x`;
      }
      const r = await run<{ lo: string | null; hi: string | null }>(`SELECT min(d)::text AS lo, max(d)::text AS hi FROM ${from}`, params);
      const lo = r[0]?.lo ?? null;
      const hi = r[0]?.hi ?? null;
      return lo && hi ? { from: lo, to: hi } : null;
    },

    async removeValues(slots) {
      if (slots.length === 0) return 0;
      const targets = sql`SELECT a.id FROM kpi_actuals a JOIN unnest(${slots.map((s) => s.kpiId)}::int[], ${slots.map((s) => s.kind)}::text[],
          ${slots.map((s) => s.start)}::date[], ${slots.map((s) => s.scope.type)}::text[], ${slots.map((s) => s.scope.id)}::int[])
          AS t(kpi_id, period_kind, period_start, scope_type, scope_id)
        ON a.kpi_id = t.kpi_id AND a.period_kind = t.period_kind AND a.period_start = t.period_start
           AND a.scope_type = t.scope_type AND coalesce(a.scope_id, 0) = coalesce(t.scope_id, 0)
        WHERE a.source = 'dataset'`;
      await sql`DELETE FROM kpi_actual_versions WHERE actual_id IN (${targets})`.execute(db);
      const res = await sql`DELETE FROM kpi_actuals WHERE id IN (${targets})`.execute(db);
      return Number(res.numAffectedRows ?? 0);
    },
  };
}

const text_ = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** As the dataset browser: exact numbers and dates as text, instants as ISO text in UTC. */
function selectColumn(c: DatasetColumnInfo): string {
  const col = ident(c.name, 'column');
  if (c.type === 'datetime') return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${col}`;
  if (c.type === 'integer' || c.type === 'decimal' || c.type === 'date') return `${col}::text AS ${col}`;
  return col;
}

function bindingFromRow(r: { dataset: string; measure: string; date_column: string; scope_column: string | null; scopes: unknown }): KpiBinding {
  const scopes = (typeof r.scopes === 'string' ? JSON.parse(r.scopes) : r.scopes) as ScopeMapping[];
  return { dataset: r.dataset, measure: r.measure, dateColumn: r.date_column, scopeColumn: r.scope_column, scopes };
}
