import { sql, type Kysely } from 'kysely';
import type {
  AgreementVersionRecord,
  AppraisalSheetsStore,
  CalibrationRecord,
  ItemPatch,
  SheetGroupRecord,
  SheetItemRecord,
  SheetQuery,
  SheetRecord,
  TemplateGroupRecord,
} from '../../app/appraisal/sheets/ports';
import type { DB } from '../schema';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const day = (v: string) => String(v).slice(0, 10);

function sheetsBase(db: Kysely<DB>) {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .innerJoin('appraisal_templates as t', 't.id', 's.template_id')
    .leftJoin('positions as pos', 'pos.id', 's.position_id')
    .leftJoin('people as r', 'r.id', 's.reviewer_id')
    .leftJoin('users as ru', 'ru.id', 's.reviewed_by');
}

function selectSheet(q: ReturnType<typeof sheetsBase>) {
  return q.select([
    's.id',
    's.cycle_id',
    's.person_id',
    'p.full_name as person_name',
    'p.email as person_email',
    's.unit_id',
    'u.name as unit_name',
    'pos.name as position_name',
    's.template_id',
    't.name as template_name',
    's.reviewer_id',
    'r.full_name as reviewer_name',
    's.starts_on',
    's.ends_on',
    's.groups',
    's.bonus_base',
    's.self_submitted_at',
    's.reviewed_at',
    's.reviewed_by',
    'ru.name as reviewed_by_name',
    's.approved_at',
    's.approved_by',
    's.own_score',
    's.score',
    's.grade',
    's.calibrated_grade',
    's.coefficient',
    's.bonus',
    sql<string>`(SELECT count(*) FROM appraisal_items i WHERE i.sheet_id = s.id)`.as('items'),
    sql<string>`(SELECT count(*) FROM appraisal_items i WHERE i.sheet_id = s.id AND i.kind = 'kpi')`.as('kpi_items'),
    sql<string>`(SELECT count(*) FROM appraisal_items i WHERE i.sheet_id = s.id AND i.kind = 'kpi' AND i.target_status IN ('agreed', 'finalized'))`.as('agreed_items'),
  ]);
}

type SheetRow = Awaited<ReturnType<ReturnType<typeof selectSheet>['executeTakeFirstOrThrow']>>;

function toSheet(r: SheetRow): SheetRecord {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    personId: r.person_id,
    personName: r.person_name,
    personEmail: r.person_email,
    unitId: r.unit_id,
    unitName: r.unit_name,
    positionName: r.position_name,
    templateId: r.template_id,
    templateName: r.template_name,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    startsOn: day(r.starts_on),
    endsOn: day(r.ends_on),
    groups: r.groups as SheetGroupRecord[],
    bonusBase: Number(r.bonus_base),
    selfSubmittedAt: iso(r.self_submitted_at),
    reviewedAt: iso(r.reviewed_at),
    reviewedBy: r.reviewed_by,
    reviewedByName: r.reviewed_by_name,
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by,
    ownScore: r.own_score,
    score: r.score,
    grade: r.grade,
    calibratedGrade: r.calibrated_grade,
    coefficient: r.coefficient,
    bonus: num(r.bonus),
    items: Number(r.items),
    kpiItems: Number(r.kpi_items),
    agreedItems: Number(r.agreed_items),
  };
}

const itemColumns: Record<keyof ItemPatch, string> = {
  group: 'group_code',
  code: 'code',
  name: 'name',
  sort: 'sort',
  scale: 'scale',
  levels: 'levels',
  weight: 'weight',
  overridden: 'overridden',
  target: 'target',
  targetStatus: 'target_status',
  selfRating: 'self_rating',
  selfComment: 'self_comment',
  managerRating: 'manager_rating',
  managerComment: 'manager_comment',
};

const asJson = (v: unknown) => (v === null ? null : JSON.stringify(v));

