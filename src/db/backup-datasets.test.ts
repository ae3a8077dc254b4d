import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db';
import { SYSTEM_ACTOR } from '../app/actor';
import { importDataset } from '../app/datasets/import-dataset';
import { backup, restore } from './backup';
import type { Database } from './connect';
import type { DB } from './schema';
import { createStore } from './store';

const target = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const csv = (text: string) => ({ name: 'o.csv', data: Buffer.from(text) });

async function rowsOf(db: Kysely<DB>, table: string): Promise<string[]> {
  return (await sql<{ r: string }>`SELECT row_to_json(x)::text AS r FROM (SELECT *, _id::text AS id_text FROM ${sql.table(table)} ORDER BY _id) x`.execute(db)).rows.map((r) => r.r);
}

async function catalogue(db: Kysely<DB>) {
  return db.selectFrom('datasets').select(['name', 'label', 'table_name', 'columns', 'key_columns', 'row_count']).orderBy('name').execute();
}

const indexes = async (db: Kysely<DB>) =>
  (await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename LIKE 'ds\\_%' ORDER BY indexname`.execute(db)).rows.map((r) => r.indexname);

describe(`backup and restore of datasets: PGlite → file → ${target}`, () => {
  const open: Database[] = [];
  afterAll(async () => {
    for (const d of open) await d.close();
  });

  it('restores dataset tables from the catalogue with exact values, keys, indexes and identities', async () => {
    const source = await freshDatabase('pglite');
    open.push(source);
    const store = createStore(source.db);
    await importDataset(
      store,
      SYSTEM_ACTOR,
      'orders',
      csv('id,at,amount,qty,ok\nA1,2026-01-31 23:30,12345678901234567890.123456789,9007199254740993,true\nA2,2026-02-01 08:00,0.1,2,false\n'),
      { mode: 'append', keyColumns: ['id'] },
    );
    await store.datasets.define({ name: 'empty', label: 'empty', columns: [{ name: 'day', label: 'Day', type: 'date' }], keyColumns: [] }, null);
    const file = join(mkdtempSync(join(tmpdir(), 'okpi-backup-')), 'backup.okpi.gz');
    const written = await backup(source.db, file);
    expect(written.ds_orders).toBe(2);
    expect(written.ds_empty).toBe(0);

    const dest = await freshDatabase(target);
    open.push(dest);
    await importDataset(createStore(dest.db), SYSTEM_ACTOR, 'old', csv('x\n1\n'), { mode: 'append' });
    const restored = await restore(dest.db, file);
    expect(restored).toEqual(written);

    expect(await catalogue(dest.db)).toEqual(await catalogue(source.db));
    expect(await rowsOf(dest.db, 'ds_orders')).toEqual(await rowsOf(source.db, 'ds_orders'));
    const exact = await sql<{ amount: string; qty: string }>`SELECT amount::text AS amount, qty::text AS qty FROM ds_orders ORDER BY _id LIMIT 1`.execute(dest.db);
    expect(exact.rows[0]).toEqual({ amount: '12345678901234567890.123456789', qty: '9007199254740993' });
    expect(await indexes(dest.db)).toEqual(['ds_empty_d1', 'ds_empty_pkey', 'ds_orders_d2', 'ds_orders_key', 'ds_orders_pkey']);
    const tables = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'ds\\_%' ORDER BY 1`.execute(dest.db);
    expect(tables.rows.map((r) => r.t)).toEqual(['ds_empty', 'ds_orders']);

    // The key and the row identity work on the restored table.
    const again = await importDataset(createStore(dest.db), SYSTEM_ACTOR, 'orders', csv('id,at,amount,qty,ok\nA2,2026-02-01 08:00,0.2,2,false\nA3,2026-02-02 09:00,1,1,true\n'), { mode: 'append' });
    expect(again).toMatchObject({ inserted: 1, replaced: 1, dataset: { rowCount: 3 } });
    const ids = await sql<{ id: string }>`SELECT _id::text AS id FROM ds_orders WHERE id = 'A3'`.execute(dest.db);
    expect(Number(ids.rows[0]!.id)).toBeGreaterThan(2);
  });
});
