import { sql, type Kysely } from 'kysely';
import { CopyRows, copyInto } from '../src/db/copy';
import type { DB } from '../src/db/schema';
import { close } from './harness';

/**
 * The period-close company, shared by the period-close and freshness benchmarks: 10,000 people in 100 teams
 * under 10 divisions under one root, each on a sheet of 12 KPI items in 3 groups (60 / 20 / 20) for the
 * yearly cycle 2026, and 12 monthly values per person and KPI (~5 % missing): 1.44M values, loaded with COPY.
 * The same numbers are kept in typed arrays for the in-memory baseline.
 */
export const PEOPLE = Number(process.env.PERIOD_CLOSE_PEOPLE ?? 10_000);
export const KPIS = 12;
export const MONTHS = 12;
export const TEAMS = 100;
export const DIVISIONS = 10;
export const CYCLE_ID = 1;

/** Per KPI: aggregation (0 sum, 1 avg, 2 ratio), direction (1 increase), group, item weight. */
export const AGG = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
export const INCREASE = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1]);
export const ITEM_GROUP = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
export const ITEM_WEIGHT = Float64Array.from([30, 20, 15, 15, 10, 10, 40, 30, 30, 50, 25, 25]);
export const GROUP_WEIGHT = Float64Array.from([60, 20, 20]);
const AGG_NAME = ['sum', 'avg', 'ratio'];
const GROUP_CODE = ['output', 'behavior', 'competency'];

/** Units: 0 root, 1…10 divisions, 11…110 teams (ids are index + 1). Person p is in team 11 + p % 100. */
export const UNIT_COUNT = 1 + DIVISIONS + TEAMS;
export const unitParentIndex = (u: number) => (u === 0 ? -1 : u <= DIVISIONS ? 0 : 1 + ((u - 1 - DIVISIONS) % DIVISIONS));
export const personUnitIndex = (p: number) => 1 + DIVISIONS + (p % TEAMS);

export interface CloseData {
  /** Per person × KPI × month (NaN = no value); for the ratio KPI, `value` is numerator ÷ denominator. */
  value: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  /** Per person × KPI. */
  target: Float64Array;
}

export function buildData(): CloseData {
  let seed = 2026;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const n = PEOPLE * KPIS * MONTHS;
  const value = new Float64Array(n).fill(Number.NaN);
  const numerator = new Float64Array(n).fill(Number.NaN);
  const denominator = new Float64Array(n).fill(Number.NaN);
  const target = new Float64Array(PEOPLE * KPIS);
  for (let p = 0; p < PEOPLE; p++) {
    for (let k = 0; k < KPIS; k++) {
      const agg = AGG[k]!;
      target[p * KPIS + k] = agg === 2 ? Math.round(30 + next() * 60) / 100 : agg === 1 ? 40_000 + Math.round(next() * 60_000) : 1 + Math.round(next() * 1_000_000);
      for (let m = 0; m < MONTHS; m++) {
        if (next() < 0.05) continue;
        const i = (p * KPIS + k) * MONTHS + m;
        if (agg === 2) {
          numerator[i] = Math.round(next() * 100);
          denominator[i] = 50 + Math.round(next() * 100);
          value[i] = numerator[i]! / denominator[i]!;
        } else {
          value[i] = 1 + Math.round(next() * 100_000);
        }
      }
    }
  }
  return { value, numerator, denominator, target };
}

const month = (m: number) => `2026-${String(m + 1).padStart(2, '0')}`;
const monthEnd = (m: number) => new Date(Date.UTC(2026, m + 1, 0)).toISOString().slice(0, 10);

