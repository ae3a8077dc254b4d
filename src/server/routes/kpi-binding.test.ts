import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { addCycle, addSheet } from '../../../test/helpers/appraisal-results-fixture';
import { engines } from '../../../test/helpers/db';
import { multipartFile } from '../../../test/helpers/multipart';
import { createOrders } from '../../../test/helpers/orders-fixture';
import { LOGINS } from '../../../test/security/matrix-world';

/**
 * KPIs bound to the orders fixture (test/helpers/orders-fixture.ts), by Hanoi month of `ordered_at`:
 *
 * | month | company                      | Miền Bắc → KD-MB          | Miền Nam → KD-MN |
 * | Jan   | o1 100 + o7 250 + o3 300 = 650 | o1 100 (23:30 on 31/01) | 550              |
 * | Feb   | o2 200 + o5 50.25 + o4 400 = 650.25 | o2 200 + o5 50.25 = 250.25 | 400      |
 * | Mar   | o6 0.1                       | —                         | 0.1              |
 *
 * Margin sum(profit) / sum(sales): Feb company 155 / 650.25 (ratio of sums, not the mean of 0.25, 0.0995, 0.25);
 * Jan 65 / 650 = 0.1; Mar 0.02 / 0.1 = 0.2.
 */
describe.each(engines())('KPIs bound to a dataset on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let units: Map<string, number>;
  let personId: number;

  const kpiBody = (code: string, extra: object = {}) => ({
    code,
    name: `Bound ${code}`,
    level: 'operational',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'dataset',
    ownerId: null,
    measurerId: null,
    reportWithinDays: null,
    baseline: null,
    parents: [],
    tags: [],
    status: 'draft',
    ...extra,
  });
  const actuals = async (code: string) => {
    const r = await sql<{ period_key: string; scope: string; value: string; numerator: string | null; denominator: string | null; source: string; version: number; updated_at: Date }>`
      SELECT a.period_key, a.scope_type || coalesce(':' || a.scope_id, '') AS scope, a.value::text, a.numerator::text, a.denominator::text, a.source, a.version, a.updated_at
      FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE k.code = ${code} ORDER BY 1, 2`.execute(t.database.db);
    return r.rows;
  };
  const values = async (code: string) => (await actuals(code)).map((a) => [a.period_key, a.scope, Number(a.value)]);
  const revenueBinding = () => ({
    dataset: 'orders',
    measure: 'sum(sales)',
    dateColumn: 'ordered_at',
    scopeColumn: 'region',
    scopes: [
      { value: 'Miền Bắc', scope: { type: 'unit', id: units.get('KD-MB')! } },
      { value: 'Miền Nam', scope: { type: 'unit', id: units.get('KD-MN')! } },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    await createOrders(t.database.db);
    admin = await t.as(LOGINS.admin);
    units = new Map((await t.database.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    personId = (await t.database.db.selectFrom('people').select('id').where('email', '=', LOGINS.employee).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('computes monthly actuals per unit and for the company (unmapped values in the total only), in Hanoi time', async () => {
    const created = await admin.post('/api/kpis', kpiBody('BOUND_REV'));
    expect(created.statusCode, created.body).toBe(201);
    const binding = { ...revenueBinding(), scopes: revenueBinding().scopes.slice(0, 1) }; // Miền Nam not mapped
    const res = await admin.put('/api/kpis/BOUND_REV/binding', binding);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recompute).toMatchObject({ inserted: 5, updated: 0, removed: 0, skipped: [], range: null });
    const mb = `unit:${units.get('KD-MB')}`;
    expect(await values('BOUND_REV')).toEqual([
      ['2025-01', 'company', 650],
      ['2025-01', mb, 100],
      ['2025-02', 'company', 650.25],
      ['2025-02', mb, 250.25],
      ['2025-03', 'company', 0.1],
    ]);
    expect((await actuals('BOUND_REV')).every((a) => a.source === 'dataset')).toBe(true);
    expect((await admin.get('/api/kpis/BOUND_REV/binding')).json()).toEqual({ binding });

    // Now Miền Nam too: its months are added, nothing else changes.
    const again = await admin.put('/api/kpis/BOUND_REV/binding', revenueBinding());
    expect(again.json().recompute).toMatchObject({ inserted: 3, updated: 0, unchanged: 5 });
    const mn = `unit:${units.get('KD-MN')}`;
    expect((await values('BOUND_REV')).filter((v) => v[1] === mn)).toEqual([
      ['2025-01', mn, 550],
      ['2025-02', mn, 400],
      ['2025-03', mn, 0.1],
    ]);
  });

  it('a ratio of sums stores its numerator and denominator', async () => {
    await admin.post('/api/kpis', kpiBody('BOUND_MARGIN', { unit: '%', aggregation: 'ratio' }));
    const res = await admin.put('/api/kpis/BOUND_MARGIN/binding', { dataset: 'orders', measure: 'sum(profit) / sum(sales)', dateColumn: 'ordered_at' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (await actuals('BOUND_MARGIN')).map((a) => [a.period_key, a.scope, Number(a.value), Number(a.numerator), Number(a.denominator)]);
    expect(rows).toEqual([
      ['2025-01', 'company', 0.1, 65, 650],
      ['2025-02', 'company', 155 / 650.25, 155, 650.25],
      ['2025-03', 'company', 0.2, 0.02, 0.1],
    ]);
    expect(155 / 650.25).not.toBeCloseTo((0.25 + 5 / 50.25 + 0.25) / 3, 3);
  });

  it('an append import recomputes only the months it touched, and keeps the history of a changed value', async () => {
    // A January value set by hand: an import of February rows must leave it alone (only touched months are recomputed).
    await sql`UPDATE kpi_actuals SET value = 1 WHERE period_key = '2025-01' AND scope_type = 'company' AND kpi_id = (SELECT id FROM kpis WHERE code = 'BOUND_REV')`.execute(t.database.db);
    const before = await actuals('BOUND_REV');
    const csv = 'order_id,customer,region,segment,ordered_at,order_date,sales,profit,qty,paid\no8,c5,Miền Bắc,Consumer,2025-02-28 22:00,2025-02-28,1000,100,1,true\n';
    const imported = await admin.request({ method: 'POST', url: '/api/datasets/orders/import?mode=append', ...multipartFile('file', 'more.csv', csv) } as never);
    expect(imported.statusCode, imported.body).toBe(200);
    // Only February (the one order's month) was recomputed, for every bound KPI.
    expect(imported.json().kpis.recomputed).toContainEqual(expect.objectContaining({ code: 'BOUND_REV', range: { from: '2025-02-01', to: '2025-02-28' }, updated: 2 }));
    const after = await actuals('BOUND_REV');
    const mb = `unit:${units.get('KD-MB')}`;
    const byKey = (rows: typeof after) => new Map(rows.map((r) => [`${r.period_key}|${r.scope}`, r]));
    const [b, a] = [byKey(before), byKey(after)];
    expect(Number(a.get(`2025-02|company`)!.value)).toBe(1650.25);
    expect(Number(a.get(`2025-02|${mb}`)!.value)).toBe(1250.25);
    expect(a.get(`2025-02|company`)!.version).toBe(b.get(`2025-02|company`)!.version + 1);
    // January and March were not touched: the same rows, not even rewritten.
    for (const key of [`2025-01|company`, `2025-01|${mb}`, `2025-03|company`]) expect(a.get(key)!.updated_at).toEqual(b.get(key)!.updated_at);
    expect(Number(a.get(`2025-01|company`)!.value)).toBe(1);

    const id = (await t.database.db.selectFrom('kpi_actuals as a').innerJoin('kpis as k', 'k.id', 'a.kpi_id').select('a.id').where('k.code', '=', 'BOUND_REV').where('a.period_key', '=', '2025-02').where('a.scope_type', '=', 'company').executeTakeFirstOrThrow()).id;
    const versions = (await admin.get(`/api/actuals/${id}/versions`)).json();
    expect(versions.items.map((v: { value: number }) => v.value)).toContain(650.25);
  });

  it('refuses a binding to a missing column or a column of the wrong type with 422 and the field path; nothing saved', async () => {
    await admin.post('/api/kpis', kpiBody('BOUND_BAD'));
    const missing = await admin.put('/api/kpis/BOUND_BAD/binding', { dataset: 'orders', measure: 'sum(revenue)', dateColumn: 'ordered_at' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('KPI_BINDING_INVALID');
    expect(missing.json().error.issues).toEqual([expect.objectContaining({ path: 'binding.measure', code: 'UNKNOWN_COLUMN' })]);
    const notDate = await admin.put('/api/kpis/BOUND_BAD/binding', { dataset: 'orders', measure: 'sum(sales)', dateColumn: 'region' });
    expect([notDate.statusCode, notDate.json().error.issues[0].path, notDate.json().error.issues[0].code]).toEqual([422, 'binding.dateColumn', 'GRAIN_ON_NON_DATE']);
    const textSum = await admin.put('/api/kpis/BOUND_BAD/binding', { dataset: 'orders', measure: 'sum(region)', dateColumn: 'ordered_at' });
    expect([textSum.statusCode, textSum.json().error.issues[0].path]).toEqual([422, 'binding.measure']);
    const noDataset = await admin.put('/api/kpis/BOUND_BAD/binding', { dataset: 'nope', measure: 'sum(sales)', dateColumn: 'ordered_at' });
    expect([noDataset.statusCode, noDataset.json().error.issues[0].path]).toEqual([422, 'binding.dataset']);
    const badUnit = await admin.put('/api/kpis/BOUND_BAD/binding', { ...revenueBinding(), scopes: [{ value: 'Miền Bắc', scope: { type: 'unit', id: 999999 } }] });
    expect([badUnit.statusCode, badUnit.json().error.issues[0].path]).toEqual([422, 'binding.scopes.0.scope']);
    expect((await admin.get('/api/kpis/BOUND_BAD/binding')).json()).toEqual({ binding: null });
    expect(await values('BOUND_BAD')).toEqual([]);
  });

  it('a value beyond ±10^15 is reported and not written; the other periods are (the save does not fail on the range constraint)', async () => {
    await admin.post('/api/kpis', kpiBody('BOUND_HUGE'));
    // 650 × 10^13 = 6.5 × 10^15 in January and 1650.25 × 10^13 in February are too large; March 0.1 × 10^13 = 10^12 fits.
    const res = await admin.put('/api/kpis/BOUND_HUGE/binding', { dataset: 'orders', measure: 'sum(sales) * 10000000000000', dateColumn: 'ordered_at' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recompute.outOfRange).toEqual([
      { period: '2025-01', scope: { type: 'company', id: null } },
      { period: '2025-02', scope: { type: 'company', id: null } },
    ]);
    expect(await values('BOUND_HUGE')).toEqual([['2025-03', 'company', 1e12]]);
  });

  it('keeps SQL in mapping values as data', async () => {
    await admin.post('/api/kpis', kpiBody('BOUND_SQL'));
    const hostile = "Miền Bắc' OR 1=1; DROP TABLE kpis; --";
    const res = await admin.put('/api/kpis/BOUND_SQL/binding', { ...revenueBinding(), scopes: [{ value: hostile, scope: { type: 'unit', id: units.get('KD-MB')! } }] });
    expect(res.statusCode, res.body).toBe(200);
    // No region equals that text: company totals only (with the appended o8 in February).
    expect(await values('BOUND_SQL')).toEqual([
      ['2025-01', 'company', 650],
      ['2025-02', 'company', 1650.25],
      ['2025-03', 'company', 0.1],
    ]);
    expect((await admin.get(`/api/kpis/BOUND_SQL/rows?period=2025-02&scope=unit:${units.get('KD-MB')}`)).json()).toMatchObject({ total: 0, rows: [] });
  });

  it('skips and reports the periods a locked review cycle holds; the others are written', async () => {
    await admin.post('/api/kpis', kpiBody('BOUND_PERSON'));
    const kpiId = (await t.database.db.selectFrom('kpis').select('id').where('code', '=', 'BOUND_PERSON').executeTakeFirstOrThrow()).id;
    const cycleId = await addCycle(t.database.db, { code: 'LOCKED_JAN', startsOn: '2025-01-01', endsOn: '2025-01-31', phase: 'locked' });
    await addSheet(t.database.db, {
      cycleId, personId, unitId: units.get('KD-MB')!, startsOn: '2025-01-01', endsOn: '2025-01-31',
      groups: [{ code: 'output', weight: 100 }], items: [{ code: 'REV', group: 'output', weight: 100, kpiId }],
    });
    const res = await admin.put('/api/kpis/BOUND_PERSON/binding', { ...revenueBinding(), scopes: [{ value: 'Miền Bắc', scope: { type: 'person', id: personId } }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recompute.skipped).toEqual([{ period: '2025-01', scope: { type: 'person', id: personId }, cycle: 'LOCKED_JAN' }]);
    const person = `person:${personId}`;
    expect((await values('BOUND_PERSON')).filter((v) => v[1] === person)).toEqual([['2025-02', person, 1250.25]]);
  });

  it('drill-through: the rows of a period and unit, paginated; recompute on demand', async () => {
    const rows = await admin.get(`/api/kpis/BOUND_REV/rows?period=2025-02&scope=unit:${units.get('KD-MB')}&limit=2`);
    expect(rows.statusCode, rows.body).toBe(200);
    // February in Hanoi, Miền Bắc: o2 (00:30 on 1/2), o5, o8 — in stored order.
    expect(rows.json()).toMatchObject({ dataset: 'orders', period: '2025-02', total: 3, offset: 0 });
    expect(rows.json().rows.map((r: { order_id: string }) => r.order_id)).toEqual(['o2', 'o5']);
    const company = await admin.get('/api/kpis/BOUND_REV/rows?period=2025-01&offset=2');
    expect(company.json()).toMatchObject({ total: 3 });
    expect(company.json().rows.map((r: { order_id: string }) => r.order_id)).toEqual(['o3']);
    const recompute = await admin.post('/api/kpis/BOUND_REV/recompute');
    expect(recompute.statusCode, recompute.body).toBe(200);
    // Everything again: the January value set by hand goes back to 650.
    expect(recompute.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 7, removed: 0, range: null });
    expect((await values('BOUND_REV'))[0]).toEqual(['2025-01', 'company', 650]);
  });
});
