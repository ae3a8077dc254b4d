import { sql, type Kysely, type Selectable } from 'kysely';
import type { KpiRecord, KpiWrite, Store } from '../../app/ports';
import type { KpiTarget } from '../../core/kpi';
import type { DB, KpisTable } from '../schema';
import { num } from './numbers';

type Row = Selectable<KpisTable> & {
  owner_name: string | null;
  owner_email: string | null;
  owner_unit_id: number | null;
  measurer_name: string | null;
  measurer_email: string | null;
};

function toRow(k: KpiWrite) {
  return {
    code: k.code,
    name: k.name,
    name_en: k.nameEn ?? null,
    description: k.description ?? null,
    description_en: k.descriptionEn ?? null,
    level: k.level,
    perspective: k.perspective,
    kpi_group: k.group ?? null,
    unit: k.unit,
    direction: k.direction,
    aggregation: k.aggregation,
    frequency: k.frequency,
    source: k.source,
    formula: k.formula ?? null,
    owner_id: k.ownerId,
    measurer_id: k.measurerId,
    report_within_days: k.reportWithinDays,
    baseline_period: k.baseline?.period ?? null,
    baseline_value: k.baseline?.value ?? null,
    tags: k.tags,
    status: k.status,
    ...(k.scoring !== undefined && { scoring: JSON.stringify(k.scoring) }),
  };
}

export function kpisRepo(db: Kysely<DB>): Store['kpis'] {
  const base = () =>
    db
      .selectFrom('kpis as k')
      .leftJoin('people as o', 'o.id', 'k.owner_id')
      .leftJoin('people as m', 'm.id', 'k.measurer_id')
      .selectAll('k')
      .select(['o.full_name as owner_name', 'o.email as owner_email', 'o.unit_id as owner_unit_id', 'm.full_name as measurer_name', 'm.email as measurer_email']);

  /** Attaches parents and company-scope targets with two set-based queries (no N+1). */
  async function hydrate(rows: Row[]): Promise<KpiRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [parents, targets] = await Promise.all([
      db
        .selectFrom('kpi_parents as l')
        .innerJoin('kpis as p', 'p.id', 'l.parent_id')
        .select(['l.kpi_id', 'p.code', 'l.weight'])
        .where('l.kpi_id', 'in', ids)
        .orderBy('p.code')
        .execute(),
      db
        .selectFrom('kpi_targets')
        .select(['kpi_id', 'period_key', 'period_start', 'value', 'min_value', 'max_value', 'stretch'])
        .where('kpi_id', 'in', ids)
        .where('scope_type', '=', 'company')
        .orderBy('period_start')
        .orderBy('period_end', 'desc')
        .execute(),
    ]);
    const parentsBy = new Map<number, { code: string; weight: number }[]>();
    for (const p of parents) parentsBy.set(p.kpi_id, [...(parentsBy.get(p.kpi_id) ?? []), { code: p.code, weight: num(p.weight) }]);
    const targetsBy = new Map<number, KpiTarget[]>();
    for (const t of targets) {
      const target: KpiTarget = { period: t.period_key, value: num(t.value) };
      if (t.min_value !== null) target.min = num(t.min_value);
      if (t.max_value !== null) target.max = num(t.max_value);
      if (t.stretch !== null) target.stretch = num(t.stretch);
      targetsBy.set(t.kpi_id, [...(targetsBy.get(t.kpi_id) ?? []), target]);
    }
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      ...(r.name_en !== null && { nameEn: r.name_en }),
      ...(r.description !== null && { description: r.description }),
      ...(r.description_en !== null && { descriptionEn: r.description_en }),
      level: r.level as KpiRecord['level'],
      perspective: r.perspective as KpiRecord['perspective'],
      group: r.kpi_group as KpiRecord['group'],
      unit: r.unit,
      direction: r.direction as KpiRecord['direction'],
      aggregation: r.aggregation as KpiRecord['aggregation'],
      frequency: r.frequency as KpiRecord['frequency'],
      source: r.source as KpiRecord['source'],
      formula: r.formula,
      owner: r.owner_email,
      measurer: r.measurer_email,
      ownerId: r.owner_id,
      measurerId: r.measurer_id,
      ownerName: r.owner_name,
      measurerName: r.measurer_name,
      ownerUnitId: r.owner_unit_id,
      reportWithinDays: r.report_within_days,
      baseline: r.baseline_period !== null && r.baseline_value !== null ? { period: r.baseline_period, value: num(r.baseline_value) } : null,
      parents: parentsBy.get(r.id) ?? [],
      tags: r.tags,
      status: r.status as KpiRecord['status'],
      targets: targetsBy.get(r.id) ?? [],
      scoring: (r.scoring ?? {}) as KpiRecord['scoring'],
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  return {
    async list(filter = {}) {
      let q = base().orderBy('k.code');
      if (filter.status) q = q.where('k.status', '=', filter.status);
      if (filter.level) q = q.where('k.level', '=', filter.level);
      if (filter.perspective) q = q.where('k.perspective', '=', filter.perspective);
      if (filter.unit) q = q.where('k.unit', '=', filter.unit);
      if (filter.ownerId) q = q.where('k.owner_id', '=', filter.ownerId);
      if (filter.search) {
        const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(k.code)`, 'like', like), eb(sql`lower(k.name)`, 'like', like), eb(sql`lower(coalesce(k.name_en, ''))`, 'like', like)]),
        );
      }
      return hydrate(await q.execute());
    },
    async findByCode(code) {
      return (await hydrate(await base().where('k.code', '=', code).execute()))[0] ?? null;
    },
    async findById(id) {
      return (await hydrate(await base().where('k.id', '=', id).execute()))[0] ?? null;
    },
    async codes() {
      return db.selectFrom('kpis').select(['id', 'code', 'status']).orderBy('code').execute();
    },
    async create(kpi) {
      const row = await db.insertInto('kpis').values(toRow(kpi)).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async update(id, kpi) {
      await db
        .updateTable('kpis')
        .set({ ...toRow(kpi), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },
    async setParents(kpiId, parents) {
      await db.deleteFrom('kpi_parents').where('kpi_id', '=', kpiId).execute();
      if (parents.length === 0) return;
      await db
        .insertInto('kpi_parents')
        .values(parents.map((p) => ({ kpi_id: kpiId, parent_id: p.parentId, weight: p.weight })))
        .execute();
    },
    async links() {
      const rows = await db.selectFrom('kpi_parents').select(['kpi_id', 'parent_id', 'weight']).execute();
      return rows.map((r) => ({ kpiId: r.kpi_id, parentId: r.parent_id, weight: num(r.weight) }));
    },
  };
}

