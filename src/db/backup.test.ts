import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../app/demo/seed-demo';
import { freshDatabase } from '../../test/helpers/db';
import { backup, restore } from './backup';
import type { Database } from './connect';
import type { DB } from './schema';
import { createStore } from './store';

async function snapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['company', 'users', 'org_units', 'positions', 'people', 'audit_log']) {
    out[t] = (await sql<{ r: unknown }>`SELECT row_to_json(x) AS r FROM ${sql.table(t)} x`.execute(db)).rows.map((r) => JSON.stringify(r.r)).sort();
  }
  return out;
}

const target = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe(`backup and restore: PGlite → file → ${target}`, () => {
  const open: Database[] = [];
  afterAll(async () => {
    for (const d of open) await d.close();
  });

  it('restores every table identically, including self-references and identities', async () => {
    const source = await freshDatabase('pglite');
    open.push(source);
    const store = createStore(source.db);
    await seedDemo(store);
    // A unit moved under a unit created after it: its parent has a larger id.
    const late = await store.units.create({ code: 'LATE', name: 'Đơn vị mới', parentId: 1 });
    await store.units.update(2, { parentId: late.id });
    const file = join(mkdtempSync(join(tmpdir(), 'okpi-backup-')), 'backup.okpi.gz');
    const written = await backup(source.db, file);
    expect(written.people).toBe(40);

    const dest = await freshDatabase(target);
    open.push(dest);
    await createStore(dest.db).units.create({ code: 'OLD', name: 'Dữ liệu cũ sẽ bị thay', parentId: null });
    const restored = await restore(dest.db, file);
    expect(restored).toEqual(written);
    expect(await snapshot(dest.db)).toEqual(await snapshot(source.db));

    // Identities continue after the restored ids.
    const next = await createStore(dest.db).units.create({ code: 'NEXT', name: 'Sau khôi phục', parentId: null });
    expect(next.id).toBe(late.id + 1);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const dest = await freshDatabase(target);
    open.push(dest);
    await createStore(dest.db).units.create({ code: 'KEEP', name: 'Giữ nguyên', parentId: null });
    const file = join(mkdtempSync(join(tmpdir(), 'okpi-backup-')), 'bad.gz');
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(file, gzipSync('{"hello":"world"}\n'));
    await expect(restore(dest.db, file)).rejects.toThrow('not an OpenKPI backup file');
    expect((await createStore(dest.db).units.list()).map((u) => u.code)).toEqual(['KEEP']);
  });
});
