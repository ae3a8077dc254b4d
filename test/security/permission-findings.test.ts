import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/api';
import { engines } from '../helpers/db';

/** Each finding of the "trust first" review, as it was reproduced on the demo company. */
describe.each(engines())('permission findings on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient; // truong.kd: head of sales (KD, KD-MB, KD-MN)
  let employee: ApiClient; // nhanvien: KD-MB
  let viewer: ApiClient; // an.nguyen: BGD, owner of REVENUE
  const person: Record<string, { id: number; unitId: number }> = {};
  const unit: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    manager = await t.as('truong.kd@minhan.vn');
    employee = await t.as('nhanvien@minhan.vn');
    viewer = await t.as('an.nguyen@minhan.vn');
    for (const p of (await admin.get('/api/people?limit=500')).json().items as { id: number; email: string; unitId: number }[]) person[p.email] = p;
    for (const u of (await admin.get('/api/org-units')).json().items as { id: number; code: string }[]) unit[u.code] = u.id;
  });
  afterAll(() => t.close());

  const kpiBody = async (code: string) => {
    const { kpi } = (await admin.get(`/api/kpis/${code}`)).json();
    const { id: _i, ownerName: _o, measurerName: _m, ownerUnitId: _u, updatedAt: _a, owner: _ow, measurer: _me, scoring: _s, ...rest } = kpi;
    return rest as Record<string, unknown>;
  };

  it('a manager cannot take over a KPI owned in another unit, nor archive it', async () => {
    const before = (await admin.get('/api/kpis/WEB_TRAFFIC')).json().kpi;
    const takeover = await manager.put('/api/kpis/WEB_TRAFFIC', { ...(await kpiBody('WEB_TRAFFIC')), ownerId: person['truong.kd@minhan.vn']!.id });
    expect(takeover.statusCode).toBe(403);
    expect((await manager.post('/api/kpis/WEB_TRAFFIC/archive', {})).statusCode).toBe(403);
    const after = (await admin.get('/api/kpis/WEB_TRAFFIC')).json().kpi;
    expect([after.ownerId, after.status, after.updatedAt]).toEqual([before.ownerId, before.status, before.updatedAt]);
  });

  it('a manager cannot hand his own KPI to someone outside his units either', async () => {
    const res = await manager.put('/api/kpis/SALES_MB_REVENUE', { ...(await kpiBody('SALES_MB_REVENUE')), ownerId: person['tuan.kieu@minhan.vn']!.id });
    expect(res.statusCode).toBe(403);
    const ok = await manager.put('/api/kpis/SALES_MB_REVENUE', { ...(await kpiBody('SALES_MB_REVENUE')), ownerId: person['phuc.trinh@minhan.vn']!.id });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a manager cannot set company-wide targets of a KPI his units do not own', async () => {
    const res = await manager.put('/api/kpis/REVENUE/targets', { scope: { type: 'company' }, targets: [{ period: '2027', value: 1 }] });
    expect(res.statusCode).toBe(403);
    const targets = (await admin.get('/api/kpis/REVENUE/targets?period=2027')).json().items;
    expect(targets).toEqual([]);
  });

  it('the viewer writes nothing, even as the owner of REVENUE: no check-in, no evidence', async () => {
    const checkIn = await viewer.post('/api/kpis/REVENUE/checkins', { period: '2026-02', value: 1 });
    expect(checkIn.statusCode).toBe(403);
    const other = await viewer.post('/api/kpis/REVENUE/checkins', { period: '2026-02', scope: { type: 'person', id: person['tuan.kieu@minhan.vn']!.id }, value: 1 });
    expect(other.statusCode).toBe(403);
    const actual = (await admin.post('/api/kpis/REVENUE/checkins', { period: '2025-01', value: 5 })).json();
    const evidence = await viewer.request({
      method: 'POST',
      url: `/api/actuals/${actual.id}/evidence`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--x--\r\n',
    });
    expect(evidence.statusCode).toBe(403);
  });

  it('the viewer does not read person scopes of the KPI he owns outside his unit', async () => {
    const res = await viewer.get(`/api/kpis/REVENUE/actuals?scope=person:${person['tuan.kieu@minhan.vn']!.id}`);
    expect(res.statusCode).toBe(403);
  });

  it('a cascade needs the right on its source: a manager learns nothing of another unit’s target', async () => {
    // Marketing has a 2027 target of 123.456.789 for WEB_TRAFFIC; the sales manager tries to cascade it into his team.
    await admin.put('/api/kpis/WEB_TRAFFIC/targets', { scope: { type: 'unit', id: unit.MKT }, targets: [{ period: '2027', value: 123456789 }] });
    const res = await manager.post('/api/kpis/WEB_TRAFFIC/cascade', {
      period: '2027',
      from: { type: 'unit', id: unit.MKT },
      to: [{ scope: { type: 'unit', id: unit['KD-MB'] }, weight: 1 }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('123456789');
    expect((await admin.get(`/api/kpis/WEB_TRAFFIC/targets?period=2027`)).json().items).toHaveLength(1);
  });

  it('employees and viewers get the same answer whether or not the source target exists', async () => {
    const cascade = (client: ApiClient, period: string) =>
      client.post('/api/kpis/WEB_TRAFFIC/cascade', { period, from: { type: 'unit', id: unit.MKT }, to: [{ scope: { type: 'unit', id: unit.MKT }, weight: 1 }] });
    for (const client of [employee, viewer]) {
      const exists = await cascade(client, '2027');
      const missing = await cascade(client, '2031');
      expect([exists.statusCode, exists.json().error.code]).toEqual([403, 'FORBIDDEN']);
      expect([missing.statusCode, missing.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('a manager cannot make someone outside his units the manager of one of his people', async () => {
    const khoa = person['nhanvien@minhan.vn']!;
    const res = await manager.request({ method: 'PATCH', url: `/api/people/${khoa.id}`, payload: { managerId: person['truong.mkt@minhan.vn']!.id } });
    expect(res.statusCode).toBe(403);
    expect((await admin.get(`/api/people/${khoa.id}`)).json().managerId).toBe(person['lan.hoang@minhan.vn']!.id);
    const inside = await manager.request({ method: 'PATCH', url: `/api/people/${khoa.id}`, payload: { managerId: person['truong.kd@minhan.vn']!.id } });
    expect(inside.statusCode, inside.body).toBe(200);
  });

  it('the session tells the web app the user’s unit and subtree, so it can ask the same table', async () => {
    const me = (await manager.get('/api/auth/session')).json().user;
    expect(me.unitId).toBe(unit.KD);
    expect([...me.subtree].sort((a: number, b: number) => a - b)).toEqual([unit.KD, unit['KD-MB'], unit['KD-MN']].sort((a, b) => a! - b!));
    expect((await admin.get('/api/auth/session')).json().user.subtree).toBe('all');
  });
});
