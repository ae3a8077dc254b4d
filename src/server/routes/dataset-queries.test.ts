import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { multipartFile } from '../../../test/helpers/multipart';
import { createOrders, createPurchases } from '../../../test/helpers/orders-fixture';
import { LOGINS } from '../../../test/security/matrix-world';

describe.each(engines())('dataset query API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let viewer: ApiClient;
  let employee: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await createOrders(t.database.db);
    await createPurchases(t.database.db);
    admin = await t.as(LOGINS.admin);
    viewer = await t.as(LOGINS.viewer);
    employee = await t.as(LOGINS.employee);
  });
  afterAll(() => t.close());

  it('POST /api/datasets/{name}/query: monthly sales by region in Hanoi time and a ratio of sums', async () => {
    const res = await viewer.post('/api/datasets/orders/query', {
      measures: [
        { name: 'sales', expression: 'sum(sales)' },
        { name: 'margin', expression: 'sum(profit) / sum(sales)' },
      ],
      by: ['region', 'ordered_at:month'],
      where: "ordered_at < '2025-02-15'",
    });
    expect(res.statusCode, res.body).toBe(200);
    // Bắc: Jan o1 100/10; Feb o2 200/50. Nam: Jan o7 + o3 = 550/55; Feb o4 400/100 (o5 on the 20th, o6 in March: out).
    expect(res.json()).toEqual({
      columns: ['region', 'ordered_at', 'sales', 'margin'],
      rows: [
        { region: 'Miền Bắc', ordered_at: '2025-01', sales: 100, margin: 0.1 },
        { region: 'Miền Bắc', ordered_at: '2025-02', sales: 200, margin: 0.25 },
        { region: 'Miền Nam', ordered_at: '2025-01', sales: 550, margin: 0.1 },
        { region: 'Miền Nam', ordered_at: '2025-02', sales: 400, margin: 0.25 },
      ],
    });
  });

  it('queries a dataset imported from a Vietnamese CSV: local times, decimal commas, exact sums', async () => {
    const csv = '\ufeffMã đơn;Khách hàng;Thời gian;Doanh thu\r\n1;c1;31/01/2025 23:30;1.000,5\r\n2;c2;01/02/2025 00:30;2.000,25\r\n3;c1;15/02/2025 10:00;0,1\r\n';
    const imported = await admin.request({ method: 'POST', url: '/api/datasets/don_hang/import', ...multipartFile('file', 'don-hang.csv', csv) } as never);
    expect(imported.statusCode, imported.body).toBe(200);
    const res = await admin.post('/api/datasets/don_hang/query', {
      measures: [
        { name: 'doanh_thu', expression: 'sum(doanh_thu)' },
        { name: 'khach', expression: 'count_distinct(khach_hang)' },
      ],
      by: ['thoi_gian:month'],
    });
    expect(res.statusCode, res.body).toBe(200);
    // 23:30 on 31/01 Hanoi time is January; 2,000.25 + 0.1 in February from two customers.
    expect(res.json()).toEqual({
      columns: ['thoi_gian', 'doanh_thu', 'khach'],
      rows: [
        { thoi_gian: '2025-01', doanh_thu: 1000.5, khach: 1 },
        { thoi_gian: '2025-02', doanh_thu: 2000.35, khach: 2 },
      ],
    });
  });

  it('bad input is a 4xx with a stable code, the field path and a vi/en message; nothing runs', async () => {
    const missing = await admin.post('/api/datasets/orders/query', { measures: [{ name: 'x', expression: 'sum(revenue)' }] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'DATASET_QUERY_INVALID', issues: [{ path: 'measures.0.expression', code: 'UNKNOWN_COLUMN' }] });
    expect(missing.json().error.issues[0].message).toContain("Bộ dữ liệu không có cột 'revenue'");
    admin.lang = 'en';
    const mismatch = await admin.post('/api/datasets/orders/query', { measures: [{ name: 'x', expression: 'count()' }], where: "sales = 'abc'" });
    admin.lang = 'vi';
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.issues).toEqual([{ path: 'where', code: 'TYPE_MISMATCH', message: "Cannot compare a number value with a text value using '=' at line 1, column 7" }]);
    for (const where of ['1=1; DROP TABLE ds_orders', "region = 'a' OR 1=1 --", 'region = region); DELETE FROM ds_orders; --']) {
      const res = await admin.post('/api/datasets/orders/query', { measures: [{ name: 'x', expression: 'count()' }], where });
      expect(res.statusCode, where).toBe(422);
    }
    const injectedName = await admin.post('/api/datasets/orders/query', { measures: [{ name: 'x', expression: 'count()' }], by: ['region"; DROP TABLE ds_orders; --'] });
    expect(injectedName.statusCode).toBe(422);
    const asData = await admin.post('/api/datasets/orders/query', { measures: [{ name: 'n', expression: 'count()' }], where: "region = 'x''; DROP TABLE ds_orders; --'" });
    expect(asData.json()).toEqual({ columns: ['n'], rows: [{ n: 0 }] });
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM ds_orders`.execute(t.database.db);
    expect(Number(count.rows[0]!.n)).toBe(7);

    expect((await admin.post('/api/datasets/khong_co/query', { measures: [{ name: 'x', expression: 'count()' }] })).statusCode).toBe(404);
    expect((await admin.post('/api/datasets/Orders;--/query', { measures: [{ name: 'x', expression: 'count()' }] })).statusCode).toBe(400);
    expect((await admin.post('/api/datasets/orders/query', { measures: [] })).statusCode).toBe(400);
  });

  it('who may ask: admin, manager and viewer; an employee gets 403; no session gets 401', async () => {
    const body = { measures: [{ name: 'n', expression: 'count()' }] };
    expect((await employee.post('/api/datasets/orders/query', body)).statusCode).toBe(403);
    expect((await employee.post('/api/lift', { before: { aware: 1, asked: 2 }, after: { aware: 1, asked: 2 } })).statusCode).toBe(403);
    const anonymous = await t.anonymous();
    expect((await anonymous.post('/api/datasets/orders/query', body)).statusCode).toBe(401);
  });

  it('POST /api/datasets/{name}/cohorts and /repeat-share', async () => {
    const cohorts = await admin.post('/api/datasets/purchases/cohorts', { customer: 'customer', date: 'bought_on', within: 30, cohort: 'year' });
    expect(cohorts.statusCode, cohorts.body).toBe(200);
    expect(cohorts.json()).toEqual({
      rows: [
        { cohort: '2024', customers: 5, returning: 3, rate: 0.6 },
        { cohort: '2025', customers: 1, returning: 1, rate: 1 },
      ],
    });
    const share = await admin.post('/api/datasets/purchases/repeat-share', { customer: 'customer', date: 'bought_on', from: '2024-02-01', to: '2024-02-29' });
    expect(share.json()).toEqual({ rows: [{ period: '2024-02', customers: 2, repeat: 2, share: 1 }] });
    const bad = await admin.post('/api/datasets/purchases/cohorts', { customer: 'customer', date: 'customer', within: 30 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.issues).toMatchObject([{ path: 'date', code: 'NOT_A_DATE' }]);
    expect((await admin.post('/api/datasets/purchases/cohorts', { customer: 'customer', date: 'bought_on', within: 1e308 })).statusCode).toBe(400);
  });

  it('POST /api/lift: the worked example, and the sample size for the next survey', async () => {
    admin.lang = 'en';
    const res = await admin.post('/api/lift', { before: { aware: 120, asked: 400 }, after: { aware: 152, asked: 400 } });
    admin.lang = 'vi';
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      before: 0.3,
      after: 0.38,
      lift: 0.08,
      relative: expect.closeTo(0.2667, 4),
      z: expect.closeTo(2.39, 2),
      p: expect.closeTo(0.0169, 4),
      ci: [expect.closeTo(0.0146, 4), expect.closeTo(0.1454, 4)],
      significant: true,
      warnings: [],
      message: 'Awareness rose by 8 percentage points, significant at 95% confidence.',
    });
    const impossible = await admin.post('/api/lift', { before: { aware: 500, asked: 400 }, after: { aware: 1, asked: 400 } });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json().error).toMatchObject({ code: 'LIFT_INVALID', issues: [{ path: 'before.aware', code: 'INVALID_AWARE' }] });
    const n = await admin.post('/api/lift/sample-size', { baseline: 0.2, lift: 0.1 });
    expect(n.json()).toEqual({ perSurvey: 294 });
  });
});
