import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppraisalSetupStore, BonusRuleRecord, CyclePatch, ItemTarget, NewItem, TemplateGroupDef } from '../../app/appraisal/setup/ports';
import type { AppraisalBonusRulesTable, DB } from '../schema';
import { cycleFromRow } from './appraisal-cycles';

const day = (d: unknown) => String(d).slice(0, 10);
const json = (v: unknown) => JSON.stringify(v);

function ruleFromRow(r: Selectable<AppraisalBonusRulesTable>): BonusRuleRecord {
  return {
    id: r.id,
    effectiveFrom: day(r.effective_from),
    rate: Number(r.rate),
    coefficients: r.coefficients ?? 'score',
    roundStep: Number(r.round_step),
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The Kysely implementation of store.appraisal.setup: templates, bonus rules, cycles and set-based assignment. */
export function appraisalSetupRepo(db: Kysely<DB>): AppraisalSetupStore {
  const templateQuery = () =>
    db
      .selectFrom('appraisal_templates as t')
      .leftJoin('positions as p', 'p.id', 't.position_id')
      .select(['t.id', 't.code', 't.name', 't.position_id', 't.groups', 't.archived_at', 'p.name as position_name'])
      .select((eb) => eb.selectFrom('appraisal_sheets as s').select(eb.fn.countAll<string>().as('n')).whereRef('s.template_id', '=', 't.id').as('sheets'));
  type TemplateRow = Awaited<ReturnType<ReturnType<typeof templateQuery>['executeTakeFirstOrThrow']>>;
  const template = (r: TemplateRow) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    positionId: r.position_id,
    positionName: r.position_name,
    groups: r.groups as TemplateGroupDef[],
    archived: r.archived_at !== null,
    sheets: Number(r.sheets ?? 0),
  });

  return {
    templates: {
      async list() {
        return (await templateQuery().orderBy('t.archived_at', 'desc').orderBy('t.name').execute()).map(template);
      },
      async get(id) {
        const r = await templateQuery().where('t.id', '=', id).executeTakeFirst();
        return r ? template(r) : null;
      },
      async idByCode(code) {
        const r = await db.selectFrom('appraisal_templates').select('id').where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
        return r?.id ?? null;
      },
      async create(input) {
        const r = await db
          .insertInto('appraisal_templates')
          .values({ code: input.code, name: input.name, position_id: input.positionId, groups: json(input.groups) })
          .returning('id')
          .executeTakeFirstOrThrow();
        return r.id;
      },
      async update(id, input) {
        await db
          .updateTable('appraisal_templates')
          .set({ code: input.code, name: input.name, position_id: input.positionId, groups: json(input.groups), updated_at: sql`now()` })
          .where('id', '=', id)
          .execute();
      },
      async archive(id) {
        await db.updateTable('appraisal_templates').set({ archived_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', id).execute();
      },
    },

    bonusRules: {
      async list() {
        return (await db.selectFrom('appraisal_bonus_rules').selectAll().orderBy('effective_from', 'desc').execute()).map(ruleFromRow);
      },
      async create(input, createdBy) {
        const r = await db
          .insertInto('appraisal_bonus_rules')
          .values({
            effective_from: input.effectiveFrom,
            rate: String(input.rate),
            coefficients: input.coefficients === 'score' ? null : json(input.coefficients),
            round_step: String(input.roundStep),
            note: input.note,
            created_by: createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return ruleFromRow(r);
      },
    },

    cycles: {
      async list() {
        return (await db.selectFrom('appraisal_cycles').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').execute()).map(cycleFromRow);
      },
      async getForUpdate(id) {
        const r = await db.selectFrom('appraisal_cycles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        return r ? cycleFromRow(r) : null;
      },
      async idByCode(code) {
        const r = await db.selectFrom('appraisal_cycles').select('id').where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
        return r?.id ?? null;
      },
      async create(c) {
        const r = await db
          .insertInto('appraisal_cycles')
          .values({
            code: c.code,
            name: c.name,
            frequency: c.frequency,
            period_key: c.period,
            starts_on: c.startsOn,
            ends_on: c.endsOn,
            deadlines: json(c.deadlines),
            missing: c.missing,
            bands: json(c.bands),
            distribution: c.distribution === null ? null : json(c.distribution),
            second_approval: c.secondApproval,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return r.id;
      },
      async update(id, patch: CyclePatch) {
        await db
          .updateTable('appraisal_cycles')
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.deadlines !== undefined && { deadlines: json(patch.deadlines) }),
            ...(patch.missing !== undefined && { missing: patch.missing }),
            ...(patch.bands !== undefined && { bands: json(patch.bands) }),
            ...(patch.distribution !== undefined && { distribution: patch.distribution === null ? null : json(patch.distribution) }),
            ...(patch.secondApproval !== undefined && { second_approval: patch.secondApproval }),
            updated_at: sql`now()`,
          })
          .where('id', '=', id)
          .execute();
      },
      async setPhase(id, phase, stamps) {
        await db
          .updateTable('appraisal_cycles')
          .set({
            phase,
            ...(stamps.lockedAt !== undefined && { locked_at: stamps.lockedAt }),
            ...(stamps.publishedAt !== undefined && { published_at: stamps.publishedAt }),
            updated_at: sql`now()`,
          })
          .where('id', '=', id)
          .execute();
      },
      async sheetCounts(personId) {
        const rows = await db
          .selectFrom('appraisal_sheets')
          .select(['cycle_id', 'unit_id'])
          .select(sql<boolean>`coalesce(person_id = ${personId}, false)`.as('own'))
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .groupBy(['cycle_id', 'unit_id', sql`3`])
          .execute();
        return rows.map((r) => ({ cycleId: r.cycle_id, unitId: r.unit_id, own: r.own, count: Number(r.n) }));
      },
      async sheetIds(cycleId) {
        return (await db.selectFrom('appraisal_sheets').select('id').where('cycle_id', '=', cycleId).orderBy('id').execute()).map((r) => r.id);
      },
    },

    assignment: {
      async kpisByCode(codes) {
        if (codes.length === 0) return new Map();
        const rows = await db.selectFrom('kpis').select(['id', 'code', 'status']).where('code', 'in', codes).execute();
        return new Map(rows.map((r) => [r.code, { id: r.id, archived: r.status === 'archived' }]));
      },
      async people(pick) {
        let q = db.selectFrom('people').select(['id', 'full_name', 'unit_id', 'position_id', 'manager_id', 'active']);
        if (pick.personIds !== undefined) q = q.where(sql<boolean>`id IN (SELECT unnest(${pick.personIds}::int[]))`);
        else q = q.where('active', '=', true);
        if (pick.unitIds !== undefined) q = q.where(sql<boolean>`unit_id IN (SELECT unnest(${pick.unitIds}::int[]))`);
        if (pick.positionId !== undefined) q = q.where('position_id', '=', pick.positionId);
        const rows = await q.orderBy('id').execute();
        return rows.map((r) => ({ id: r.id, fullName: r.full_name, unitId: r.unit_id, positionId: r.position_id, managerId: r.manager_id, active: r.active }));
      },
      async existingSheets(cycleId, personIds) {
        if (personIds.length === 0) return [];
        const rows = await db
          .selectFrom('appraisal_sheets')
          .select(['id', 'person_id', 'position_id', 'starts_on', 'ends_on'])
          .where('cycle_id', '=', cycleId)
          .where(sql<boolean>`person_id IN (SELECT unnest(${personIds}::int[]))`)
          .execute();
        return rows.map((r) => ({ id: r.id, personId: r.person_id, positionId: r.position_id, startsOn: day(r.starts_on), endsOn: day(r.ends_on) }));
      },
      async personTargets(kpiIds, personIds, periodKey) {
        if (kpiIds.length === 0 || personIds.length === 0) return new Map();
        const rows = await db
          .selectFrom('kpi_targets')
          .select(['kpi_id', 'scope_id', 'value'])
          .where('scope_type', '=', 'person')
          .where('period_key', '=', periodKey)
          .where(sql<boolean>`kpi_id IN (SELECT unnest(${kpiIds}::int[]))`)
          .where(sql<boolean>`scope_id IN (SELECT unnest(${personIds}::int[]))`)
          .execute();
        return new Map(rows.map((r) => [`${r.kpi_id}|${r.scope_id}`, Number(r.value)]));
      },
      async endSheets(ends) {
        if (ends.length === 0) return;
        await sql`UPDATE appraisal_sheets s SET ends_on = e.ends_on, updated_at = now()
          FROM unnest(${ends.map((e) => e.id)}::int[], ${ends.map((e) => e.endsOn)}::date[]) AS e(id, ends_on)
          WHERE s.id = e.id`.execute(db);
      },
      async insertSheets(cycleId, templateId, groups, sheets, items, targets, proposedBy) {
        if (sheets.length === 0) return new Map();
        const col = <T>(f: (s: (typeof sheets)[number]) => T) => sheets.map(f);
        const inserted = await sql<{ id: number; person_id: number }>`
          INSERT INTO appraisal_sheets (cycle_id, template_id, groups, person_id, unit_id, position_id, reviewer_id, starts_on, ends_on)
          SELECT ${cycleId}::int, ${templateId}::int, ${json(groups)}::jsonb, t.*
          FROM unnest(${col((s) => s.personId)}::int[], ${col((s) => s.unitId)}::int[], ${col((s) => s.positionId)}::int[],
                      ${col((s) => s.reviewerId)}::int[], ${col((s) => s.startsOn)}::date[], ${col((s) => s.endsOn)}::date[])
            AS t(person_id, unit_id, position_id, reviewer_id, starts_on, ends_on)
          RETURNING id, person_id`.execute(db);
        const sheetOf = new Map(inserted.rows.map((r) => [r.person_id, r.id]));
        if (items.length > 0) await insertItems(db, sheetOf, items, targets, proposedBy);
        return sheetOf;
      },
    },
  };
}

/**
 * The items of the new sheets in one statement: the template's items (sent once) for every sheet, with the
 * targets some start from (sent once each), and version 1 (propose) of every such target. 10,000 sheets × 6
 * items is 60,000 rows written from a few kilobytes of parameters.
 */
async function insertItems(db: Kysely<DB>, sheetOf: Map<number, number>, items: NewItem[], targets: ItemTarget[], by: { userId: number | null; name: string }): Promise<void> {
  const col = <T>(f: (i: NewItem) => T) => items.map(f);
  const tcol = <T>(f: (t: ItemTarget) => T) => targets.map(f);
  await sql`
    WITH s AS (SELECT * FROM unnest(${[...sheetOf.values()]}::int[], ${[...sheetOf.keys()]}::int[]) AS s(sheet_id, person_id)),
    it AS (
      SELECT * FROM unnest(${col((i) => i.groupCode)}::text[], ${col((i) => i.code)}::text[], ${col((i) => json(i.name))}::text[],
                           ${col((i) => i.sort)}::int[], ${col((i) => i.kind)}::text[], ${col((i) => i.kpiId)}::int[], ${col((i) => i.scale)}::int[],
                           ${col((i) => (i.levels === null ? null : json(i.levels)))}::text[], ${col((i) => String(i.weight))}::numeric[])
        AS it(group_code, code, name, sort, kind, kpi_id, scale, levels, weight)
    ),
    tg AS (
      SELECT * FROM unnest(${tcol((t) => t.personId)}::int[], ${tcol((t) => t.code)}::text[], ${tcol((t) => String(t.target))}::numeric[],
                           ${tcol((t) => t.targetStatus)}::text[]) AS tg(person_id, code, target, target_status)
    ),
    new_items AS (
      INSERT INTO appraisal_items (sheet_id, group_code, code, name, sort, kind, kpi_id, scale, levels, weight, target, target_status)
      SELECT s.sheet_id, it.group_code, it.code, it.name::jsonb, it.sort, it.kind, it.kpi_id, it.scale, it.levels::jsonb, it.weight,
             tg.target, coalesce(tg.target_status, 'none')
      FROM s CROSS JOIN it LEFT JOIN tg ON tg.person_id = s.person_id AND tg.code = it.code
      RETURNING id, target, target_status
    )
    INSERT INTO appraisal_target_versions (item_id, version, action, value, status, actor_user_id, actor_name)
    SELECT id, 1, 'propose', target, 'proposed', ${by.userId}::int, ${by.name}::text FROM new_items WHERE target_status = 'proposed'`.execute(db);
}
