import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKpi } from '../../../test/helpers/appraisal-results-fixture';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { importDataset } from '../datasets/import-dataset';
import { updateKpi } from '../kpi/save-kpi';
import type { Store } from '../ports';
import { saveBinding } from './save-binding';

const csv = (text: string) => ({ name: 'sales.csv', data: Buffer.from(text) });

/** 10/01 10, 10/02 20, 05/04 8 → months Jan 10, Feb 20, Apr 8; quarters Q1 30, Q2 8. */
describe.each(engines())('a bound KPI whose frequency changes on %s', (engine) => {
  let database: Database;
  let store: Store;

  const values = async () =>
    (await sql<{ k: string; s: string; v: string }>`SELECT period_key AS k, source AS s, value::text AS v FROM kpi_actuals ORDER BY 1`.execute(database.db)).rows.map(
      (r) => `${r.k} ${r.s} ${Number(r.v)}`,
    );

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    const kpiId = await addKpi(database.db, 'SALES');
    await database.db.updateTable('kpis').set({ source: 'dataset', status: 'draft' }).where('id', '=', kpiId).execute();
    await importDataset(store, SYSTEM_ACTOR, 'sales', csv('day,amount\n2026-01-10,10\n2026-02-10,20\n2026-04-05,8\n'), { mode: 'append' });
    await saveBinding(store, SYSTEM_ACTOR, 'SALES', { dataset: 'sales', measure: 'sum(amount)', dateColumn: 'day', scopeColumn: null, scopes: [] });
  });
  afterAll(() => database.close());

  it('saving the KPI with a new frequency replaces the monthly dataset values by quarterly ones', async () => {
    expect(await values()).toEqual(['2026-01 dataset 10', '2026-02 dataset 20', '2026-04 dataset 8']);
    const kpi = (await store.kpis.findByCode('SALES'))!;
    const { id: _i, ownerName: _on, measurerName: _mn, ownerUnitId: _u, updatedAt: _t, owner: _o, measurer: _m, targets: _tg, ...fields } = kpi;
    await updateKpi(store, SYSTEM_ACTOR, 'SALES', { ...fields, frequency: 'quarterly' });
    expect(await values()).toEqual(['2026-Q1 dataset 30', '2026-Q2 dataset 8']);
  });
});
