import { sql, type Kysely, type Selectable } from 'kysely';
import type { DatasetBatch, DatasetEncoder, DatasetsStore } from '../../app/datasets/ports';
import { DomainError } from '../../core/errors';
import type { DatasetInfo } from '../../core/dataset/types';
import { copyInto, CopyRows } from '../copy';
import { createDatasetTable, dropDatasetTable, ident, indexDatasetTable, pgType, ROW_ID } from '../dataset-tables';
import type { DB, DatasetsTable } from '../schema';

function datasetFromRow(r: Selectable<DatasetsTable>): DatasetInfo {
  return {
    id: r.id,
    name: r.name,
    label: r.label,
    tableName: r.table_name,
    columns: r.columns,
    keyColumns: r.key_columns,
    rowCount: Number(r.row_count),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

// Not `ds_…`: no dataset table can have this name.
export const STAGING = '_ds_staging';
const quoted = (d: DatasetInfo) => d.columns.map((c) => ident(c.name, 'column'));

export function datasetsRepo(db: Kysely<DB>): DatasetsStore {
  const get = async (name: string) => {
    const r = await db.selectFrom('datasets').selectAll().where('name', '=', name).executeTakeFirst();
    return r ? datasetFromRow(r) : null;
  };
  return {
    get,
    async list() {
      return (await db.selectFrom('datasets').selectAll().orderBy('name').execute()).map(datasetFromRow);
    },

    async lock(name) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`dataset:${name}`}))`.execute(db);
      return get(name);
    },

    async define(def, createdBy) {
      const tableName = `ds_${def.name}`;
      const values = { label: def.label, columns: JSON.stringify(def.columns), key_columns: JSON.stringify(def.keyColumns), row_count: 0, updated_at: sql<Date>`now()` };
      await dropDatasetTable(db, tableName);
      await createDatasetTable(db, { tableName, columns: def.columns, keyColumns: def.keyColumns });
      const r = await db
        .insertInto('datasets')
        .values({ name: def.name, table_name: tableName, created_by: createdBy, created_at: sql<Date>`now()`, ...values })
        .onConflict((oc) => oc.column('name').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return datasetFromRow(r);
    },

    async setKey(dataset, keyColumns) {
      const table = ident(dataset.tableName, 'table');
      const keys = keyColumns.map((k) => ident(k, 'column')).join(', ');
      const repeated = await sql.raw<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} GROUP BY ${keys} HAVING count(*) > 1) x`).execute(db);
      const n = Number(repeated.rows[0]?.n ?? 0);
      if (n > 0) {
        throw new DomainError(
          'DATASET_KEY_NOT_UNIQUE',
          {
            vi: `Dữ liệu đã lưu có ${n.toLocaleString('vi-VN')} khóa (${keyColumns.join(', ')}) lặp lại; không thể dùng làm khóa. Hãy nhập lại với --replace.`,
            en: `The stored rows repeat ${n.toLocaleString('en-US')} key(s) (${keyColumns.join(', ')}); they cannot be a key. Import again with --replace.`,
          },
          { params: { repeated: n } },
        );
      }
      await sql.raw(`CREATE UNIQUE INDEX ${ident(`${dataset.tableName}_key`, 'index')} ON ${table} (${keys})`).execute(db);
      const r = await db.updateTable('datasets').set({ key_columns: JSON.stringify(keyColumns) }).where('id', '=', dataset.id).returningAll().executeTakeFirstOrThrow();
      return datasetFromRow(r);
    },

    async clear(dataset) {
      await sql.raw(`TRUNCATE ${ident(dataset.tableName, 'table')}`).execute(db);
    },

    async useTimeZone(timeZone) {
      await sql`SELECT set_config('TimeZone', ${timeZone}, true)`.execute(db);
    },

    async openStaging(dataset) {
      const columns = dataset.columns.map((c) => `${ident(c.name, 'column')} ${pgType(c.type)}`);
      await sql.raw(`CREATE TEMP TABLE ${STAGING} (_row integer NOT NULL, ${columns.join(', ')}) ON COMMIT DROP`).execute(db);
    },

    encoder(dataset, into) {
      return new CopyEncoder(dataset.columns.map((c) => c.type === 'text'), into === 'staging');
    },

    async copy(dataset, batch, into) {
      if (!(batch instanceof EncodedRows)) throw new TypeError('a batch from this store’s encoder is needed');
      if (batch.rows === 0) return;
      const out = batch.data;
      const columns = quoted(dataset);
      if (into === 'staging') await copyInto(db as Kysely<unknown>, STAGING, ['_row', ...columns], out);
      else await copyInto(db as Kysely<unknown>, ident(dataset.tableName, 'table'), columns, out);
    },

    async stagedDuplicates(dataset, limit) {
      const keys = dataset.keyColumns.map((k) => ident(k, 'column')).join(', ');
      const r = await sql.raw<{ rows: number[] }>(
        `SELECT array_agg(_row ORDER BY _row) AS rows FROM ${STAGING} GROUP BY ${keys} HAVING count(*) > 1 ORDER BY min(_row) LIMIT ${Math.trunc(limit)}`,
      ).execute(db);
      return r.rows.map((x) => x.rows.map(Number));
    },

    async merge(dataset) {
      const columns = quoted(dataset).join(', ');
      const keys = dataset.keyColumns.map((k) => ident(k, 'column'));
      const others = quoted(dataset).filter((c) => !keys.includes(c));
      const onConflict = others.length > 0 ? `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'DO NOTHING';
      const r = await sql.raw<{ inserted: string; replaced: string }>(
        `WITH m AS (
           INSERT INTO ${ident(dataset.tableName, 'table')} AS t (${columns}) SELECT ${columns} FROM ${STAGING} ORDER BY _row
           ON CONFLICT (${keys.join(', ')}) ${onConflict} RETURNING (xmax = 0) AS fresh)
         SELECT count(*) FILTER (WHERE fresh) AS inserted, count(*) FILTER (WHERE NOT fresh) AS replaced FROM m`,
      ).execute(db);
      return { inserted: Number(r.rows[0]?.inserted ?? 0), replaced: Number(r.rows[0]?.replaced ?? 0) };
    },

    async index(dataset) {
      await indexDatasetTable(db, dataset);
    },

    async finish(dataset) {
      await indexDatasetTable(db, dataset);
      const r = await db
        .updateTable('datasets')
        .set({ row_count: sql<string>`(SELECT count(*) FROM ${sql.raw(ident(dataset.tableName, 'table'))})`, updated_at: sql<Date>`now()` })
        .where('id', '=', dataset.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return datasetFromRow(r);
    },

    async rows(dataset, offset, limit) {
      const select = dataset.columns.map((c) => {
        const col = ident(c.name, 'column');
        // Exact numbers as text; instants as ISO text in UTC, whatever the session's zone.
        if (c.type === 'datetime') return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${col}`;
        if (c.type === 'integer' || c.type === 'decimal' || c.type === 'date') return `${col}::text AS ${col}`;
        return col;
      });
      const r = await sql
        .raw<Record<string, string | boolean | null>>(
          `SELECT ${select.join(', ')} FROM ${ident(dataset.tableName, 'table')} ORDER BY ${ROW_ID} OFFSET ${Math.trunc(offset)} LIMIT ${Math.trunc(limit)}`,
        )
        .execute(db);
      return r.rows;
    },
  };
}

class EncodedRows implements DatasetBatch {
  constructor(
    readonly rows: number,
    readonly data: CopyRows,
  ) {}
}

/** Rows in COPY text format as they come: text escaped, every other type already canonical ASCII. */
class CopyEncoder implements DatasetEncoder {
  private out = new CopyRows();
  rows = 0;

  constructor(
    private readonly text: readonly boolean[],
    private readonly withRow: boolean,
  ) {}

  add(row: number, values: readonly (string | null)[]): void {
    const out = this.out;
    if (this.withRow) out.ascii(row);
    for (let i = 0; i < this.text.length; i++) {
      if (this.text[i]) out.text(values[i]);
      else out.ascii(values[i]);
    }
    out.endRow();
    this.rows++;
  }

  take(): DatasetBatch {
    const batch = new EncodedRows(this.rows, this.out);
    this.out = new CopyRows();
    this.rows = 0;
    return batch;
  }
}
