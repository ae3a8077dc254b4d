import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { createDatasetTable, indexDatasetTable, ROW_ID } from './dataset-tables';
import { migrationNames } from './migrate';
import type { DB } from './schema';

/**
 * Portable backup: gzip'd JSON lines, one header line then `{"t": table, "r": row}` per row, with
 * rows as PostgreSQL's row_to_json gives them. It restores on PGlite and PostgreSQL alike because
 * the restore turns JSON back into typed rows with json_populate_recordset.
 */
export const BACKUP_FORMAT = 'openkpi-backup';
const CHUNK = 2000;
/**
 * Sessions are not worth restoring: everyone logs in again. The data version (migration 0013) must only grow, or a
 * cache keyed by it could take restored data for data it has already seen: it is neither saved nor truncated, and the
 * restore's own writes bump it.
 */
const SKIPPED = new Set(['schema_migrations', 'sessions', 'data_version']);

interface TableInfo {
  name: string;
  /** Columns that reference the same table (parent_id, manager_id): restored in a second pass. */
  selfRefs: string[];
  /** Tables this one references. */
  dependsOn: string[];
  identity: string[];
  pk: string[];
}

/** References checked by a statement trigger instead of a foreign key (migration 0004): restored after what they name. */
const TRIGGER_REFERENCES: Record<string, string[]> = { kpi_actuals: ['kpis', 'users'] };

/** Dataset tables (`ds_<name>`) are not in the migrations: restore creates each from the restored catalogue `datasets`. */
const isDatasetTable = (name: string) => name.startsWith('ds_');

async function tables(db: Kysely<DB>): Promise<TableInfo[]> {
  const names = (
    await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db)
  ).rows.map((r) => r.table_name).filter((n) => !SKIPPED.has(n));
  const fks = (
    await sql<{ src: string; col: string; dst: string }>`
      SELECT cl.relname AS src, a.attname AS col, ref.relname AS dst
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_class ref ON ref.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND n.nspname = 'public'`.execute(db)
  ).rows;
  const identity = (
    await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_identity = 'YES'`.execute(db)
  ).rows;
  const pks = (
    await sql<{ table_name: string; column_name: string }>`
      SELECT kcu.table_name, kcu.column_name FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY kcu.ordinal_position`.execute(db)
  ).rows;
  const infos = names.map((name) => ({
    name,
    selfRefs: fks.filter((f) => f.src === name && f.dst === name).map((f) => f.col),
    dependsOn: [
      ...new Set([
        ...fks.filter((f) => f.src === name && f.dst !== name && !SKIPPED.has(f.dst)).map((f) => f.dst),
        ...(TRIGGER_REFERENCES[name] ?? []),
        ...(isDatasetTable(name) ? ['datasets'] : []),
      ]),
    ],
    identity: identity.filter((i) => i.table_name === name).map((i) => i.column_name),
    // A dataset table gets its primary key after its first load: a row id it always has.
    pk: isDatasetTable(name) ? [ROW_ID] : pks.filter((p) => p.table_name === name).map((p) => p.column_name),
  }));
  return topoSort(infos);
}

function topoSort(infos: TableInfo[]): TableInfo[] {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (i: TableInfo) => {
    if (done.has(i.name)) return;
    done.add(i.name);
    for (const d of i.dependsOn) if (byName.has(d)) visit(byName.get(d)!);
    out.push(i);
  };
  [...infos].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return out;
}

/**
 * Writes every table to `file`; returns rows per table. All reads run in one REPEATABLE READ, READ ONLY transaction:
 * the file is one snapshot of the database even while others write (a check-in committed halfway through the backup
 * is either wholly in it, with its history row, or not at all).
 */
export async function backup(db: Kysely<DB>, file: string, onProgress?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => backupSnapshot(trx, file, onProgress));
}

async function backupSnapshot(db: Kysely<DB>, file: string, onProgress?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  const list = await tables(db);
  const counts: Record<string, number> = {};
  async function* lines() {
    yield `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, migrations: migrationNames(), tables: list.map((t) => t.name) })}\n`;
    for (const t of list) {
      counts[t.name] = 0;
      const order = t.pk.length ? sql.join(t.pk.map((c) => sql.ref(c))) : sql`1`;
      const source = isDatasetTable(t.name) ? await exactDatasetRows(db, t.name) : sql.table(t.name);
      for (let offset = 0; ; offset += CHUNK) {
        const rows = (
          await sql<{ r: unknown }>`SELECT row_to_json(x) AS r FROM ${source} x ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`.execute(db)
        ).rows;
        for (const row of rows) yield `${JSON.stringify({ t: t.name, r: row.r })}\n`;
        counts[t.name] = (counts[t.name] ?? 0) + rows.length;
        onProgress?.(t.name, counts[t.name]!);
        if (rows.length < CHUNK) break;
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return counts;
}

/**
 * A dataset table with its bigint and numeric columns as text: row_to_json writes them as JSON numbers, which
 * JavaScript would read as doubles (an amount of 20 digits would come back rounded).
 */
async function exactDatasetRows(db: Kysely<DB>, table: string) {
  const columns = (
    await sql<{ column_name: string; data_type: string }>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`.execute(db)
  ).rows;
  const list = columns.map((c) => (c.data_type === 'numeric' || c.data_type === 'bigint' ? sql`${sql.ref(c.column_name)}::text AS ${sql.ref(c.column_name)}` : sql.ref(c.column_name)));
  return sql`(SELECT ${sql.join(list)} FROM ${sql.table(table)})`;
}

