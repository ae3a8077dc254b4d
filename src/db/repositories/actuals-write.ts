import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { ActualWrite } from '../../app/ports';
import { copyInto, CopyRows } from '../copy';
import type { DB } from '../schema';

export type By = { userId: number | null; name: string };
export type Written = { inserted: number; updated: number };

/** From this many rows on, rows travel by COPY; fewer go as one statement with array parameters. */
export const COPY_FROM = 1_000;
/** Rows per COPY: bounds the memory of one round trip. */
const COPY_CHUNK = 50_000;
const COLUMNS = ['kpi_id', 'period_key', 'period_kind', 'period_start', 'period_end', 'scope_type', 'scope_id', 'value', 'numerator', 'denominator', 'source', 'comment', 'late'] as const;
const WHO = ['updated_by', 'updated_by_name'] as const;

/** A few rows: one statement, the rows as 13 array parameters. */
export function upsertFew(db: Kysely<DB>, rows: ActualWrite[], by: By): Promise<Written> {
  return upsertFrom(db, unnestInput(rows), by);
}

/** The rows as a relation with COLUMNS: 13 array parameters and `unnest`. */
function unnestInput(rows: ActualWrite[]): RawBuilder<unknown> {
  const col = <T>(f: (r: ActualWrite) => T) => rows.map(f);
  return sql`SELECT * FROM unnest(
      ${col((r) => r.kpiId)}::int[], ${col((r) => r.period)}::text[], ${col((r) => r.kind)}::text[],
      ${col((r) => r.start)}::date[], ${col((r) => r.end)}::date[], ${col((r) => r.scope.type)}::text[],
      ${col((r) => r.scope.id)}::int[], ${col((r) => String(r.value))}::numeric[],
      ${col((r) => (r.numerator == null ? null : String(r.numerator)))}::numeric[],
      ${col((r) => (r.denominator == null ? null : String(r.denominator)))}::numeric[],
      ${col((r) => r.source)}::text[], ${col((r) => r.comment ?? null)}::text[], ${col((r) => r.late)}::bool[]
    ) AS t(${sql.raw(COLUMNS.join(', '))})`;
}

const SAME_SLOT = (a: string, b: string) =>
  sql.raw(`${a}.kpi_id = ${b}.kpi_id AND ${a}.period_kind = ${b}.period_kind AND ${a}.period_start = ${b}.period_start
    AND ${a}.scope_type = ${b}.scope_type AND coalesce(${a}.scope_id, 0) = coalesce(${b}.scope_id, 0)`);

/** A stored row after `upsertFewReturning`: `kpi_actuals` columns, what the slot held before, and whether it was written. */
export type ReturnedRow = Selectable<DB['kpi_actuals']> & {
  written: boolean;
  before_id: number | null;
  before_value: string | null;
  before_numerator: string | null;
  before_denominator: string | null;
  before_comment: string | null;
  before_late: boolean | null;
  before_version: number | null;
};

/**
 * The upsert of `upsertFew`, returning every slot as stored afterwards with the values it held before, in
 * the same statement (the `before` CTE sees the table as it was when the statement began). A slot written
 * concurrently with the same values by another transaction can be missing: the caller reads those back.
 */
export async function upsertFewReturning(db: Kysely<DB>, rows: ActualWrite[], by: By): Promise<ReturnedRow[]> {
  const result = await sql<ReturnedRow>`
    WITH input AS (${unnestInput(rows)}),
    before AS (SELECT a.* FROM kpi_actuals a JOIN input i ON ${SAME_SLOT('a', 'i')}),
    changed AS (
      SELECT i.* FROM input i
      WHERE NOT EXISTS (
        SELECT 1 FROM before b WHERE ${SAME_SLOT('b', 'i')}
          AND (b.value, b.numerator, b.denominator, b.comment) IS NOT DISTINCT FROM (i.value, i.numerator, i.denominator, i.comment)
      )
    ),
    up AS (${insertChanged(by)} RETURNING a.*)
    SELECT up.*, true AS written, b.id AS before_id, b.value AS before_value, b.numerator AS before_numerator,
      b.denominator AS before_denominator, b.comment AS before_comment, b.late AS before_late, b.version AS before_version
    FROM up LEFT JOIN before b ON b.id = up.id
    UNION ALL
    SELECT b.*, false, b.id, b.value, b.numerator, b.denominator, b.comment, b.late, b.version
    FROM before b WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = b.id)`.execute(db);
  return result.rows;
}

/** INSERT … ON CONFLICT DO UPDATE of the `changed` relation (rows equal to the stored ones are not rewritten). */
function insertChanged(by: By): RawBuilder<unknown> {
  // updated_at comes in with the row: Citus refuses now() in DO UPDATE SET on a distributed table (docs/scaling.md).
  return sql`INSERT INTO kpi_actuals AS a (${sql.raw([...COLUMNS, ...WHO, 'updated_at'].join(', '))})
      SELECT ${sql.raw(COLUMNS.join(', '))}, ${by.userId}::int, ${by.name}::text, now()
      FROM changed ORDER BY kpi_id, period_kind, period_start, scope_type, coalesce(scope_id, 0)
      ON CONFLICT (kpi_id, period_kind, period_start, scope_type, coalesce(scope_id, 0)) DO UPDATE SET
        value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
        source = excluded.source, comment = excluded.comment, version = a.version + 1,
        updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at
      WHERE (a.value, a.numerator, a.denominator, a.comment)
            IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.comment)`;
}

