import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

/**
 * Evaluation sheets written straight with Kysely (the results tests need sheets before, and independently
 * of, the set-up routes): units, people, KPIs, a cycle, sheets with their items.
 */

export const BANDS = [
  { grade: 'A', min: 1.05 },
  { grade: 'B', min: 0.95 },
  { grade: 'C', min: 0.8 },
  { grade: 'D', min: 0 },
];

export async function addUnit(db: Kysely<DB>, code: string, parentId: number | null): Promise<number> {
  const r = await db.insertInto('org_units').values({ code, name: code, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function addPerson(db: Kysely<DB>, fullName: string, unitId: number, email: string | null = null): Promise<number> {
  const r = await db.insertInto('people').values({ full_name: fullName, unit_id: unitId, email }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function addKpi(
  db: Kysely<DB>,
  code: string,
  o: { aggregation?: string; direction?: string; frequency?: string | null; unit?: string | null; scoring?: object } = {},
): Promise<number> {
  const r = await db
    .insertInto('kpis')
    .values({
      code,
      name: code,
      level: 'operational',
      perspective: 'financial',
      direction: o.direction ?? 'increase',
      aggregation: o.aggregation ?? 'sum',
      frequency: o.frequency === undefined ? 'monthly' : o.frequency,
      unit: o.unit ?? null,
      source: 'manual',
      status: 'active',
      scoring: JSON.stringify(o.scoring ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function addCycle(
  db: Kysely<DB>,
  o: { code: string; startsOn: string; endsOn: string; phase?: string; missing?: 'renormalize' | 'zero'; periodKey?: string },
): Promise<number> {
  const r = await db
    .insertInto('appraisal_cycles')
    .values({
      code: o.code,
      name: o.code,
      frequency: 'quarterly',
      period_key: o.periodKey ?? o.code,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      phase: (o.phase ?? 'track') as never,
      missing: o.missing ?? 'renormalize',
      bands: JSON.stringify(BANDS),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function addBonusRule(db: Kysely<DB>, effectiveFrom: string, coefficients: Record<string, number> | null, rate = 1, roundStep = 1000): Promise<void> {
  await db
    .insertInto('appraisal_bonus_rules')
    .values({ effective_from: effectiveFrom, rate, coefficients: coefficients === null ? null : JSON.stringify(coefficients), round_step: roundStep })
    .execute();
}

let templates = 0;
async function template(db: Kysely<DB>): Promise<number> {
  const r = await db
    .insertInto('appraisal_templates')
    .values({ code: `T_RESULTS_${++templates}_${Date.now()}`, name: 'Results fixture', groups: JSON.stringify([]) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface FixtureItem {
  code: string;
  group: string;
  weight: number;
  kpiId?: number;
  scale?: number;
  target?: number | null;
  managerRating?: number | null;
}

export async function addSheet(
  db: Kysely<DB>,
  o: {
    cycleId: number;
    personId: number;
    unitId: number;
    startsOn: string;
    endsOn: string;
    groups: { code: string; weight: number }[];
    items: FixtureItem[];
    bonusBase?: number;
    calibratedGrade?: string | null;
  },
): Promise<{ sheetId: number; itemIds: Record<string, number> }> {
  const sheet = await db
    .insertInto('appraisal_sheets')
    .values({
      cycle_id: o.cycleId,
      person_id: o.personId,
      template_id: await template(db),
      unit_id: o.unitId,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      groups: JSON.stringify(o.groups.map((g) => ({ ...g, name: { vi: g.code, en: g.code }, overridden: false }))),
      bonus_base: o.bonusBase ?? 0,
      calibrated_grade: o.calibratedGrade ?? null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const itemIds: Record<string, number> = {};
  let sort = 0;
  for (const i of o.items) {
    const r = await db
      .insertInto('appraisal_items')
      .values({
        sheet_id: sheet.id,
        group_code: i.group,
        code: i.code,
        name: JSON.stringify({ vi: i.code, en: i.code }),
        sort: sort++,
        kind: i.kpiId ? 'kpi' : 'rated',
        kpi_id: i.kpiId ?? null,
        scale: i.kpiId ? null : (i.scale ?? 5),
        weight: i.weight,
        target: i.target ?? null,
        manager_rating: i.managerRating ?? null,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    itemIds[i.code] = r.id;
  }
  return { sheetId: sheet.id, itemIds };
}