export function appraisalSheetsRepo(db: Kysely<DB>): AppraisalSheetsStore {
  return {
    async find(id, options = {}) {
      if (options.forUpdate) await db.selectFrom('appraisal_sheets').select('id').where('id', '=', id).forUpdate().execute();
      const r = await selectSheet(sheetsBase(db)).where('s.id', '=', id).executeTakeFirst();
      return r ? toSheet(r) : null;
    },

    async list(q: SheetQuery) {
      let base = sheetsBase(db);
      if (q.cycleId !== undefined) base = base.where('s.cycle_id', '=', q.cycleId);
      if (q.personId !== undefined) base = base.where('s.person_id', '=', q.personId);
      if (q.unitIds) base = base.where('s.unit_id', 'in', q.unitIds.length ? q.unitIds : [-1]);
      const { unitIds, selfPersonId } = q.visible;
      if (unitIds) {
        base = base.where((eb) => eb.or([eb('s.unit_id', 'in', unitIds.length ? unitIds : [-1]), eb('s.person_id', '=', selfPersonId ?? -1)]));
      }
      const [rows, count] = await Promise.all([
        selectSheet(base).orderBy('u.name').orderBy('p.sort_key').orderBy('s.starts_on').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
        base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toSheet), total: Number(count.n) };
    },

    async items(sheetIds) {
      if (sheetIds.length === 0) return [];
      const rows = await db
        .selectFrom('appraisal_items as i')
        .leftJoin('kpis as k', 'k.id', 'i.kpi_id')
        .selectAll('i')
        .select(['k.code as kpi_code', 'k.unit as kpi_unit', 'k.direction', 'k.aggregation'])
        .where('i.sheet_id', 'in', [...sheetIds])
        .orderBy('i.sheet_id')
        .orderBy('i.sort')
        .orderBy('i.id')
        .execute();
      return rows.map(
        (r): SheetItemRecord => ({
          id: r.id,
          sheetId: r.sheet_id,
          group: r.group_code,
          code: r.code,
          name: r.name,
          sort: r.sort,
          kind: r.kind,
          kpiId: r.kpi_id,
          kpiCode: r.kpi_code,
          kpiUnit: r.kpi_unit,
          direction: r.direction,
          aggregation: r.aggregation,
          scale: r.scale,
          levels: r.levels,
          weight: Number(r.weight),
          overridden: r.overridden,
          extra: r.extra,
          target: num(r.target),
          targetStatus: r.target_status,
          selfRating: num(r.self_rating),
          selfComment: r.self_comment,
          managerRating: num(r.manager_rating),
          managerComment: r.manager_comment,
          actual: num(r.actual),
          achievement: r.achievement,
          score: r.score,
        }),
      );
    },

    async versions(itemIds) {
      if (itemIds.length === 0) return [];
      const rows = await db.selectFrom('appraisal_target_versions').selectAll().where('item_id', 'in', [...itemIds]).orderBy('item_id').orderBy('version').execute();
      return rows.map(
        (r): AgreementVersionRecord => ({
          itemId: r.item_id,
          version: r.version,
          action: r.action,
          value: num(r.value),
          reason: r.reason,
          status: r.status as AgreementVersionRecord['status'],
          actorName: r.actor_name,
          at: iso(r.at)!,
        }),
      );
    },

    async calibrations(sheetIds) {
      if (sheetIds.length === 0) return [];
      const rows = await db.selectFrom('appraisal_calibrations').selectAll().where('sheet_id', 'in', [...sheetIds]).orderBy('at').orderBy('id').execute();
      return rows.map(
        (r): CalibrationRecord => ({
          sheetId: r.sheet_id,
          beforeGrade: r.before_grade,
          afterGrade: r.after_grade,
          score: r.score,
          reason: r.reason,
          actorName: r.actor_name,
          at: iso(r.at)!,
        }),
      );
    },

    async templateGroups(templateId) {
      const r = await db.selectFrom('appraisal_templates').select('groups').where('id', '=', templateId).executeTakeFirst();
      return (r?.groups ?? []) as TemplateGroupRecord[];
    },

    async kpiIds(codes) {
      if (codes.length === 0) return new Map();
      const rows = await db.selectFrom('kpis').select(['id', 'code', 'status']).where('code', 'in', [...codes]).execute();
      return new Map(rows.map((r) => [r.code, { id: r.id, status: r.status }]));
    },

    async userNames(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async updateSheet(id, patch) {
      const set: Record<string, unknown> = { updated_at: sql`now()` };
      if (patch.groups !== undefined) set.groups = JSON.stringify(patch.groups);
      if (patch.bonusBase !== undefined) set.bonus_base = patch.bonusBase;
      if (patch.selfSubmittedAt !== undefined) set.self_submitted_at = patch.selfSubmittedAt;
      if (patch.reviewedAt !== undefined) set.reviewed_at = patch.reviewedAt;
      if (patch.reviewedBy !== undefined) set.reviewed_by = patch.reviewedBy;
      if (patch.approvedAt !== undefined) set.approved_at = patch.approvedAt;
      if (patch.approvedBy !== undefined) set.approved_by = patch.approvedBy;
      await db.updateTable('appraisal_sheets').set(set).where('id', '=', id).execute();
    },

    async setCalibratedGrade(cycleId, personId, grade) {
      await db
        .updateTable('appraisal_sheets')
        .set({ calibrated_grade: grade, updated_at: sql`now()` })
        .where('cycle_id', '=', cycleId)
        .where('person_id', '=', personId)
        .execute();
    },

    async updateItem(id, patch) {
      const set: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        set[itemColumns[key as keyof ItemPatch]] = key === 'name' || key === 'levels' ? asJson(value) : value;
      }
      if (Object.keys(set).length > 0) await db.updateTable('appraisal_items').set(set).where('id', '=', id).execute();
    },

    async insertItems(sheetId, items) {
      if (items.length === 0) return [];
      const rows = await db
        .insertInto('appraisal_items')
        .values(
          items.map((i) => ({
            sheet_id: sheetId,
            group_code: i.group,
            code: i.code,
            name: JSON.stringify(i.name),
            sort: i.sort,
            kind: i.kind,
            kpi_id: i.kpiId,
            scale: i.scale,
            levels: asJson(i.levels),
            weight: i.weight,
            overridden: i.overridden,
            extra: i.extra,
          })),
        )
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async deleteItems(ids) {
      if (ids.length > 0) await db.deleteFrom('appraisal_items').where('id', 'in', [...ids]).execute();
    },

    async appendVersion(v) {
      const r = await db
        .insertInto('appraisal_target_versions')
        .values({
          item_id: v.itemId,
          version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM appraisal_target_versions WHERE item_id = ${v.itemId})`,
          action: v.action,
          value: v.value,
          reason: v.reason,
          status: v.status,
          actor_user_id: v.actorUserId,
          actor_name: v.actorName,
        })
        .returning('version')
        .executeTakeFirstOrThrow();
      return r.version;
    },

    async addCalibration(c) {
      await db
        .insertInto('appraisal_calibrations')
        .values({ sheet_id: c.sheetId, score: c.score, before_grade: c.beforeGrade, after_grade: c.afterGrade, reason: c.reason, actor_user_id: c.actorUserId, actor_name: c.actorName })
        .execute();
    },
  };
}
