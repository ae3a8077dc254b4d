import { sql, type Kysely } from 'kysely';
import type {
  AppraisalResultsStore,
  RefreshFrom,
  RefreshInputs,
  RefreshItemRow,
  ResultItemRow,
  SheetResultWrite,
} from '../../app/appraisal/results/ports';
import type { CycleColumns } from '../../core/appraisal/cycle-close';
import type { GradeBand, MissingMode } from '../../core/appraisal/types';
import type { ActualTotals, ScoringConfig } from '../../core/evaluation';
import { CopyRows, copyInto } from '../copy';
import type { DB } from '../schema';

const LOCKED_PHASES = sql.raw(`('locked', 'published')`);
const num = (x: string | number | null): number | null => (x === null ? null : Number(x));
const day = (x: unknown): string => String(x).slice(0, 10);
const nanOr = (x: string | null): number => (x === null ? Number.NaN : Number(x));
/** A double for a float8/numeric array parameter: NaN and ±∞ are stored as NULL. */
const dbl = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

interface TotalsRow {
  item_id: number;
  n: string;
  sum: string | null;
  avg: string | null;
  min: string | null;
  max: string | null;
  last: string | null;
  num: string | null;
  den: string | null;
}

/**
 * The totals of a person's values of one KPI item, rolled up like `actuals.aggregate` rolls up a scope's values
 * over a period (the same `last` expression). Only the statistic the KPI's aggregation (`agg`) reads is computed
 * (the others come back null); `valueOfTotals` picks it.
 */
function totalsColumns(agg: ReturnType<typeof sql>) {
  return sql`count(*) AS n, sum(a.value) FILTER (WHERE ${agg} = 'sum') AS sum, avg(a.value) FILTER (WHERE ${agg} = 'avg') AS avg,
      min(a.value) FILTER (WHERE ${agg} = 'min') AS min, max(a.value) FILTER (WHERE ${agg} = 'max') AS max,
      (max(ARRAY[(a.period_start - DATE '2000-01-01')::numeric, a.value]) FILTER (WHERE ${agg} = 'last'))[2] AS last,
      sum(a.numerator) FILTER (WHERE ${agg} = 'ratio') AS num, sum(a.denominator) FILTER (WHERE ${agg} = 'ratio') AS den`;
}

/**
 * Every item of a cycle with the totals of the person's values of its KPI over the sheet's dates: one row per
 * sheet (by id) holding its items (by sort, id) as one JSON array of arrays. 120,000 item rows cost far more to
 * send one by one through PGlite's in-process protocol; one JSON text per sheet is parsed natively, and the
 * PostgreSQL server builds it about as fast as it sends rows (measured: one big array per column was slower there).
 * Only the statistic the KPI's aggregation reads is computed (`stat`, exact numeric as a JSON number), with the
 * count and, for ratio KPIs, Σ numerator and Σ denominator.
 */
function cycleItemsQuery(cycleId: number, kinds: readonly { kpiId: number; kind: string; aggregation: string }[]) {
  const agg = sql`fk.agg`;
  return sql<{ sheet_id: number; items: CycleItemJson[] }>`
    WITH fk(kpi_id, kind, agg) AS (
      SELECT * FROM unnest(${kinds.map((k) => k.kpiId)}::int[], ${kinds.map((k) => k.kind)}::text[], ${kinds.map((k) => k.aggregation)}::text[])
    ), t AS (
      SELECT i.id AS item_id, count(*) AS n,
        coalesce(sum(a.value) FILTER (WHERE ${agg} = 'sum'), avg(a.value) FILTER (WHERE ${agg} = 'avg'), min(a.value) FILTER (WHERE ${agg} = 'min'),
          max(a.value) FILTER (WHERE ${agg} = 'max'), (max(ARRAY[(a.period_start - DATE '2000-01-01')::numeric, a.value]) FILTER (WHERE ${agg} = 'last'))[2]) AS stat,
        sum(a.numerator) FILTER (WHERE ${agg} = 'ratio') AS num, sum(a.denominator) FILTER (WHERE ${agg} = 'ratio') AS den
      FROM appraisal_items i
      JOIN appraisal_sheets s ON s.id = i.sheet_id
      JOIN fk ON fk.kpi_id = i.kpi_id
      JOIN kpi_actuals a ON a.scope_type = 'person' AND a.scope_id = s.person_id AND a.kpi_id = i.kpi_id
        AND a.period_kind = fk.kind AND a.period_start >= s.starts_on AND a.period_end <= s.ends_on
      WHERE s.cycle_id = ${cycleId}
      GROUP BY i.id
    )
    SELECT s.id AS sheet_id, json_agg(json_build_array(i.id, i.group_code, i.code, i.weight::float8, i.kind, i.kpi_id, i.target::float8, i.scale,
        i.manager_rating::float8, t.n, t.stat, t.num, t.den) ORDER BY i.sort, i.id) AS items
    FROM appraisal_sheets s JOIN appraisal_items i ON i.sheet_id = s.id LEFT JOIN t ON t.item_id = i.id
    WHERE s.cycle_id = ${cycleId}
    GROUP BY s.id ORDER BY s.id`;
}