/** Loads the company into a migrated, empty database (COPY for the big tables) and returns the seconds it took. */
export async function seed(db: Kysely<DB>, data: CloseData): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const units = new CopyRows();
    for (let u = 0; u < UNIT_COUNT; u++) units.ascii(u + 1).ascii(`U${u}`).ascii(`Unit ${u}`).ascii(u === 0 ? null : unitParentIndex(u) + 1).endRow();
    await copyInto(tx as unknown as Kysely<unknown>, 'org_units', ['id', 'code', 'name', 'parent_id'], units);

    const people = new CopyRows();
    for (let p = 0; p < PEOPLE; p++) people.ascii(p + 1).ascii(`Person ${p}`).ascii(personUnitIndex(p) + 1).endRow();
    await copyInto(tx as unknown as Kysely<unknown>, 'people', ['id', 'full_name', 'unit_id'], people);

    const kpis = new CopyRows();
    for (let k = 0; k < KPIS; k++) {
      kpis.ascii(k + 1).ascii(`K${k + 1}`).ascii(`KPI ${k + 1}`).ascii('operational').ascii('financial').ascii(INCREASE[k] ? 'increase' : 'decrease');
      kpis.ascii(AGG_NAME[AGG[k]!]!).ascii('monthly').ascii('manual').ascii('active').text('{"cap": 1.2}').endRow();
    }
    await copyInto(tx as unknown as Kysely<unknown>, 'kpis', ['id', 'code', 'name', 'level', 'perspective', 'direction', 'aggregation', 'frequency', 'source', 'status', 'scoring'], kpis);

    await sql`INSERT INTO appraisal_templates (id, code, name, groups) VALUES (1, 'T', 'Sheet', '[]')`.execute(tx);
    await sql`INSERT INTO appraisal_cycles (id, code, name, frequency, period_key, starts_on, ends_on, phase, bands)
      VALUES (${CYCLE_ID}, '2026', '2026', 'yearly', '2026', '2026-01-01', '2026-12-31', 'track',
      '[{"grade":"A","min":1.05},{"grade":"B","min":0.95},{"grade":"C","min":0.8},{"grade":"D","min":0}]')`.execute(tx);

    const groupsJson = JSON.stringify(GROUP_CODE.map((code, g) => ({ code, name: { vi: code, en: code }, weight: GROUP_WEIGHT[g], overridden: false })));
    const sheets = new CopyRows();
    for (let p = 0; p < PEOPLE; p++) sheets.ascii(p + 1).ascii(CYCLE_ID).ascii(p + 1).ascii(1).ascii(personUnitIndex(p) + 1).ascii('2026-01-01').ascii('2026-12-31').text(groupsJson).endRow();
    await copyInto(tx as unknown as Kysely<unknown>, 'appraisal_sheets', ['id', 'cycle_id', 'person_id', 'template_id', 'unit_id', 'starts_on', 'ends_on', 'groups'], sheets);

    const items = new CopyRows();
    for (let p = 0; p < PEOPLE; p++) {
      for (let k = 0; k < KPIS; k++) {
        const id = p * KPIS + k + 1;
        items.ascii(id).ascii(p + 1).ascii(GROUP_CODE[ITEM_GROUP[k]!]!).ascii(`K${k + 1}`).text('{"vi":"k","en":"k"}').ascii(k).ascii('kpi').ascii(k + 1);
        items.ascii(ITEM_WEIGHT[k]!).ascii(data.target[p * KPIS + k]!).endRow();
      }
    }
    await copyInto(tx as unknown as Kysely<unknown>, 'appraisal_items', ['id', 'sheet_id', 'group_code', 'code', 'name', 'sort', 'kind', 'kpi_id', 'weight', 'target'], items);

    // The values, one COPY per 100,000 rows.
    let rows = new CopyRows();
    let inBatch = 0;
    for (let p = 0; p < PEOPLE; p++) {
      for (let k = 0; k < KPIS; k++) {
        for (let m = 0; m < MONTHS; m++) {
          const i = (p * KPIS + k) * MONTHS + m;
          const v = data.value[i]!;
          if (Number.isNaN(v)) continue;
          const ratio = AGG[k] === 2;
          rows.ascii(k + 1).ascii(month(m)).ascii('month').ascii(`${month(m)}-01`).ascii(monthEnd(m)).ascii('person').ascii(p + 1);
          rows.ascii(ratio ? v.toPrecision(17) : v).ascii(ratio ? data.numerator[i]! : null).ascii(ratio ? data.denominator[i]! : null).ascii('import').ascii('bench').endRow();
          if (++inBatch === 100_000) {
            await copyActuals(tx, rows);
            rows = new CopyRows();
            inBatch = 0;
          }
        }
      }
    }
    if (inBatch > 0) await copyActuals(tx, rows);
    for (const table of ['org_units', 'people', 'kpis', 'appraisal_templates', 'appraisal_cycles', 'appraisal_sheets', 'appraisal_items']) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(tx);
    }
  });
  await sql`ANALYZE`.execute(db);
}

function copyActuals(db: Kysely<DB>, rows: CopyRows) {
  return copyInto(
    db as unknown as Kysely<unknown>,
    'kpi_actuals',
    ['kpi_id', 'period_key', 'period_kind', 'period_start', 'period_end', 'scope_type', 'scope_id', 'value', 'numerator', 'denominator', 'source', 'updated_by_name'],
    rows,
  );
}

/** Every person's stored cycle score, by person index (NaN = none). */
export async function storedScores(db: Kysely<DB>): Promise<Float64Array> {
  const rows = await db.selectFrom('appraisal_sheets').select(['person_id', 'score']).where('cycle_id', '=', CYCLE_ID).execute();
  const out = new Float64Array(PEOPLE).fill(Number.NaN);
  for (const r of rows) out[r.person_id - 1] = r.score ?? Number.NaN;
  return out;
}

/** Whether two lists agree to 1e-9; logs the first difference (`name`: what is compared). */
export function agreeing(name: string, a: ArrayLike<number>, b: ArrayLike<number>, log: (line: string) => void): boolean {
  for (let p = 0; p < Math.max(a.length, b.length); p++) {
    if (!close(a[p]!, b[p]!)) {
      log(`    ${name} differs at ${p}: ${a[p]} vs ${b[p]}`);
      return false;
    }
  }
  return true;
}
