import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../src/db/schema';

/**
 * What the tables of each long job hold, read with plain SQL so the same fingerprint runs on a pg client (PostgreSQL,
 * beside the process under test) or on a Kysely connection (PGlite, once the process is gone). Equal before and after
 * a killed run; equal to an uninterrupted run's after the re-run.
 */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

export const pgQuery =
  (c: pg.Client): Query =>
  async (text) =>
    (await c.query(text)).rows;

export const kyselyQuery =
  (db: Kysely<DB>): Query =>
  async (text) =>
    (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;

const count = async (q: Query, table: string) => Number((await q(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

/** An orders file of `rows` rows: order D<i>, a day in January 2026, an amount of (i mod 1000) + (i mod 100)/100. */
export function ordersCsv(dir: string, rows: number): string {
  const file = join(dir, 'orders.csv');
  const lines = ['order_id,day,amount'];
  for (let i = 1; i <= rows; i++) lines.push(`D${i},${String((i % 28) + 1).padStart(2, '0')}/01/2026,${i % 1000}.${String(i % 100).padStart(2, '0')}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Σ of the file's amounts in cents, added up here row by row as the file was written. */
export function ordersCents(rows: number): string {
  let cents = 0n;
  for (let i = 1; i <= rows; i++) cents += BigInt((i % 1000) * 100 + (i % 100));
  return String(cents);
}

/** The dataset catalogue and the orders table: rows and their sum in cents. */
export async function datasetFingerprint(q: Query): Promise<{ catalogue: number; rows: number; cents: string }> {
  const catalogue = await count(q, 'datasets');
  const table = (await q(`SELECT to_regclass('public.ds_orders') IS NOT NULL AS present`))[0]!.present as boolean;
  if (!table) return { catalogue, rows: 0, cents: '0' };
  const r = (await q(`SELECT count(*) AS n, coalesce((sum(amount) * 100)::bigint, 0)::text AS cents FROM ds_orders`))[0]!;
  return { catalogue, rows: Number(r.n), cents: r.cents as string };
}

/** What `openkpi apply` writes: the company, units, people, KPIs with their formulas, targets. */
export async function applyFingerprint(q: Query): Promise<Record<string, unknown>> {
  const formulas = (await q(`SELECT string_agg(code || '=' || coalesce(formula, ''), ',' ORDER BY code) AS s FROM kpis`))[0]!.s as string | null;
  return {
    company: await count(q, 'company'),
    units: await count(q, 'org_units'),
    people: await count(q, 'people'),
    kpis: await count(q, 'kpis'),
    targets: await count(q, 'kpi_targets'),
    formulas,
  };
}

/** Every appraisal table, row by row, without instants (locked_at, updated_at … differ between two runs). */
export async function appraisalFingerprint(q: Query): Promise<Record<string, string>> {
  const tables = await q(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'appraisal\\_%' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const r = (
      await q(
        `SELECT count(*) AS n, md5(string_agg(j::text, ',' ORDER BY j::text)) AS h FROM (
           SELECT (SELECT jsonb_object_agg(k, v) FROM jsonb_each(to_jsonb(x)) e(k, v) WHERE k NOT LIKE '%\\_at') AS j FROM ${t as string} x) s`,
      )
    )[0]!;
    out[t as string] = `${r.n}:${r.h ?? ''}`;
  }
  return out;
}
