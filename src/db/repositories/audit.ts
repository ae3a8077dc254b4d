import type { Kysely } from 'kysely';
import type { AuditNames, AuditRefs } from '../../app/audit/subjects';
import { refsOfActuals } from '../../app/audit/subjects';
import type { Store } from '../../app/ports';
import type { DB } from '../schema';

export function auditRepo(db: Kysely<DB>): Store['audit'] {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      await db
        .insertInto('audit_log')
        .values(
          entries.map((e) => ({
            actor_user_id: e.actorUserId,
            actor_name: e.actorName,
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
            after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
          })),
        )
        .execute();
    },
    async list(q) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.entity) query = query.where('entity', '=', q.entity);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.beforeId) query = query.where('id', '<', q.beforeId);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actorName: r.actor_name,
        system: r.actor_user_id === null,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }));
    },
    names: (refs) => auditNames(db, refs),
  };
}

/**
 * The names audit entries refer to, set-based: one query per kind of thing (evidence, then actuals,
 * then KPIs, units, people, users, positions, tokens, company), each skipped when nothing asks for it.
 */
async function auditNames(db: Kysely<DB>, refs: AuditRefs): Promise<AuditNames> {
  const evidenceRows = refs.evidenceIds.length
    ? await db.selectFrom('kpi_evidence').select(['id', 'file_name', 'actual_id']).where('id', 'in', refs.evidenceIds).execute()
    : [];
  const actualIds = [...new Set([...refs.actualIds, ...evidenceRows.map((e) => e.actual_id)])];
  const actualRows = actualIds.length
    ? await db
        .selectFrom('kpi_actuals as a')
        .innerJoin('kpis as k', 'k.id', 'a.kpi_id')
        .select(['a.id', 'k.code', 'a.period_key', 'a.scope_type', 'a.scope_id'])
        .where('a.id', 'in', actualIds)
        .execute()
    : [];
  const actuals = new Map(actualRows.map((a) => [a.id, { kpiCode: a.code, period: a.period_key, scopeType: a.scope_type, scopeId: a.scope_id }]));
  const more = refsOfActuals(actuals.values());
  const kpiCodes = [...new Set([...refs.kpiCodes, ...more.kpiCodes])];
  const unitIds = [...new Set([...refs.unitIds, ...more.unitIds])];
  const personIds = [...new Set([...refs.personIds, ...more.personIds])];
  const [kpis, units, people, users, positions, tokens, company] = await Promise.all([
    kpiCodes.length ? db.selectFrom('kpis').select(['code', 'name', 'name_en']).where('code', 'in', kpiCodes).execute() : [],
    unitIds.length ? db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [],
    personIds.length ? db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', personIds).execute() : [],
    refs.userIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', refs.userIds).execute() : [],
    refs.positionIds.length ? db.selectFrom('positions').select(['id', 'name']).where('id', 'in', refs.positionIds).execute() : [],
    refs.tokenIds.length ? db.selectFrom('api_tokens').select(['id', 'name']).where('id', 'in', refs.tokenIds).execute() : [],
    db.selectFrom('company').select('name').executeTakeFirst(),
  ]);
  return {
    kpis: new Map(kpis.map((k) => [k.code, { code: k.code, name: k.name, nameEn: k.name_en }])),
    units: new Map(units.map((u) => [u.id, u.name])),
    people: new Map(people.map((p) => [p.id, p.full_name])),
    users: new Map(users.map((u) => [u.id, u.name])),
    positions: new Map(positions.map((p) => [p.id, p.name])),
    tokens: new Map(tokens.map((t) => [t.id, t.name])),
    actuals,
    evidence: new Map(evidenceRows.map((e) => [e.id, { fileName: e.file_name, actualId: e.actual_id }])),
    company: company?.name ?? null,
  };
}
