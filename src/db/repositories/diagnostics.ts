import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  ActionPlanInContext,
  ActionPlanRecord,
  ActionPlanWrite,
  DiagnosticsStore,
  MissReasonRecord,
  ParetoCount,
  ParetoFilter,
} from '../../app/diagnostics/ports';
import type { TargetScope } from '../../app/ports';
import type { ActionPlanStatus, MissReason } from '../../core/diagnostics';
import type { DB, KpiMissReasonsTable } from '../schema';

const scopeOf = (type: string, id: number): TargetScope =>
  type === 'company' ? { type: 'company', id: null } : { type: type as 'unit' | 'person', id };
const scopeId = (s: TargetScope) => s.id ?? 0;

function reasonOf(r: Selectable<KpiMissReasonsTable>): MissReasonRecord {
  return {
    id: r.id,
    kpiId: r.kpi_id,
    scope: scopeOf(r.scope_type, r.scope_id),
    period: r.period_key,
    reason: r.reason as MissReason,
    comment: r.comment,
    controllable: r.controllable,
    fromSuggestion: r.from_suggestion,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

interface PlanRow {
  id: number;
  miss_reason_id: number;
  fact: string | null;
  cause: string | null;
  action: string;
  owner_person_id: number | null;
  owner_name: string | null;
  due_on: string | null;
  status: string;
  updated_at: Date;
}

function planOf(r: PlanRow): ActionPlanRecord {
  return {
    id: r.id,
    missReasonId: r.miss_reason_id,
    fact: r.fact,
    cause: r.cause,
    action: r.action,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as ActionPlanStatus,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const planColumns = (p: ActionPlanWrite) => ({
  fact: p.fact,
  cause: p.cause,
  action: p.action,
  owner_person_id: p.ownerPersonId,
  due_on: p.dueOn,
  status: p.status,
});

/** Why KPIs were missed: reasons and action plans. */
export function diagnosticsRepo(db: Kysely<DB>): DiagnosticsStore {
  const plansQuery = () =>
    db
      .selectFrom('kpi_action_plans as a')
      .leftJoin('people as o', 'o.id', 'a.owner_person_id')
      .select(['a.id', 'a.miss_reason_id', 'a.fact', 'a.cause', 'a.action', 'a.owner_person_id', 'o.full_name as owner_name', 'a.due_on', 'a.status', 'a.updated_at']);

  /** The unit a miss belongs to, and the filter by period keys and units, on `r` (reasons), `k` (KPIs). */
  const missUnit = sql<number | null>`CASE r.scope_type WHEN 'unit' THEN r.scope_id
      WHEN 'person' THEN (SELECT p.unit_id FROM people p WHERE p.id = r.scope_id)
      ELSE (SELECT p.unit_id FROM people p WHERE p.id = k.owner_id) END`;
  const where = (f: ParetoFilter) =>
    sql`r.period_key = ANY(${f.periodKeys}::text[])${f.unitIds ? sql` AND ${missUnit} = ANY(${f.unitIds}::int[])` : sql``}`;

  return {
    async reasons(q) {
      let query = db
        .selectFrom('kpi_miss_reasons')
        .selectAll()
        .where('period_key', '=', q.period)
        .where('scope_type', '=', q.scope.type)
        .where('scope_id', '=', scopeId(q.scope));
      if (q.kpiIds) {
        if (q.kpiIds.length === 0) return [];
        query = query.where('kpi_id', 'in', q.kpiIds);
      }
      return (await query.orderBy('id').execute()).map(reasonOf);
    },

    async findReason(id) {
      const r = await db.selectFrom('kpi_miss_reasons').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? reasonOf(r) : null;
    },

    async replaceReasons(slot, reasons, byUserId) {
      const key = { kpi_id: slot.kpiId, scope_type: slot.scope.type, scope_id: scopeId(slot.scope), period_key: slot.period };
      let del = db
        .deleteFrom('kpi_miss_reasons')
        .where('kpi_id', '=', key.kpi_id)
        .where('scope_type', '=', key.scope_type)
        .where('scope_id', '=', key.scope_id)
        .where('period_key', '=', key.period_key);
      if (reasons.length > 0) del = del.where('reason', 'not in', reasons.map((r) => r.reason));
      await del.execute();
      if (reasons.length > 0) {
        await db
          .insertInto('kpi_miss_reasons')
          .values(reasons.map((r) => ({ ...key, reason: r.reason, comment: r.comment, controllable: r.controllable, from_suggestion: r.fromSuggestion, created_by: byUserId })))
          .onConflict((oc) =>
            oc.columns(['kpi_id', 'scope_type', 'scope_id', 'period_key', 'reason']).doUpdateSet((eb) => ({
              comment: eb.ref('excluded.comment'),
              controllable: eb.ref('excluded.controllable'),
              from_suggestion: eb.ref('excluded.from_suggestion'),
              updated_at: new Date(),
            })),
          )
          .execute();
      }
      return this.reasons({ period: slot.period, scope: slot.scope, kpiIds: [slot.kpiId] });
    },

    async plans(reasonIds) {
      if (reasonIds.length === 0) return [];
      return (await plansQuery().where('a.miss_reason_id', 'in', reasonIds).orderBy('a.id').execute()).map(planOf);
    },

    async findPlan(id) {
      const r = await plansQuery().where('a.id', '=', id).executeTakeFirst();
      return r ? planOf(r) : null;
    },

    async createPlan(missReasonId, plan) {
      const r = await db.insertInto('kpi_action_plans').values({ miss_reason_id: missReasonId, ...planColumns(plan) }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async updatePlan(id, plan) {
      await db.updateTable('kpi_action_plans').set({ ...planColumns(plan), updated_at: new Date() }).where('id', '=', id).execute();
    },

    async deletePlan(id) {
      await db.deleteFrom('kpi_action_plans').where('id', '=', id).execute();
    },

    async paretoCounts(f) {
      if (f.periodKeys.length === 0 || f.unitIds?.length === 0) return [];
      const rows = await sql<{ reason: string; kpi_id: number; scope_type: string; scope_id: number; unit_id: number | null; n: string }>`
        SELECT r.reason, r.kpi_id, r.scope_type, r.scope_id, ${missUnit} AS unit_id, count(*)::text AS n
        FROM kpi_miss_reasons r JOIN kpis k ON k.id = r.kpi_id
        WHERE ${where(f)}
        GROUP BY r.reason, r.kpi_id, r.scope_type, r.scope_id, unit_id`.execute(db);
      return rows.rows.map(
        (r): ParetoCount => ({ reason: r.reason as MissReason, kpiId: r.kpi_id, scope: scopeOf(r.scope_type, r.scope_id), unitId: r.unit_id, count: Number(r.n) }),
      );
    },

    async agreementStates(q) {
      const out = new Map<number, string[]>();
      if (q.kpiIds.length === 0) return out;
      let query = db
        .selectFrom('appraisal_items as i')
        .innerJoin('appraisal_sheets as s', 's.id', 'i.sheet_id')
        .innerJoin('appraisal_cycles as c', 'c.id', 's.cycle_id')
        .innerJoin('people as p', 'p.id', 's.person_id')
        .select(['i.kpi_id', 'i.target_status'])
        .where('i.kpi_id', 'in', q.kpiIds)
        .where('c.starts_on', '<=', q.end)
        .where('c.ends_on', '>=', q.start);
      if (q.scope.type === 'person') query = query.where('s.person_id', '=', q.scope.id);
      if (q.scope.type === 'unit') query = query.where('p.unit_id', '=', q.scope.id);
      for (const r of await query.execute()) out.set(r.kpi_id!, [...(out.get(r.kpi_id!) ?? []), r.target_status]);
      return out;
    },

    async cycleLockedOver(start, end) {
      const r = await db
        .selectFrom('appraisal_cycles')
        .select('id')
        .where('phase', 'in', ['locked', 'published'])
        .where('starts_on', '<=', end)
        .where('ends_on', '>=', start)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },

    async plansIn(f) {
      if (f.periodKeys.length === 0 || f.unitIds?.length === 0) return [];
      const rows = await sql<PlanRow & { kpi_id: number; scope_type: string; scope_id: number; period_key: string; reason: string }>`
        SELECT a.id, a.miss_reason_id, a.fact, a.cause, a.action, a.owner_person_id, o.full_name AS owner_name,
               a.due_on, a.status, a.updated_at, r.kpi_id, r.scope_type, r.scope_id, r.period_key, r.reason
        FROM kpi_action_plans a
        JOIN kpi_miss_reasons r ON r.id = a.miss_reason_id
        JOIN kpis k ON k.id = r.kpi_id
        LEFT JOIN people o ON o.id = a.owner_person_id
        WHERE ${where(f)}
        ORDER BY a.due_on NULLS LAST, a.id`.execute(db);
      return rows.rows.map(
        (r): ActionPlanInContext => ({
          ...planOf(r),
          kpiId: r.kpi_id,
          scope: scopeOf(r.scope_type, r.scope_id),
          period: r.period_key,
          reason: r.reason as MissReason,
        }),
      );
    },
  };
}