/**
 * Many rows (inside a transaction), chunk by chunk. New rows — a first import — are copied straight into
 * kpi_actuals: no staging, no conflict handling, about twice as fast. When a chunk's first slot is already stored,
 * or the copy meets a stored slot (a re-import, a correction, a concurrent check-in), the chunk goes
 * through a staging table and an upsert instead.
 */
export async function upsertMany(tx: Kysely<DB>, rows: ActualWrite[], by: By): Promise<Written> {
  let inserted = 0;
  let updated = 0;
  let staging = false;
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    const part = rows.slice(i, i + COPY_CHUNK);
    if (!(await isStored(tx, part[0]!)) && (await copyAllNew(tx, part, by))) {
      inserted += part.length;
      continue;
    }
    if (!staging) {
      await sql`CREATE TEMP TABLE IF NOT EXISTS actuals_in (kpi_id int, period_key text, period_kind text, period_start date,
          period_end date, scope_type text, scope_id int, value numeric, numerator numeric, denominator numeric, source text,
          comment text, late bool)`.execute(tx);
      staging = true;
    }
    await copyInto(tx as Kysely<unknown>, 'actuals_in', COLUMNS, copyRows(part));
    const r = await upsertFrom(tx, sql`SELECT * FROM actuals_in`, by);
    // TRUNCATE, not DELETE: a temp table is never vacuumed, and dead rows would slow every later chunk.
    await sql`TRUNCATE actuals_in`.execute(tx);
    inserted += r.inserted;
    updated += r.updated;
  }
  return { inserted, updated };
}

async function isStored(db: Kysely<DB>, r: ActualWrite): Promise<boolean> {
  const found = await sql`SELECT 1 FROM kpi_actuals WHERE kpi_id = ${r.kpiId} AND period_kind = ${r.kind} AND period_start = ${r.start}::date
      AND scope_type = ${r.scope.type} AND coalesce(scope_id, 0) = ${r.scope.id ?? 0}`.execute(db);
  return found.rows.length > 0;
}

/** COPYs the rows into kpi_actuals if none of their slots is stored; otherwise writes nothing and says so. */
async function copyAllNew(tx: Kysely<DB>, rows: ActualWrite[], by: By): Promise<boolean> {
  await sql`SAVEPOINT copy_actuals`.execute(tx);
  try {
    await copyInto(tx as Kysely<unknown>, 'kpi_actuals', [...COLUMNS, ...WHO], copyRows(rows, by));
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await sql`ROLLBACK TO SAVEPOINT copy_actuals`.execute(tx);
    return false;
  }
  await sql`RELEASE SAVEPOINT copy_actuals`.execute(tx);
  return true;
}

/** The rows in COLUMNS order, then WHO when `by` is given. Periods, kinds and sources are validated keys. */
function copyRows(rows: ActualWrite[], by?: By): CopyRows {
  const out = new CopyRows();
  for (const r of rows) {
    out.ascii(r.kpiId).ascii(r.period).ascii(r.kind).ascii(r.start).ascii(r.end).ascii(r.scope.type).ascii(r.scope.id);
    out.ascii(r.value).ascii(r.numerator).ascii(r.denominator).ascii(r.source).text(r.comment).ascii(r.late ? 't' : 'f');
    if (by) out.ascii(by.userId).text(by.name);
    out.endRow();
  }
  return out;
}

/**
 * Inserts or updates from `input` (a relation with COLUMNS) in one statement. Rows equal to what is stored
 * are filtered out first by an index look-up, so they are neither locked nor rewritten (a re-import reads,
 * it does not write). A change bumps the version (a trigger keeps the old one). Lateness is decided by the
 * first report: an update keeps it. Rows go in index order, so the index is written page after page.
 */
async function upsertFrom(db: Kysely<DB>, input: RawBuilder<unknown>, by: By): Promise<Written> {
  const result = await sql<{ inserted: string; updated: string }>`
    WITH input AS (${input}),
    changed AS (
      SELECT i.* FROM input i
      LEFT JOIN LATERAL (
        SELECT true AS same FROM kpi_actuals a
        WHERE a.kpi_id = i.kpi_id AND a.period_kind = i.period_kind AND a.period_start = i.period_start
          AND a.scope_type = i.scope_type AND coalesce(a.scope_id, 0) = coalesce(i.scope_id, 0)
          AND (a.value, a.numerator, a.denominator, a.comment) IS NOT DISTINCT FROM (i.value, i.numerator, i.denominator, i.comment)
        LIMIT 1 -- keeps it a per-row index probe: joined by hash, each chunk would scan the whole table
      ) stored ON true
      WHERE stored.same IS NULL
    ),
    up AS (${insertChanged(by)} RETURNING a.version)
    SELECT count(*) FILTER (WHERE version = 1) AS inserted, count(*) FILTER (WHERE version > 1) AS updated FROM up`.execute(db);
  return { inserted: Number(result.rows[0]!.inserted), updated: Number(result.rows[0]!.updated) };
}
