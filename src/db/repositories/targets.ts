import { sql, type Kysely } from 'kysely';
import type { ScopedTargetValue, Store, TargetRecord, TargetScope } from '../../app/ports';
import type { DB } from '../schema';
import { num } from './numbers';

function scopeOf(type: 'company' | 'unit' | 'person', id: number | null): TargetScope {
  return type === 'company' ? { type, id: null } : { type, id: id! };
}

export function targetsRepo(db: Kysely<DB>): Store['targets'] {
  return {
    async list(q) {
      let query = db.selectFrom('kpi_targets').selectAll().orderBy('kpi_id').orderBy('period_start').orderBy('period_end', 'desc');
      if (q.kpiId !== undefined) query = query.where('kpi_id', '=', q.kpiId);
      if (q.scope) {
        query = query.where('scope_type', '=', q.scope.type);
        query = q.scope.id === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', q.scope.id);
      }
      if (q.from) query = query.where('period_end', '>=', q.from);
      if (q.to) query = query.where('period_start', '<=', q.to);
      const rows = await query.execute();
      return rows.map(
        (r): TargetRecord => ({
          id: r.id,
          kpiId: r.kpi_id,
          period: r.period_key,
          start: String(r.period_start),
          end: String(r.period_end),
          scope: scopeOf(r.scope_type, r.scope_id),
          value: num(r.value),
          ...(r.min_value !== null && { min: num(r.min_value) }),
          ...(r.max_value !== null && { max: num(r.max_value) }),
          ...(r.stretch !== null && { stretch: num(r.stretch) }),
          locked: r.locked,
        }),
      );
    },
    async reportSlots(q) {
      if (q.kpis.length === 0) return [];
      // The actual is matched on exactly the columns of its unique index (kpi_actuals_slot), so each lookup is exact
      // whatever plan the planner picks: on a freshly loaded table without statistics, a join on other columns
      // became a nested loop over every actual of the KPI (minutes at 10,000 people).
      const { rows } = await sql<{ kpi_id: number; scope_type: TargetScope['type']; scope_id: number | null; period_key: string; late: boolean | null }>`
        SELECT t.kpi_id, t.scope_type, t.scope_id, t.period_key, a.late
        FROM kpi_targets t
        JOIN unnest(${q.kpis.map((k) => k.kpiId)}::int[], ${q.kpis.map((k) => k.kind)}::text[]) AS k(kpi_id, kind) ON k.kpi_id = t.kpi_id
        LEFT JOIN kpi_actuals a ON a.kpi_id = t.kpi_id AND a.period_kind = k.kind AND a.period_start = t.period_start
          AND a.scope_type = t.scope_type AND COALESCE(a.scope_id, 0) = COALESCE(t.scope_id, 0)
        WHERE t.period_key IN (SELECT unnest(${q.periodKeys}::text[])) AND t.period_end >= ${q.from} AND t.period_start <= ${q.to}
          ${q.openOnly ? sql`AND a.id IS NULL` : sql``}`.execute(db);
      return rows.map((r) => ({ kpiId: r.kpi_id, scope: scopeOf(r.scope_type, r.scope_id), period: r.period_key, late: r.late }));
    },
    async upsert(targets) {
      for (let i = 0; i < targets.length; i += 1000) {
        const rows = targets.slice(i, i + 1000).map((t) => ({
          kpi_id: t.kpiId,
          period_key: t.period,
          period_kind: t.kind,
          period_start: t.start,
          period_end: t.end,
          scope_type: t.scope.type,
          scope_id: t.scope.id,
          value: t.value,
          min_value: t.min ?? null,
          max_value: t.max ?? null,
          stretch: t.stretch ?? null,
          locked: t.locked ?? false,
        }));
        await db
          .insertInto('kpi_targets')
          .values(rows)
          .onConflict((oc) =>
            oc.expression(sql`kpi_id, period_key, scope_type, coalesce(scope_id, 0)`).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              min_value: eb.ref('excluded.min_value'),
              max_value: eb.ref('excluded.max_value'),
              stretch: eb.ref('excluded.stretch'),
              locked: eb.ref('excluded.locked'),
              updated_at: new Date(),
            })),
          )
          .execute();
      }
    },
    async valuesInPeriod(q) {
      const rows = await db
        .selectFrom('kpi_targets')
        .select(['kpi_id', 'scope_id', 'period_key', 'value', 'min_value', 'max_value', 'stretch'])
        .where('scope_type', '=', q.scopeType)
        .where('period_end', '>=', q.from)
        .where('period_start', '<=', q.to)
        .orderBy('kpi_id')
        .orderBy('period_start')
        .orderBy('period_end', 'desc')
        .execute();
      const out: ScopedTargetValue[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const t: ScopedTargetValue = { kpiId: r.kpi_id, scopeId: r.scope_id, period: r.period_key, value: num(r.value) };
        if (r.min_value !== null) t.min = num(r.min_value);
        if (r.max_value !== null) t.max = num(r.max_value);
        if (r.stretch !== null) t.stretch = num(r.stretch);
        out[i] = t;
      }
      return out;
    },
    async removeOthers(kpiId, scope, keep) {
      let q = db.deleteFrom('kpi_targets').where('kpi_id', '=', kpiId).where('scope_type', '=', scope.type);
      q = scope.id === null ? q.where('scope_id', 'is', null) : q.where('scope_id', '=', scope.id);
      if (keep.length > 0) q = q.where('period_key', 'not in', keep);
      const result = await q.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
