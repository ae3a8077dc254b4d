import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/api';
import { engines } from '../helpers/db';

// The findings of issue 9 on the demo company, one test each: every one answered 500 (or stored Infinity) before.
const ADMIN = 'admin@minhan.vn';
const ROLES = ['admin@minhan.vn', 'truong.kd@minhan.vn', 'nhanvien@minhan.vn', 'an.nguyen@minhan.vn'];
const PERIOD = '2026-11';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe.each(engines())('hostile values found on the demo company (%s)', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as(ADMIN);
  });
  afterAll(() => t.close());

  const issuesOf = (body: Json) => (body.error.issues as Json[]).map((i) => [i.path, i.code]);

  it('refuses a ratio check-in of 1e308 / 1e-10, stores nothing, and every role still reads the dashboards', async () => {
    const before = (await admin.get('/api/kpis/COST_PER_LEAD/actuals')).json().items as Json[];
    const res = await admin.post('/api/kpis/COST_PER_LEAD/checkins', { period: PERIOD, numerator: 1e308, denominator: 1e-10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(res.json())).toEqual([
      ['numerator', 'too_big'],
      ['denominator', 'too_small'],
    ]);
    const after = await admin.get('/api/kpis/COST_PER_LEAD/actuals');
    expect(after.statusCode).toBe(200);
    expect(after.json().items).toEqual(before);
    for (const email of ROLES) {
      const client = await t.as(email);
      for (const url of [`/api/dashboard/units?period=${PERIOD}`, `/api/scorecard?period=${PERIOD}`, '/api/kpis/COST_PER_LEAD/actuals']) {
        expect([email, url, (await client.get(url)).statusCode]).toEqual([email, url, 200]);
      }
    }
  });

  it('keeps the version history readable after a correction that follows the refused value', async () => {
    expect((await admin.post('/api/kpis/COST_PER_LEAD/checkins', { period: '2026-10', numerator: 1e308, denominator: 1e-10 })).statusCode).toBe(400);
    // 3,000,000 ₫ spent on 120 leads = 25,000 ₫ a lead, then corrected to 3,600,000 / 120 = 30,000.
    expect((await admin.post('/api/kpis/COST_PER_LEAD/checkins', { period: '2026-10', numerator: 3_000_000, denominator: 120 })).statusCode).toBe(200);
    const fixed = await admin.post('/api/kpis/COST_PER_LEAD/checkins', { period: '2026-10', numerator: 3_600_000, denominator: 120 });
    expect(fixed.json()).toMatchObject({ value: 30_000, version: 2 });
    const versions = await admin.get(`/api/actuals/${fixed.json().id}/versions`);
    expect(versions.statusCode).toBe(200);
    expect((versions.json().items as Json[]).map((v) => v.value)).toEqual([30_000, 25_000]);
  });

  it('refuses two monthly values of 1.5e308 and the KPI series stays readable', async () => {
    for (const period of ['2026-09', '2026-10']) {
      const res = await admin.post('/api/kpis/REVENUE/checkins', { period, value: 1.5e308 });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toEqual([['value', 'too_big']]);
    }
    expect((await admin.get('/api/kpis/REVENUE/series')).statusCode).toBe(200);
  });

  it('gives a formula result beyond ±1e15 no value instead of failing the check-in that caused it', async () => {
    // AOV = [REVENUE] / [ORDERS]: 1e15 / 0.5 = 2e15, beyond the range; 1e15 / 4 = 2.5e14 is fine.
    expect((await admin.post('/api/kpis/ORDERS/checkins', { period: '2026-08', value: 0.5 })).statusCode).toBe(200);
    expect((await admin.post('/api/kpis/REVENUE/checkins', { period: '2026-08', value: 1e15 })).statusCode).toBe(200);
    const aov = async () => ((await admin.get('/api/kpis/AOV/actuals?from=2026-08-01&to=2026-08-31')).json().items as Json[]).map((a) => a.value);
    expect(await aov()).toEqual([]);
    expect((await admin.post('/api/kpis/ORDERS/checkins', { period: '2026-08', value: 4 })).statusCode).toBe(200);
    expect(await aov()).toEqual([2.5e14]);
  });

  it('refuses a NUL character in a KPI name with the field path, and in a search', async () => {
    const kpi = (await admin.get('/api/kpis/REVENUE')).json().kpi as Json;
    const body = {
      code: 'REVENUE',
      name: 'Doanh\u0000thu',
      level: kpi.level,
      perspective: kpi.perspective,
      unit: kpi.unit,
      direction: kpi.direction,
      aggregation: kpi.aggregation,
      frequency: kpi.frequency,
      source: kpi.source,
      ownerId: kpi.ownerId,
      measurerId: kpi.measurerId,
      reportWithinDays: kpi.reportWithinDays,
      baseline: kpi.baseline,
      parents: kpi.parents,
      tags: kpi.tags,
      status: kpi.status,
    };
    const res = await admin.put('/api/kpis/REVENUE', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: 'name', code: 'invalid_text', message: 'Trường "name" chứa ký tự không hợp lệ (NUL hoặc nửa cặp UTF-16).' }]);
    expect((await admin.get('/api/kpis/REVENUE')).json().kpi.name).toBe(kpi.name);
    const search = await admin.get('/api/kpis?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(issuesOf(search.json())).toEqual([['querystring.q', 'invalid_text']]);
  });

  it('answers 400 for an id of 2147483648 in a path, a query and a body', async () => {
    const unitId = (await t.store.units.findByCode('KD'))!.id;
    for (const res of [
      await admin.get('/api/people/2147483648'),
      await admin.get('/api/actuals/2147483648/versions'),
      await admin.get('/api/people?unitId=2147483648'),
      await admin.get('/api/kpis?ownerId=2147483648'),
      await admin.get('/api/dashboard/units?period=2026-11&unit=2147483648'),
      await admin.post('/api/people', { fullName: 'Lê Văn Tám', unitId, managerId: 2147483648 }),
    ]) {
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // The largest integer id is well-formed: absent, so 404.
    expect((await admin.get('/api/people/2147483647')).statusCode).toBe(404);
  });

  it('answers 400 for an audit log cursor beyond bigint', async () => {
    const res = await admin.get('/api/audit?before=99999999999999999999999');
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.json())).toEqual([['querystring.before', 'invalid_format']]);
  });

  it('refuses a lone UTF-16 surrogate in a person name and creates nobody', async () => {
    const unitId = (await t.store.units.findByCode('KD'))!.id;
    const count = async () => (await admin.get('/api/people?limit=1')).json().total as number;
    const before = await count();
    admin.lang = 'en';
    const res = await admin.post('/api/people', { fullName: 'Lê \ud800 Tám', unitId });
    admin.lang = 'vi';
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: 'fullName', code: 'invalid_text', message: 'Field "fullName" contains an invalid character (NUL or half of a UTF-16 pair).' }]);
    expect(await count()).toBe(before);
  });
});
