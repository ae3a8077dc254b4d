import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startClockApp, type ClockApp } from './actuals.test-helpers';

// JSON bodies of responses, read field by field in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function push(app: FastifyInstance, token: string | null, key: string | null, body: unknown) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/actuals',
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(key && { 'idempotency-key': key }), 'accept-language': 'en' },
    payload: body as object,
  });
}

describe.each(engines())('API tokens and push on %s', (engine) => {
  let t: ClockApp;
  let erp: string; // limited to REV and COST
  let erpId: number;
  let hr: string; // every KPI

  beforeAll(async () => {
    t = await startClockApp(engine);
    t.clock.now = new Date('2026-05-03T02:00:00Z'); // 03/05 in HCM: April actuals of 5-day KPIs are on time
  });
  afterAll(() => t.close());

  it('lets admins create tokens shown once, stored hashed', async () => {
    const admin = await t.as('admin@minhan.vn');
    const res = await admin.post('/api/api-tokens', { name: 'ERP MISA', kpiCodes: ['REV', 'COST'] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    erp = created.token;
    erpId = created.id;
    // okpi_ + base64url of 32 bytes (43 characters)
    expect(erp).toMatch(/^okpi_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'ERP MISA', kpiCodes: ['REV', 'COST'], prefix: erp.slice(0, 11), revoked: false });
    hr = (await admin.post('/api/api-tokens', { name: 'HRM' })).json().token;

    const list = await admin.get('/api/api-tokens');
    expect(list.body).not.toContain(erp);
    expect(list.body).not.toContain(erp.slice(11));
    expect((list.json().items as Json[]).map((x) => x.name)).toEqual(['ERP MISA', 'HRM']);

    const bad = await admin.post('/api/api-tokens', { name: 'x', kpiCodes: ['NOPE'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'kpiCodes.0', code: 'not_found' });
    const manager = await t.as('truong.kd@minhan.vn');
    expect((await manager.post('/api/api-tokens', { name: 'mine' })).statusCode).toBe(403);
  });

  it('writes a batch with source api, recomputes formulas, and answers a replay from storage', async () => {
    const body = { actuals: [{ kpi: 'REV', period: '2026-04', value: 2000 }, { kpi: 'COST', period: '2026-04', value: 1500, comment: 'Từ ERP' }] };
    const first = await push(t.app, erp, 'batch-2026-04', body);
    expect(first.statusCode).toBe(200);
    // PROFIT = 2000 − 1500 = 500 and MARGIN = 500 / 2000 = 0.25 → 2 recomputed
    expect(first.json()).toEqual({ count: 2, inserted: 2, updated: 0, unchanged: 0, recomputed: 2 });
    const [profit] = await t.store.actuals.list({ kpiIds: [t.kpis.PROFIT], from: '2026-04-01', to: '2026-04-30' });
    const [margin] = await t.store.actuals.list({ kpiIds: [t.kpis.MARGIN], from: '2026-04-01', to: '2026-04-30' });
    expect(profit?.value).toBe(500);
    expect(margin?.value).toBe(0.25);

    const admin = await t.as('admin@minhan.vn');
    const rev = ((await admin.get('/api/kpis/REV/actuals?from=2026-04-01&to=2026-04-30')).json().items as Json[])[0]!;
    expect(rev).toMatchObject({ source: 'api', value: 2000, late: false, version: 1, updatedByName: 'ERP MISA' });

    const again = await push(t.app, erp, 'batch-2026-04', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await t.store.actuals.versions(rev.id)).length).toBe(1);
  });

  it('refuses the same key with another body (409), a missing key (400) and a missing or unknown token (401)', async () => {
    const other = await push(t.app, erp, 'batch-2026-04', { actuals: [{ kpi: 'REV', period: '2026-04', value: 2100 }] });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const [rev] = await t.store.actuals.list({ kpiIds: [t.kpis.REV], from: '2026-04-01', to: '2026-04-30' });
    expect(rev?.value).toBe(2000);

    const noKey = await push(t.app, erp, null, { actuals: [{ kpi: 'REV', period: '2026-04', value: 1 }] });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.issues[0].path).toBe('headers.idempotency-key');
    expect((await push(t.app, null, 'k', { actuals: [{ kpi: 'REV', period: '2026-04', value: 1 }] })).statusCode).toBe(401);
    expect((await push(t.app, `okpi_${'A'.repeat(43)}`, 'k', { actuals: [{ kpi: 'REV', period: '2026-04', value: 1 }] })).statusCode).toBe(401);
  });

  it('gives 403 for a KPI outside the token and writes nothing', async () => {
    const res = await push(t.app, erp, 'rate-1', { actuals: [{ kpi: 'REV', period: '2026-05', value: 1 }, { kpi: 'RATE', period: '2026-04', numerator: 1, denominator: 2 }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'actuals.1.kpi', code: 'forbidden' })]);
    expect(await t.store.actuals.list({ kpiIds: [t.kpis.REV], from: '2026-05-01', to: '2026-05-31' })).toEqual([]);
  });

  it('reports every bad item with its index and field, and writes none of the batch', async () => {
    const res = await push(t.app, hr, 'bad-1', {
      actuals: [
        { kpi: 'REV', period: '2026-06', value: 10 },
        { kpi: 'RATE', period: '2026-06', numerator: 3 },
        { kpi: 'NOPE', period: '2026-06', value: 1 },
        { kpi: 'COST', period: '2026-Q2', value: 1 },
        { kpi: 'PROFIT', period: '2026-06', value: 1 },
        { kpi: 'REV', period: '2026-06', value: 11 },
        { kpi: 'REV', period: '2026-06', scope: { type: 'unit', id: 999999 }, value: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().error.issues as Json[]).map((i) => [i.path, i.code])).toEqual([
      ['actuals.1.denominator', 'required'],
      ['actuals.2.kpi', 'unknown_kpi'],
      ['actuals.3.period', 'wrong_period_kind'],
      ['actuals.4.kpi', 'computed_kpi'],
      ['actuals.5.period', 'duplicate'],
      ['actuals.6.scope.id', 'unknown_unit'],
    ]);
    expect(await t.store.actuals.list({ from: '2026-06-01', to: '2026-06-30' })).toEqual([]);
  });

  it('marks late pushes and accepts ratio parts', async () => {
    // RATE for April: deadline 30/04 + 5 = 05/05. 2026-05-05T17:30:00Z is 00:30 on 06/05 in HCM → late.
    t.clock.now = new Date('2026-05-05T17:30:00Z');
    const res = await push(t.app, hr, 'rate-april', { actuals: [{ kpi: 'RATE', period: '2026-04', numerator: 18, denominator: 24 }] });
    expect(res.json()).toMatchObject({ inserted: 1 });
    const [rate] = await t.store.actuals.list({ kpiIds: [t.kpis.RATE] });
    // 18 / 24 = 0.75
    expect(rate).toMatchObject({ value: 0.75, numerator: 18, denominator: 24, late: true, source: 'api' });
  });

  it('answers two simultaneous requests with the same key once: one writes, the other replays', async () => {
    const body = { actuals: [{ kpi: 'REV', period: '2026-08', value: 3000 }] };
    const [a, b] = await Promise.all([push(t.app, hr, 'race-1', body), push(t.app, hr, 'race-1', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const [rev] = await t.store.actuals.list({ kpiIds: [t.kpis.REV], from: '2026-08-01', to: '2026-08-31' });
    expect((await t.store.actuals.versions(rev!.id)).length).toBe(1);
  });

  it('refuses a revoked token with 401', async () => {
    const admin = await t.as('admin@minhan.vn');
    const revoked = await admin.post(`/api/api-tokens/${erpId}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked).toBe(true);
    const res = await push(t.app, erp, 'after-revoke', { actuals: [{ kpi: 'REV', period: '2026-07', value: 1 }] });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});
