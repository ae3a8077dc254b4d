import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addKpi } from '../../../test/helpers/appraisal-results-fixture';
import { runCli } from '../../../test/helpers/cli';
import { createOrders } from '../../../test/helpers/orders-fixture';
import { connect } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { register as kpiRecompute } from './kpi-recompute';

const run = (args: string[]) => runCli([kpiRecompute], args);
const saved = { dataDir: process.env.OPENKPI_DATA_DIR, url: process.env.DATABASE_URL };
let dataDir = '';

/** A PGlite data folder with the orders fixture and REV_DATA = sum(sales) by Hanoi month of ordered_at (company only). */
beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'okpi-cli-recompute-')), 'data');
  const database = await connect({ dataDir });
  await migrate(database.db);
  await createOrders(database.db);
  const kpiId = await addKpi(database.db, 'REV_DATA');
  await database.db.updateTable('kpis').set({ source: 'dataset' }).where('id', '=', kpiId).execute();
  await database.db
    .insertInto('kpi_dataset_bindings')
    .values({ kpi_id: kpiId, dataset: 'orders', measure: 'sum(sales)', date_column: 'ordered_at', scope_column: null, scopes: '[]' })
    .execute();
  await addKpi(database.db, 'NOT_BOUND');
  await database.close();
  process.env.OPENKPI_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
}, 60_000);
afterAll(() => {
  process.env.OPENKPI_DATA_DIR = saved.dataDir;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
});
afterEach(() => {
  process.exitCode = undefined;
});

describe('openkpi kpi recompute', () => {
  it('writes the monthly actuals from the data (Jan 650, Feb 650.25, Mar 0.1), then finds them unchanged', async () => {
    const first = await run(['kpi', 'recompute', 'REV_DATA', '--json']);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toEqual({ code: 'REV_DATA', range: null, inserted: 3, updated: 0, unchanged: 0, removed: 0, skipped: [], outOfRange: [] });
    const again = await run(['kpi', 'recompute', 'REV_DATA', '--lang', 'en']);
    expect(again.out).toBe('REV_DATA: 0 new, 0 changed, 3 unchanged, 0 removed; 0 skipped (locked review cycle)\n');
    const database = await connect({ dataDir });
    try {
      const rows = await database.db.selectFrom('kpi_actuals').select(['period_key', 'value', 'source']).orderBy('period_key').execute();
      expect(rows.map((r) => [r.period_key, Number(r.value), r.source])).toEqual([
        ['2025-01', 650, 'dataset'],
        ['2025-02', 650.25, 'dataset'],
        ['2025-03', 0.1, 'dataset'],
      ]);
    } finally {
      await database.close();
    }
  });

  it('says plainly when the KPI is not bound to a dataset', async () => {
    const r = await run(['kpi', 'recompute', 'NOT_BOUND', '--lang', 'en']);
    expect(r.err).toContain('KPI NOT_BOUND is not bound to a dataset.');
    expect(r.exitCode).not.toBe(0);
  });
});
