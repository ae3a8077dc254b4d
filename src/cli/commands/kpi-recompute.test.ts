import { describe, expect, it } from 'vitest';
import { addKpi } from '../../../test/helpers/appraisal-results-fixture';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { createOrders } from '../../../test/helpers/orders-fixture';
import { connect } from '../../db/connect';
import { register as kpiRecompute } from './kpi-recompute';

const run = (args: string[]) => runCli([kpiRecompute], args);

/** A PGlite data folder with the orders fixture and REV_DATA = sum(sales) by Hanoi month of ordered_at (company only). */
const folder = useCliDataFolder('okpi-cli-recompute-', async (db) => {
  await createOrders(db);
  const kpiId = await addKpi(db, 'REV_DATA');
  await db.updateTable('kpis').set({ source: 'dataset' }).where('id', '=', kpiId).execute();
  await db
    .insertInto('kpi_dataset_bindings')
    .values({ kpi_id: kpiId, dataset: 'orders', measure: 'sum(sales)', date_column: 'ordered_at', scope_column: null, scopes: '[]' })
    .execute();
  await addKpi(db, 'NOT_BOUND');
});

describe('openkpi kpi recompute', () => {
  it('writes the monthly actuals from the data (Jan 650, Feb 650.25, Mar 0.1), then finds them unchanged', async () => {
    const first = await run(['kpi', 'recompute', 'REV_DATA', '--json']);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toEqual({ code: 'REV_DATA', range: null, inserted: 3, updated: 0, unchanged: 0, removed: 0, skipped: [], outOfRange: [] });
    const again = await run(['kpi', 'recompute', 'REV_DATA', '--lang', 'en']);
    expect(again.out).toBe('REV_DATA: 0 new, 0 changed, 3 unchanged, 0 removed; 0 skipped (locked review cycle)\n');
    const database = await connect({ dataDir: folder.dataDir });
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