/** id, group code, code, weight, kind, KPI id, target, scale, manager rating, count, stat, Σ numerator, Σ denominator. */
type CycleItemJson = [number, string, string, number, 'kpi' | 'rated', number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

/** The sheets of a cycle (by id) as one row of arrays. */
interface CycleSheetArrays {
  id: number[] | null;
  person_id: number[];
  unit_id: number[];
  starts_on: string[];
  ends_on: string[];
  bonus_base: string[];
  calibrated_grade: (string | null)[];
  groups: { code: string; weight: number | string }[][];
}

const toTotals = (r: Omit<TotalsRow, 'item_id'>): ActualTotals => ({
  kind: '',
  count: Number(r.n),
  sum: nanOr(r.sum),
  avg: nanOr(r.avg),
  min: nanOr(r.min),
  max: nanOr(r.max),
  last: nanOr(r.last),
  numeratorSum: num(r.num),
  denominatorSum: num(r.den),
});

interface KpiRow {
  kpi_id: number;
  direction: string;
  aggregation: string;
  frequency: string | null;
  baseline_value: string | null;
  scoring: unknown;
}
const toKpi = (r: KpiRow): NonNullable<ResultItemRow['kpi']> => ({
  id: r.kpi_id,
  direction: r.direction,
  aggregation: r.aggregation,
  frequency: r.frequency,
  baseline: num(r.baseline_value),
  scoring: (r.scoring ?? {}) as NonNullable<ResultItemRow['kpi']>['scoring'],
});

/**
 * The sheet's `groups` JSON with each group's `score` set from `scores` (a JSON object: group code → score or
 * null); every other field of a group (code, name, weight, overridden) stays as it is.
 */
function withGroupScores(groups: ReturnType<typeof sql>, scores: ReturnType<typeof sql>) {
  return sql`coalesce((SELECT jsonb_agg(e.g || jsonb_build_object('score', ${scores} -> (e.g ->> 'code')) ORDER BY e.o)
    FROM jsonb_array_elements(${groups}) WITH ORDINALITY AS e(g, o)), '[]'::jsonb)`;
}

/** One UPDATE of sheet results from column arrays (group scores merged into the groups JSON). */
function updateSheets(rows: readonly SheetResultWrite[]) {
  return sql`
    UPDATE appraisal_sheets s SET own_score = t.own_score, score = t.score, grade = t.grade, coefficient = t.coefficient, bonus = t.bonus,
      groups = ${withGroupScores(sql`s.groups`, sql`t.group_scores`)}
    FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => dbl(r.ownScore))}::float8[], ${rows.map((r) => dbl(r.score))}::float8[],
      ${rows.map((r) => r.grade)}::text[], ${rows.map((r) => dbl(r.coefficient))}::float8[], ${rows.map((r) => dbl(r.bonus))}::numeric[],
      ${rows.map((r) => JSON.stringify(r.groupScores))}::jsonb[])
      AS t(id, own_score, score, grade, coefficient, bonus, group_scores)
    WHERE s.id = t.id`;
}

/** One row per item of a sheet to refresh (a sheet without items: one row with null item columns). */
interface RefreshRow {
  id: number;
  cycle_id: number;
  person_id: number;
  unit_id: number;
  starts_on: string;
  ends_on: string;
  groups: { code: string; weight: number | string }[];
  bonus_base: string;
  calibrated_grade: string | null;
  score: number | null;
  cycle_starts_on: string;
  cycle_ends_on: string;
  missing: MissingMode;
  bands: GradeBand[];
  rate: string | null;
  coefficients: Record<string, number> | null;
  round_step: string | null;
  item_id: number | null;
  group_code: string;
  code: string;
  kind: 'kpi' | 'rated';
  weight: string;
  target: string | null;
  scale: number | null;
  manager_rating: string | null;
  kpi_id: number | null;
  direction: string;
  aggregation: string;
  frequency: string | null;
  baseline_value: string | null;
  scoring: ScoringConfig | null;
  n: string | null;
  sum: string | null;
  avg: string | null;
  min: string | null;
  max: string | null;
  last: string | null;
  num: string | null;
  den: string | null;
}

function refreshItem(r: RefreshRow): RefreshItemRow {
  return {
    id: r.item_id!,
    sheetId: r.id,
    groupCode: r.group_code,
    code: r.code,
    kind: r.kind,
    weight: Number(r.weight),
    target: num(r.target),
    scale: r.scale,
    managerRating: num(r.manager_rating),
    kpi:
      r.kpi_id === null
        ? null
        : { id: r.kpi_id, direction: r.direction, aggregation: r.aggregation, frequency: r.frequency, baseline: num(r.baseline_value), scoring: r.scoring ?? {} },
    totals: r.n === null ? null : toTotals(r as RefreshRow & { n: string; item_id: number }),
  };
}

/**
 * The refresh's one read (see `AppraisalResultsStore.refreshInputs`): one row per item with its sheet, cycle,
 * bonus rule in effect, KPI settings and the totals of the person's values (a lateral aggregate over the
 * person's index). The sheets are locked (FOR UPDATE) in id order.
 */
function refreshQuery(from: RefreshFrom, periodKinds: readonly { frequency: string | null; kind: string }[]) {
  const picked =
    'sheetIds' in from
      ? sql`SELECT person_id, cycle_id FROM appraisal_sheets WHERE id = ANY(${[...from.sheetIds]}::int[])`
      : sql`SELECT s.person_id, s.cycle_id
          FROM unnest(${from.writes.map((w) => w.personId)}::int[], ${from.writes.map((w) => w.kpiId)}::int[], ${from.writes.map((w) => w.start)}::date[],
            ${from.writes.map((w) => w.end)}::date[]) AS w(person_id, kpi_id, starts_on, ends_on)
          JOIN appraisal_sheets s ON s.person_id = w.person_id AND s.starts_on <= w.ends_on AND s.ends_on >= w.starts_on
          WHERE EXISTS (SELECT 1 FROM appraisal_items i WHERE i.sheet_id = s.id AND i.kpi_id = w.kpi_id)`;
  const kindOf = sql`(${periodKinds.map((p) => p.kind)}::text[])[array_position(${periodKinds.map((p) => p.frequency)}::text[], k.frequency)]`;
  return sql<RefreshRow>`
    WITH sheets AS (
      SELECT s.id, s.cycle_id, s.person_id, s.unit_id, s.starts_on, s.ends_on, s.groups, s.bonus_base, s.calibrated_grade, s.score
      FROM appraisal_sheets s JOIN appraisal_cycles c ON c.id = s.cycle_id
      WHERE (s.person_id, s.cycle_id) IN (${picked}) AND c.phase NOT IN ${LOCKED_PHASES}
      ORDER BY s.id
      FOR UPDATE OF s
    )
    SELECT s.*, c.starts_on AS cycle_starts_on, c.ends_on AS cycle_ends_on, c.missing, c.bands, br.rate, br.coefficients, br.round_step,
      i.id AS item_id, i.group_code, i.code, i.kind, i.weight, i.target, i.scale, i.manager_rating, i.kpi_id,
      k.direction, k.aggregation, k.frequency, k.baseline_value, k.scoring, t.*
    FROM sheets s JOIN appraisal_cycles c ON c.id = s.cycle_id
    LEFT JOIN LATERAL (
      SELECT r.rate, r.coefficients, r.round_step FROM appraisal_bonus_rules r WHERE r.effective_from <= c.ends_on ORDER BY r.effective_from DESC LIMIT 1
    ) br ON true
    LEFT JOIN appraisal_items i ON i.sheet_id = s.id
    LEFT JOIN kpis k ON k.id = i.kpi_id
    LEFT JOIN LATERAL (
      SELECT ${totalsColumns(sql`k.aggregation`)}
      FROM kpi_actuals a
      WHERE a.scope_type = 'person' AND a.scope_id = s.person_id AND a.kpi_id = i.kpi_id AND a.period_kind = ${kindOf}
        AND a.period_start >= s.starts_on AND a.period_end <= s.ends_on
    ) t ON i.kpi_id IS NOT NULL
    ORDER BY s.id, i.sort, i.id`;
}

export function appraisalResultsRepo(db: Kysely<DB>): AppraisalResultsStore {
  return {
    async refreshInputs(from, periodKinds) {
      const { rows } = await refreshQuery(from, periodKinds).execute(db);
      const out: RefreshInputs = { sheets: [], items: [], cycles: new Map() };
      for (const r of rows) {
        if (out.sheets.at(-1)?.id !== r.id) {
          out.sheets.push({
            id: r.id,
            cycleId: r.cycle_id,
            personId: r.person_id,
            unitId: r.unit_id,
            startsOn: day(r.starts_on),
            endsOn: day(r.ends_on),
            groups: r.groups.map((g) => ({ code: g.code, weight: Number(g.weight) })),
            bonusBase: Number(r.bonus_base),
            calibratedGrade: r.calibrated_grade,
            score: r.score,
          });
        }
        if (r.item_id !== null) out.items.push(refreshItem(r));
        if (!out.cycles.has(r.cycle_id)) {
          out.cycles.set(r.cycle_id, {
            cycle: { startsOn: day(r.cycle_starts_on), endsOn: day(r.cycle_ends_on), missing: r.missing, bands: r.bands },
            rule: r.rate === null ? null : { rate: Number(r.rate), coefficients: r.coefficients, round: Number(r.round_step) },
          });
        }
      }
      return out;
    },

    async saveRefresh(w) {
      if (w.items.length === 0 && w.sheets.length === 0 && w.units.length === 0) return;
      const { items, sheets, units } = w;
      await sql`
        WITH RECURSIVE items_up AS (
          UPDATE appraisal_items i SET actual = t.actual, achievement = t.achievement, score = t.score
          FROM unnest(${items.map((r) => r.id)}::int[], ${items.map((r) => dbl(r.actual))}::float8[],
            ${items.map((r) => dbl(r.achievement))}::float8[], ${items.map((r) => dbl(r.score))}::float8[]) AS t(id, actual, achievement, score)
          WHERE i.id = t.id AND (i.actual IS DISTINCT FROM t.actual::numeric OR i.achievement IS DISTINCT FROM t.achievement OR i.score IS DISTINCT FROM t.score)
        ), sheets_up AS (
          ${updateSheets(sheets)}
        ), delta AS (
          SELECT * FROM unnest(${units.map((d) => d.cycleId)}::int[], ${units.map((d) => d.unitId)}::int[], ${units.map((d) => d.people)}::int[],
            ${units.map((d) => d.sum)}::float8[]) AS d(cycle_id, unit_id, people, score_sum)
        ), up(cycle_id, unit_id, people, score_sum) AS (
          SELECT cycle_id, unit_id, people, score_sum FROM delta
          UNION ALL
          SELECT up.cycle_id, u.parent_id, up.people, up.score_sum FROM up JOIN org_units u ON u.id = up.unit_id WHERE u.parent_id IS NOT NULL
        ), agg AS (
          SELECT cycle_id, unit_id, sum(people)::int AS people, sum(score_sum) AS score_sum FROM up GROUP BY cycle_id, unit_id
        ), dropped AS (
          DELETE FROM appraisal_unit_results r USING agg
          WHERE r.cycle_id = agg.cycle_id AND r.unit_id = agg.unit_id AND r.people + agg.people <= 0
          RETURNING r.cycle_id, r.unit_id
        )
        INSERT INTO appraisal_unit_results AS r (cycle_id, unit_id, people, score_sum, mean_score)
        SELECT cycle_id, unit_id, people, score_sum, CASE WHEN people > 0 THEN score_sum / people END
        FROM agg
        WHERE NOT EXISTS (SELECT 1 FROM dropped d WHERE d.cycle_id = agg.cycle_id AND d.unit_id = agg.unit_id)
          AND (agg.people > 0 OR EXISTS (SELECT 1 FROM appraisal_unit_results x WHERE x.cycle_id = agg.cycle_id AND x.unit_id = agg.unit_id))
        ORDER BY cycle_id, unit_id
        ON CONFLICT (cycle_id, unit_id) DO UPDATE SET people = r.people + excluded.people, score_sum = r.score_sum + excluded.score_sum,
          mean_score = CASE WHEN r.people + excluded.people > 0 THEN (r.score_sum + excluded.score_sum) / (r.people + excluded.people) END`.execute(db);
    },

    async bonusRule(asOf) {
      const r = await db
        .selectFrom('appraisal_bonus_rules')
        .select(['rate', 'coefficients', 'round_step'])
        .where('effective_from', '<=', asOf)
        .orderBy('effective_from', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? { rate: Number(r.rate), coefficients: r.coefficients, round: Number(r.round_step) } : null;
    },

    async cycleKpis(cycleId) {
      const { rows } = await sql<KpiRow>`
        SELECT k.id AS kpi_id, k.direction, k.aggregation, k.frequency, k.baseline_value, k.scoring FROM kpis k
        WHERE k.id IN (SELECT i.kpi_id FROM appraisal_items i JOIN appraisal_sheets s ON s.id = i.sheet_id WHERE s.cycle_id = ${cycleId})`.execute(db);
      return rows.map(toKpi);
    },

    async cycleColumns(cycleId, kinds) {
      const sheets = await sql<CycleSheetArrays>`
        SELECT array_agg(id ORDER BY id) AS id, array_agg(person_id ORDER BY id) AS person_id, array_agg(unit_id ORDER BY id) AS unit_id,
          array_agg(starts_on::text ORDER BY id) AS starts_on, array_agg(ends_on::text ORDER BY id) AS ends_on,
          array_agg(bonus_base ORDER BY id) AS bonus_base, array_agg(calibrated_grade ORDER BY id) AS calibrated_grade,
          -- JSON, not jsonb[]: one JSON.parse instead of an array parse plus one per sheet
          json_agg(groups ORDER BY id) AS groups
        FROM appraisal_sheets WHERE cycle_id = ${cycleId}`.execute(db);
      const items = await cycleItemsQuery(cycleId, kinds).execute(db);
      return layOutColumns(sheets.rows[0]!, items.rows);
    },

    async saveItems(rows) {
      if (rows.length === 0) return;
      // COPY into a session table, then one UPDATE … FROM that skips items whose results are unchanged.
      await sql`CREATE TEMP TABLE IF NOT EXISTS appraisal_item_results_in (id int, actual float8, achievement float8, score float8)`.execute(db);
      const copy = new CopyRows();
      for (const r of rows) copy.ascii(r.id).ascii(dbl(r.actual)).ascii(dbl(r.achievement)).ascii(dbl(r.score)).endRow();
      await copyInto(db as unknown as Kysely<unknown>, 'appraisal_item_results_in', ['id', 'actual', 'achievement', 'score'], copy);
      await sql`
        UPDATE appraisal_items i SET actual = t.actual, achievement = t.achievement, score = t.score
        FROM appraisal_item_results_in t
        WHERE i.id = t.id AND (i.actual IS DISTINCT FROM t.actual::numeric OR i.achievement IS DISTINCT FROM t.achievement OR i.score IS DISTINCT FROM t.score)`.execute(db);
      // TRUNCATE, not DELETE: a temp table is never vacuumed.
      await sql`TRUNCATE appraisal_item_results_in`.execute(db);
    },

    async saveSheets(rows) {
      if (rows.length === 0) return;
      await updateSheets(rows).execute(db);
    },

    async replaceUnitResults(cycleId, rows) {
      await db.deleteFrom('appraisal_unit_results').where('cycle_id', '=', cycleId).execute();
      if (rows.length === 0) return;
      await sql`
        INSERT INTO appraisal_unit_results (cycle_id, unit_id, people, score_sum, mean_score)
        SELECT ${cycleId}, * FROM unnest(${rows.map((r) => r.unitId)}::int[], ${rows.map((r) => r.people)}::int[],
          ${rows.map((r) => r.sum)}::float8[], ${rows.map((r) => dbl(r.mean))}::float8[])`.execute(db);
    },

    async units() {
      const rows = await db.selectFrom('org_units').select(['id', 'parent_id']).execute();
      return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
    },

    async lockedKpis(q) {
      const { rows } = await sql<{ person_id: number; kpi_id: number; name: string; phase: 'locked' | 'published'; starts_on: string; ends_on: string }>`
        SELECT DISTINCT s.person_id, i.kpi_id, c.name, c.phase, c.starts_on, c.ends_on
        FROM appraisal_cycles c
        JOIN appraisal_sheets s ON s.cycle_id = c.id
        JOIN appraisal_items i ON i.sheet_id = s.id AND i.kpi_id IS NOT NULL
        WHERE c.phase IN ${LOCKED_PHASES}
          ${q.personIds ? sql`AND s.person_id = ANY(${[...q.personIds]}::int[])` : sql``}
          ${q.kpiIds ? sql`AND i.kpi_id = ANY(${[...q.kpiIds]}::int[])` : sql``}`.execute(db);
      return rows.map((r) => ({ personId: r.person_id, kpiId: r.kpi_id, cycleName: r.name, phase: r.phase, startsOn: day(r.starts_on), endsOn: day(r.ends_on) }));
    },
  };
}

/**
 * Sheets (by id) and their items (by sheet, sort) laid out sheet → group (the sheet's group order) → item, as
 * `CycleColumns`. Items of a group the sheet does not list are left out, as a sheet's score leaves them out.
 */
function layOutColumns(sheets: CycleSheetArrays, itemRows: readonly { sheet_id: number; items: CycleItemJson[] }[]): CycleColumns {
  const sheetIds = sheets.id ?? [];
  const S = sheetIds.length;
  const G = sheets.groups?.reduce((n, g) => n + g.length, 0) ?? 0;
  const sheetGroupStart = new Int32Array(S + 1);
  const groupWeight = new Float64Array(G);
  const groupCode: string[] = [];
  const groupItemStart = new Int32Array(G + 1);
  const it: CycleItemJson[] = [];
  let row = 0;
  let g = 0;
  for (let s = 0; s < S; s++) {
    const id = sheetIds[s]!;
    sheetGroupStart[s] = g;
    const items = itemRows[row]?.sheet_id === id ? itemRows[row++]!.items : [];
    for (const group of sheets.groups[s]!) {
      groupWeight[g] = Number(group.weight);
      groupCode.push(group.code);
      groupItemStart[g] = it.length;
      for (const item of items) if (item[1] === group.code) it.push(item);
      g++;
    }
  }
  sheetGroupStart[S] = G;
  groupItemStart[G] = it.length;
  const nan = (x: number | null) => (x === null ? Number.NaN : x);
  return {
    sheetId: Int32Array.from(sheetIds),
    personId: Int32Array.from(sheets.person_id ?? []),
    unitId: Int32Array.from(sheets.unit_id ?? []),
    startsOn: sheets.starts_on ?? [],
    endsOn: sheets.ends_on ?? [],
    bonusBase: Float64Array.from(sheets.bonus_base ?? [], Number),
    calibratedGrade: sheets.calibrated_grade ?? [],
    sheetGroupStart,
    groupCode,
    groupWeight,
    groupItemStart,
    itemId: Int32Array.from(it, (r) => r[0]),
    itemCode: it.map((r) => r[2]),
    itemWeight: Float64Array.from(it, (r) => r[3]),
    itemKind: it.map((r) => r[4]),
    itemKpiId: Int32Array.from(it, (r) => r[5] ?? -1),
    itemTarget: Float64Array.from(it, (r) => nan(r[6])),
    itemScale: Float64Array.from(it, (r) => nan(r[7])),
    itemRating: Float64Array.from(it, (r) => nan(r[8])),
    itemTotals: it.map(totalsOf),
  };
}

/** An item's totals: the one statistic computed stands for every field, `valueOfTotals` reads the one it needs. */
function totalsOf(r: CycleItemJson): ActualTotals | null {
  const [, , , , , , , , , n, stat, numerator, denominator] = r;
  if (n === null) return null;
  const x = stat ?? Number.NaN;
  return { kind: '', count: n, sum: x, avg: x, min: x, max: x, last: x, numeratorSum: numerator, denominatorSum: denominator };
}
