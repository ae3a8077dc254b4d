import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKpi, addUnit } from '../../../test/helpers/appraisal-results-fixture';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { importDataset } from '../datasets/import-dataset';
import type { Store } from '../ports';
import { saveBinding } from './save-binding';

const csv = (text: string) => ({ name: 'moves.csv', data: Buffer.from(text) });

/**
 * A keyed dataset and the KPI MOVES = sum(amount) by month of `day`, Miền Bắc → unit KD-MB:
 * m1 Bắc 10/01 10, m2 Bắc 10/02 20, m3 Nam 11/02 5 → Jan 10 (KD-MB 10), Feb 25 (KD-MB 20).
 */
describe.each(engines())('bound KPIs after a dataset import on %s', (engine) => {
  let database: Database;
  let store: Store;
  let unit: number;

  const values = async () =>
    (
      await sql<{ k: string; s: string; v: string }>`SELECT period_key AS k, scope_type AS s, value::text AS v FROM kpi_actuals ORDER BY 1, 2`.execute(database.db)
    ).rows.map((r) => `${r.k} ${r.s} ${Number(r.v)}`);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    unit = await addUnit(database.db, 'KD-MB', null);
    const kpiId = await addKpi(database.db, 'MOVES');
    await database.db.updateTable('kpis').set({ source: 'dataset' }).where('id', '=', kpiId).execute();
    await importDataset(store, SYSTEM_ACTOR, 'moves', csv('id,region,day,amount\nm1,Miền Bắc,2026-01-10,10\nm2,Miền Bắc,2026-02-10,20\nm3,Miền Nam,2026-02-11,5\n'), {
      mode: 'append',
      keyColumns: ['id'],
    });
    const binding = { dataset: 'moves', measure: 'sum(amount)', dateColumn: 'day', scopeColumn: 'region', scopes: [{ value: 'Miền Bắc', scope: { type: 'unit' as const, id: unit } }] };
    await saveBinding(store, SYSTEM_ACTOR, 'MOVES', binding);
  });
  afterAll(() => database.close());

  it('a keyed append that moves a row recomputes its old and new months; a month left without rows loses its values', async () => {
    expect(await values()).toEqual(['2026-01 company 10', '2026-01 unit 10', '2026-02 company 25', '2026-02 unit 20']);
    // m1 moves from January to March (7): January, February and March are recomputed (old date to new date).
    const r = await importDataset(store, SYSTEM_ACTOR, 'moves', csv('id,region,day,amount\nm1,Miền Bắc,2026-03-05,7\n'), { mode: 'append' });
    expect(r.kpis.failed).toEqual([]);
    expect(r.kpis.recomputed).toEqual([
      { code: 'MOVES', range: { from: '2026-01-01', to: '2026-03-31' }, inserted: 2, updated: 0, unchanged: 2, removed: 2, skipped: [], outOfRange: [] },
    ]);
    expect(await values()).toEqual(['2026-02 company 25', '2026-02 unit 20', '2026-03 company 7', '2026-03 unit 7']);
  });

  it('a replace that drops the date column stands; the KPI keeps its values and the result says why', async () => {
    const r = await importDataset(store, SYSTEM_ACTOR, 'moves', csv('id,region,amount\nm9,Miền Bắc,1\n'), { mode: 'replace' });
    expect(r.action).toBe('replaced');
    expect(r.kpis.recomputed).toEqual([]);
    expect(r.kpis.failed).toEqual([{ code: 'MOVES', error: expect.objectContaining({ code: 'KPI_BINDING_INVALID' }) }]);
    expect(await values()).toEqual(['2026-02 company 25', '2026-02 unit 20', '2026-03 company 7', '2026-03 unit 7']);
  });
});
