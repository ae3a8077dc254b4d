import { sql, type Kysely } from 'kysely';
import type { ActualRecord, ActualSource, Store, TargetScope } from '../../app/ports';
import type { DB } from '../schema';
import { num, numOrNull } from './numbers';

const CHUNK = 10_000;

function scopeOf(type: TargetScope['type'], id: number | null): TargetScope {
  return type === 'company' ? { type, id: null } : { type, id: id! };
}

export function actualsRepo(db: Kysely<DB>): Store['actuals'] {
  const select = () =>
    db
      .selectFrom('kpi_actuals as a')
      .leftJoin('users as u', 'u.id', 'a.updated_by')
      .selectAll('a')
      .select(
        sql<string | null>`coalesce(u.name, (SELECT v.changed_by_name FROM kpi_actual_versions v WHERE v.actual_id = a.id ORDER BY v.version DESC LIMIT 1))`.as(
          'updated_by_name',
        ),
      );

  type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
  const toRecord = (r: Row): ActualRecord => ({
    id: r.id,
    kpiId: r.kpi_id,
    period: r.period_key,
    kind: r.period_kind,
    start: String(r.period_start),
    end: String(r.period_end),
    scope: scopeOf(r.scope_type, r.scope_id),
    value: num(r.value),
    numerator: numOrNull(r.numerator),
    denominator: numOrNull(r.denominator),
    source: r.source as ActualSource,
    comment: r.comment,
    late: r.late,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedByName: r.updated_by_name,
  });

  return {
    async list(q) {
      let query = select().orderBy('a.kpi_id').orderBy('a.period_start').orderBy('a.scope_type').orderBy('a.scope_id');
      if (q.kpiIds) query = query.where('a.kpi_id', 'in', q.kpiIds.length ? q.kpiIds : [-1]);
      if (q.scope) {
        query = query.where('a.scope_type', '=', q.scope.type);
        query = q.scope.id === null ? query.where('a.scope_id', 'is', null) : query.where('a.scope_id', '=', q.scope.id);
      }
      if (q.kind) query = query.where('a.period_kind', '=', q.kind);
      if (q.from) query = query.where('a.period_end', '>=', q.from);
      if (q.to) query = query.where('a.period_start', '<=', q.to);
      return (await query.execute()).map(toRecord);
    },

    async findById(id) {
      const row = await select().where('a.id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async upsert(rows, by) {
      let inserted = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        // Column arrays + unnest: one statement per chunk, whatever its size (no parameter limit, no N+1).
        const col = <T>(f: (r: (typeof part)[number]) => T) => part.map(f);
        const result = await sql<{ inserted: string; updated: string }>`
          WITH input AS (
            SELECT * FROM unnest(
              ${col((r) => r.kpiId)}::int[], ${col((r) => r.period)}::text[], ${col((r) => r.kind)}::text[],
              ${col((r) => r.start)}::date[], ${col((r) => r.end)}::date[], ${col((r) => r.scope.type)}::text[],
              ${col((r) => r.scope.id)}::int[], ${col((r) => String(r.value))}::numeric[],
              ${col((r) => (r.numerator == null ? null : String(r.numerator)))}::numeric[],
              ${col((r) => (r.denominator == null ? null : String(r.denominator)))}::numeric[],
              ${col((r) => r.source)}::text[], ${col((r) => r.comment ?? null)}::text[], ${col((r) => r.late)}::bool[]
            ) AS t(kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id, value, numerator, denominator, source, comment, late)
          ),
          up AS (
            INSERT INTO kpi_actuals AS a (kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id,
                                          value, numerator, denominator, source, comment, late, updated_by)
            SELECT kpi_id, period_key, period_kind, period_start, period_end, scope_type, scope_id,
                   value, numerator, denominator, source, comment, late, ${by.userId}::int FROM input
            ON CONFLICT (kpi_id, period_key, scope_type, coalesce(scope_id, 0)) DO UPDATE SET
              value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
              source = excluded.source, comment = excluded.comment, late = excluded.late,
              version = a.version + 1, updated_by = excluded.updated_by, updated_at = now()
            WHERE (a.value, a.numerator, a.denominator, a.comment)
                  IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.comment)
            RETURNING a.id, a.version, a.value, a.numerator, a.denominator, a.source, a.comment, a.late
          ),
          versions AS (
            INSERT INTO kpi_actual_versions (actual_id, version, value, numerator, denominator, source, comment, late, changed_by, changed_by_name)
            SELECT id, version, value, numerator, denominator, source, comment, late, ${by.userId}::int, ${by.name} FROM up
            RETURNING 1
          )
          SELECT count(*) FILTER (WHERE version = 1) AS inserted, count(*) FILTER (WHERE version > 1) AS updated FROM up`.execute(db);
        inserted += Number(result.rows[0]!.inserted);
        updated += Number(result.rows[0]!.updated);
      }
      return { inserted, updated, unchanged: rows.length - inserted - updated };
    },

    async removeComputed(slots) {
      if (slots.length === 0) return 0;
      const targets = sql`SELECT a.id FROM kpi_actuals a JOIN unnest(${slots.map((s) => s.kpiId)}::int[], ${slots.map((s) => s.period)}::text[],
          ${slots.map((s) => s.scope.type)}::text[], ${slots.map((s) => s.scope.id)}::int[]) AS t(kpi_id, period_key, scope_type, scope_id)
        ON a.kpi_id = t.kpi_id AND a.period_key = t.period_key AND a.scope_type = t.scope_type
           AND coalesce(a.scope_id, 0) = coalesce(t.scope_id, 0)
        WHERE a.source = 'formula'`;
      await sql`DELETE FROM kpi_actual_versions WHERE actual_id IN (${targets})`.execute(db);
      const res = await sql`DELETE FROM kpi_actuals WHERE id IN (${targets})`.execute(db);
      return Number(res.numAffectedRows ?? 0);
    },
    async versions(actualId) {
      const rows = await db.selectFrom('kpi_actual_versions').selectAll().where('actual_id', '=', actualId).orderBy('version', 'desc').execute();
      return rows.map((r) => ({
        version: r.version,
        value: num(r.value),
        numerator: numOrNull(r.numerator),
        denominator: numOrNull(r.denominator),
        source: r.source as ActualSource,
        comment: r.comment,
        late: r.late,
        changedByName: r.changed_by_name,
        changedAt: new Date(r.changed_at).toISOString(),
      }));
    },

    async aggregate(q) {
      let query = db
        .selectFrom('kpi_actuals')
        .select((eb) => [
          'kpi_id',
          'scope_type',
          'scope_id',
          eb.fn.countAll<string>().as('n'),
          eb.fn.sum<string>('value').as('sum'),
          eb.fn.avg<string>('value').as('avg'),
          eb.fn.min<string>('value').as('min'),
          eb.fn.max<string>('value').as('max'),
          // The value of the latest period in one pass (max over [day number, value] pairs), no per-group sort.
          sql<string>`(max(ARRAY[(period_start - DATE '2000-01-01')::numeric, value]))[2]`.as('last'),
          eb.fn.sum<string | null>('numerator').as('num'),
          eb.fn.sum<string | null>('denominator').as('den'),
        ])
        .where('period_kind', '=', q.kind)
        .where('period_start', '>=', q.from)
        .where('period_end', '<=', q.to)
        .groupBy(['kpi_id', 'scope_type', 'scope_id']);
      if (q.kpiIds) query = query.where('kpi_id', 'in', q.kpiIds.length ? q.kpiIds : [-1]);
      if (q.scopeType) query = query.where('scope_type', '=', q.scopeType);
      if (q.scopeId !== undefined) query = q.scopeId === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', q.scopeId);
      const rows = await query.execute();
      return rows.map((r) => ({
        kpiId: r.kpi_id,
        scope: scopeOf(r.scope_type, r.scope_id),
        kind: q.kind,
        count: Number(r.n),
        sum: num(r.sum),
        avg: num(r.avg),
        min: num(r.min),
        max: num(r.max),
        last: num(r.last),
        numeratorSum: numOrNull(r.num),
        denominatorSum: numOrNull(r.den),
      }));
    },
  };
}
