import { sql, type Kysely } from 'kysely';
import type { ActualRecord, ActualSource, ActualWrite, Store, TargetScope, WrittenActual } from '../../app/ports';
import type { KpiFrequency } from '../../core/kpi';
import type { DB } from '../schema';
import { COPY_FROM, upsertFew, upsertFewReturning, upsertMany, type ReturnedRow } from './actuals-write';
import { num, numOrNull } from './numbers';

function scopeOf(type: TargetScope['type'], id: number | null): TargetScope {
  return type === 'company' ? { type, id: null } : { type, id: id! };
}

export function actualsRepo(db: Kysely<DB>): Store['actuals'] {
  const select = () => db.selectFrom('kpi_actuals as a').selectAll('a');

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
    updatedByName: r.updated_by_name || null,
  });

  const toWritten = (r: ReturnedRow): WrittenActual => ({
    change: !r.written ? 'unchanged' : r.before_id === null && r.version === 1 ? 'inserted' : 'updated',
    actual: toRecord(r),
    before:
      r.before_id === null
        ? null
        : {
            value: num(r.before_value!),
            numerator: numOrNull(r.before_numerator),
            denominator: numOrNull(r.before_denominator),
            comment: r.before_comment,
            late: r.before_late!,
            version: r.before_version!,
          },
  });

  /** Slots the returning upsert did not give back (written meanwhile by another transaction with the same values). */
  const readMissing = async (rows: ActualWrite[], got: WrittenActual[]): Promise<WrittenActual[]> => {
    const key = (s: { kpiId: number; kind: string; start: string; scope: TargetScope }) => `${s.kpiId}|${s.kind}|${s.start}|${s.scope.type}|${s.scope.id ?? ''}`;
    const have = new Set(got.map((w) => key(w.actual)));
    const out: WrittenActual[] = [];
    for (const r of rows) {
      if (have.has(key(r))) continue;
      const stored = await select()
        .where('a.kpi_id', '=', r.kpiId)
        .where('a.period_kind', '=', r.kind)
        .where('a.period_start', '=', r.start)
        .where('a.scope_type', '=', r.scope.type)
        .where(sql<boolean>`coalesce(a.scope_id, 0) = ${r.scope.id ?? 0}`)
        .executeTakeFirstOrThrow();
      const actual = toRecord(stored);
      out.push({ change: 'unchanged', actual, before: actual });
    }
    return out;
  };

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
      if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const written =
        rows.length < COPY_FROM
          ? await upsertFew(db, rows, by)
          : db.isTransaction
            ? await upsertMany(db, rows, by)
            : await db.transaction().execute((tx) => upsertMany(tx, rows, by));
      return { ...written, unchanged: rows.length - written.inserted - written.updated };
    },

    async upsertReturning(rows, by) {
      if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rows: [] };
      const returned = await upsertFewReturning(db, rows, by);
      const written = returned.map(toWritten);
      if (written.length < rows.length) written.push(...(await readMissing(rows, written)));
      const inserted = written.filter((w) => w.change === 'inserted').length;
      const updated = written.filter((w) => w.change === 'updated').length;
      return { inserted, updated, unchanged: rows.length - inserted - updated, rows: written };
    },

    async formulaKpis() {
      const rows = await db
        .selectFrom('kpis')
        .select(['id', 'code', 'formula', 'frequency'])
        .where('source', '=', 'formula')
        .where('formula', 'is not', null)
        .where('status', '!=', 'archived')
        .execute();
      return rows.map((r) => ({ id: r.id, code: r.code, formula: r.formula!, frequency: r.frequency as KpiFrequency | null }));
    },

    async kpiIdsByCode(codes) {
      if (codes.length === 0) return new Map();
      const rows = await db.selectFrom('kpis').select(['id', 'code']).where('code', 'in', codes).execute();
      return new Map(rows.map((r) => [r.code, r.id]));
    },

    async removeComputed(slots) {
      if (slots.length === 0) return 0;
      const targets = sql`SELECT a.id FROM kpi_actuals a JOIN unnest(${slots.map((s) => s.kpiId)}::int[], ${slots.map((s) => s.kind)}::text[],
          ${slots.map((s) => s.start)}::date[], ${slots.map((s) => s.scope.type)}::text[], ${slots.map((s) => s.scope.id)}::int[])
          AS t(kpi_id, period_kind, period_start, scope_type, scope_id)
        ON a.kpi_id = t.kpi_id AND a.period_kind = t.period_kind AND a.period_start = t.period_start
           AND a.scope_type = t.scope_type AND coalesce(a.scope_id, 0) = coalesce(t.scope_id, 0)
        WHERE a.source = 'formula'`;
      await sql`DELETE FROM kpi_actual_versions WHERE actual_id IN (${targets})`.execute(db);
      const res = await sql`DELETE FROM kpi_actuals WHERE id IN (${targets})`.execute(db);
      return Number(res.numAffectedRows ?? 0);
    },

    /** The current value first, then the values it replaced (kept by a trigger), newest first. */
    async versions(actualId) {
      const [current, older] = await Promise.all([
        db.selectFrom('kpi_actuals').selectAll().where('id', '=', actualId).executeTakeFirst(),
        db.selectFrom('kpi_actual_versions').selectAll().where('actual_id', '=', actualId).orderBy('version', 'desc').execute(),
      ]);
      if (!current) return [];
      const rows = [{ ...current, changed_by_name: current.updated_by_name, changed_at: current.updated_at }, ...older];
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
