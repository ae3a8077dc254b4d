import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { formatPlan, parseKpiFile, type KpiFile } from '../../core/kpi-as-code';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { SYSTEM_ACTOR } from '../actor';
import { importDataset } from '../datasets/import-dataset';
import type { Store } from '../ports';
import { applyKpiFile, exportKpiFile, planKpiFile } from '.';

const csv = (text: string) => ({ name: 'sales.csv', data: Buffer.from(text) });

/** s1 Bắc 10/01 10 · s2 Bắc 10/02 20 · s3 Nam 11/02 5 · s4 Nam 05/04 8 → Jan 10, Feb 25, Apr 8; Q1 35, Q2 8; KD-MB Jan 10, Feb 20, Q1 30. */
const SALES = 'id,region,day,amount\ns1,Miền Bắc,2026-01-10,10\ns2,Miền Bắc,2026-02-10,20\ns3,Miền Nam,2026-02-11,5\ns4,Miền Nam,2026-04-05,8\n';

const file = (frequency: string, binding: string) => `version: 1
company: {name: Cty Thử}
units:
  - {code: MA, name: Công ty}
  - {code: KD-MB, name: Miền Bắc, parent: MA}
people:
  - {email: a@x.vn, name: Người A, unit: MA}
kpis:
  - code: SALES_DL
    name: Doanh số từ dữ liệu
    level: strategic
    perspective: financial
    unit: VND
    direction: increase
    aggregation: sum
    frequency: ${frequency}
    source: dataset
    owner: a@x.vn
    status: active
    targets: [{period: 2026, value: 100}]
${binding}`;

const BINDING = `    binding:
      dataset: sales
      measure: sum(amount)
      date_column: day
      scope_column: region
      scopes:
        - {value: Miền Bắc, unit: KD-MB}
`;

function docOf(text: string): KpiFile {
  const { doc, issues } = parseKpiFile(text);
  expect(issues).toEqual([]);
  return doc!;
}

describe.each(engines())('KPI-as-code bindings on %s', (engine) => {
  let database: Database;
  let store: Store;

  const values = async () =>
    (
      await sql<{ k: string; s: string; v: string }>`SELECT period_key AS k, scope_type AS s, value::text AS v FROM kpi_actuals ORDER BY 1, 2`.execute(database.db)
    ).rows.map((r) => `${r.k} ${r.s} ${Number(r.v)}`);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    await importDataset(store, SYSTEM_ACTOR, 'sales', csv(SALES), { mode: 'append', keyColumns: ['id'] });
  });
  afterAll(() => database.close());

  it('applies the binding through the save-binding use-case: the monthly values are computed', async () => {
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(file('monthly', BINDING)));
    const kpi = (await store.kpis.findByCode('SALES_DL'))!;
    const unit = (await store.units.list()).find((u) => u.code === 'KD-MB')!;
    expect(await store.kpiBindings.get(kpi.id)).toEqual({
      dataset: 'sales',
      measure: 'sum(amount)',
      dateColumn: 'day',
      scopeColumn: 'region',
      scopes: [{ value: 'Miền Bắc', scope: { type: 'unit', id: unit.id } }],
    });
    expect(await values()).toEqual(['2026-01 company 10', '2026-01 unit 10', '2026-02 company 25', '2026-02 unit 20', '2026-04 company 8']);
  });

  it('export writes the binding; applying the export again changes nothing', async () => {
    const exported = await exportKpiFile(store);
    expect(exported).toContain(
      ['    binding:', '      dataset: sales', '      measure: sum(amount)', '      date_column: day', '      scope_column: region', '      scopes:', '        - {value: Miền Bắc, unit: KD-MB}'].join('\n'),
    );
    expect((await planKpiFile(store, exported)).changes).toEqual([]);
    expect(await applyKpiFile(store, SYSTEM_ACTOR, docOf(exported))).toEqual([]);
  });

  it('a changed measure is planned as a binding change and recomputes', async () => {
    const text = file('monthly', BINDING.replace('sum(amount)', 'count()'));
    const { changes } = await planKpiFile(store, text);
    expect(formatPlan(changes, 'en')).toBe('~ KPI SALES_DL  binding.measure: "sum(amount)" → "count()"\n\nPlan: 0 to create, 1 to update, 0 to archive.\n');
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(text));
    expect(await values()).toEqual(['2026-01 company 1', '2026-01 unit 1', '2026-02 company 2', '2026-02 unit 1', '2026-04 company 1']);
  });

  it('a new frequency replaces the dataset values of the old period kind (removed like values the data no longer gives)', async () => {
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(file('monthly', BINDING)));
    await applyKpiFile(store, SYSTEM_ACTOR, docOf(file('quarterly', BINDING)));
    // Q1 = 10 + 20 + 5, KD-MB Q1 = 10 + 20, Q2 = 8; no monthly value is left.
    expect(await values()).toEqual(['2026-Q1 company 35', '2026-Q1 unit 30', '2026-Q2 company 8']);
  });

  it('a binding that does not fit the dataset is refused at its file path; nothing is written', async () => {
    const before = await values();
    const bad = file('quarterly', BINDING.replace('date_column: day', 'date_column: ngay'));
    const error = (await applyKpiFile(store, SYSTEM_ACTOR, docOf(bad)).catch((e: unknown) => e)) as { code: string; issues: { path: string; code: string }[] };
    expect(error.code).toBe('KPI_FILE_INVALID');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'kpis[0].binding.date_column', code: 'UNKNOWN_COLUMN' })]);
    expect(await values()).toEqual(before);
    expect((await store.kpis.findByCode('SALES_DL'))!.frequency).toBe('quarterly');
  });
});
