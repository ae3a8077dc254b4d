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
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migrations', 'sessions', 'data_version')`.execute(db);
  for (const t of tables.rows.map((r) => r.table_name)) {
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
    // An actual with a binary evidence file, to cover NUMERIC and BYTEA round trips.
    const kpi = (await store.kpis.list())[0]!;
    await store.actuals.upsert(
      [{ kpiId: kpi.id, period: '2026-01', kind: 'month', start: '2026-01-01', end: '2026-01-31', scope: { type: 'company', id: null }, value: 20_000_000_000.5, source: 'checkin', late: false }],
      { userId: null, name: 'Test' },
    );
    const [actual] = await store.actuals.list({ kpiIds: [kpi.id] });
    const bytes = Buffer.from([0, 1, 2, 250, 255, 92, 120]);
    await store.evidence.add({ actualId: actual!.id, fileName: 'bien-ban.pdf', contentType: 'application/pdf', data: bytes, sha256: 'x', uploadedBy: null });
    const file = join(mkdtempSync(join(tmpdir(), 'okpi-backup-')), 'backup.okpi.gz');
    const written = await backup(source.db, file);
    expect(written.people).toBe(40);

    const dest = await freshDatabase(target);
    open.push(dest);
    await createStore(dest.db).units.create({ code: 'OLD', name: 'Dữ liệu cũ sẽ bị thay', parentId: null });
    const dataVersion = async () => Number((await sql<{ v: string }>`SELECT sum(version) AS v FROM data_version`.execute(dest.db)).rows[0]!.v);
    const versionBefore = await dataVersion();
    const restored = await restore(dest.db, file);
    // Caches are keyed by the data version: a restore must move it forward, never back to the backup's value.
    expect(await dataVersion()).toBeGreaterThan(versionBefore);
    expect(restored).toEqual(written);
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['company', 'users', 'org_units', 'people', 'kpis', 'kpi_parents', 'kpi_targets', 'audit_log']));
    expect(await snapshot(dest.db)).toEqual(await snapshot(source.db));

    const restoredEvidence = await createStore(dest.db).evidence.list(actual!.id);
    expect((await createStore(dest.db).evidence.get(restoredEvidence[0]!.id))!.data.equals(bytes)).toBe(true);
    expect((await createStore(dest.db).actuals.list({ kpiIds: [kpi.id] }))[0]!.value).toBe(20_000_000_000.5);

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