export class BackupError extends Error {}

/**
 * Replaces all data with the backup's, in one transaction: on any error nothing changes.
 * The database must be migrated to the same migrations as the backup.
 */
export async function restore(db: Kysely<DB>, file: string, onProgress?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[] });
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('not an OpenKPI backup file');
  const mine = migrationNames();
  if (JSON.stringify(header.migrations) !== JSON.stringify(mine)) {
    throw new BackupError(`backup schema (${header.migrations?.at(-1)}) differs from this database (${mine.at(-1)}); use the matching OpenKPI version`);
  }
  return db.transaction().execute(async (trx) => {
    for (const t of await tables(trx)) if (isDatasetTable(t.name)) await sql`DROP TABLE ${sql.table(t.name)}`.execute(trx);
    const list = await tables(trx);
    await sql`TRUNCATE ${sql.join(list.map((t) => sql.table(t.name)))} RESTART IDENTITY CASCADE`.execute(trx);
    await sql`TRUNCATE sessions`.execute(trx);
    const byName = new Map(list.map((t) => [t.name, t]));
    const counts: Record<string, number> = Object.fromEntries(list.map((t) => [t.name, 0]));
    let batch: Record<string, unknown>[] = [];
    let current: TableInfo | null = null;
    const deferred: { t: TableInfo; rows: Record<string, unknown>[] }[] = [];

    const flush = async () => {
      if (!current || batch.length === 0) return;
      const t = current;
      const nulled = t.selfRefs.length ? batch.map((r) => ({ ...r, ...Object.fromEntries(t.selfRefs.map((c) => [c, null])) })) : batch;
      await sql`INSERT INTO ${sql.table(t.name)} SELECT * FROM json_populate_recordset(NULL::${sql.table(t.name)}, ${JSON.stringify(nulled)})`.execute(trx);
      if (t.selfRefs.length) deferred.push({ t, rows: batch });
      counts[t.name] = (counts[t.name] ?? 0) + batch.length;
      onProgress?.(t.name, counts[t.name]!);
      batch = [];
    };

    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      if (!line.trim()) continue;
      const { t, r } = JSON.parse(line) as { t: string; r: Record<string, unknown> };
      let info = byName.get(t);
      if (!info && isDatasetTable(t)) {
        await flush();
        info = await createRestoredDataset(trx, t);
        byName.set(t, info);
        list.push(info);
        counts[t] = 0;
      }
      if (!info) throw new BackupError(`unknown table ${t} in backup`);
      if (current !== info || batch.length >= CHUNK) {
        await flush();
        current = info;
      }
      batch.push(r);
    }
    await flush();
    // Datasets without rows have no lines in the backup: their tables still exist.
    for (const d of await trx.selectFrom('datasets').select('table_name').execute()) {
      if (byName.has(d.table_name)) continue;
      const info = await createRestoredDataset(trx, d.table_name);
      byName.set(info.name, info);
      list.push(info);
      counts[info.name] = 0;
    }

    // Second pass: self references (a unit's parent, a person's manager) once every row exists.
    for (const { t, rows } of deferred) {
      for (const col of t.selfRefs) {
        const pairs = rows.filter((r) => r[col] !== null).map((r) => ({ k: r[t.pk[0]!], v: r[col] }));
        if (pairs.length === 0) continue;
        await sql`UPDATE ${sql.table(t.name)} x SET ${sql.ref(col)} = p.v FROM json_to_recordset(${JSON.stringify(pairs)}) AS p(k bigint, v bigint) WHERE x.${sql.ref(t.pk[0]!)} = p.k`.execute(trx);
      }
    }
    for (const t of list) {
      for (const col of t.identity) {
        await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${col}), coalesce((SELECT max(${sql.ref(col)}) FROM ${sql.table(t.name)}), 0) + 1, false)`.execute(trx);
      }
    }
    return counts;
  });
}

/** Creates a dataset table from the catalogue row restored before its rows (the catalogue comes first in a backup). */
async function createRestoredDataset(trx: Kysely<DB>, table: string): Promise<TableInfo> {
  const d = await trx.selectFrom('datasets').select(['table_name', 'columns', 'key_columns']).where('table_name', '=', table).executeTakeFirst();
  if (!d) throw new BackupError(`dataset table ${table} has no catalogue entry in backup`);
  const shape = { tableName: d.table_name, columns: d.columns, keyColumns: d.key_columns };
  await createDatasetTable(trx, shape);
  await indexDatasetTable(trx, shape);
  return { name: table, selfRefs: [], dependsOn: ['datasets'], identity: [ROW_ID], pk: [ROW_ID] };
}
