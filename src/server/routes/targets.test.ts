import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';

describe.each(engines())('targets per scope, cascade and sum check on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  const unit = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    for (const u of (await admin.get('/api/org-units')).json().items as { id: number; code: string }[]) unit.set(u.code, u.id);
  });
  afterAll(() => t.close());

  const unitScope = (code: string) => ({ type: 'unit', id: unit.get(code)! });
  const valueOf = (items: { scope: { type: string; id: number | null }; value: number }[], code: string) =>
    items.find((i) => i.scope.type === 'unit' && i.scope.id === unit.get(code))?.value;

  it('cascades the company target of a month to two teams by weight, adding up exactly', async () => {
    // REVENUE 2026-01 = 20 tỷ; 55 % / 45 % → 11 tỷ and 9 tỷ.
    const res = await admin.post('/api/kpis/REVENUE/cascade', {
      period: '2026-01',
      to: [{ scope: unitScope('KD-MB'), weight: 55 }, { scope: unitScope('KD-MN'), weight: 45 }],
      step: 1_000_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().parent).toBe(20_000_000_000);
    expect(valueOf(res.json().parts, 'KD-MB')).toBe(11_000_000_000);
    expect(valueOf(res.json().parts, 'KD-MN')).toBe(9_000_000_000);
    expect((await admin.get('/api/kpis/REVENUE/target-check?period=2026-01')).json()).toEqual({ applicable: true, mismatches: [] });
  });

  it('flags a unit target that breaks the sum, with the difference', async () => {
    const put = await admin.put('/api/kpis/REVENUE/targets', { scope: unitScope('KD-MB'), targets: [{ period: '2026-01', value: 12e9 }] });
    expect(put.statusCode).toBe(200);
    const check = (await admin.get('/api/kpis/REVENUE/target-check?period=2026-01')).json();
    // 20 tỷ − (12 tỷ + 9 tỷ) = −1 tỷ: the teams are over-allocated by 1 tỷ.
    expect(check.mismatches).toHaveLength(1);
    expect(check.mismatches[0]).toMatchObject({ id: 'company', parent: 20e9, childrenSum: 21e9, difference: -1e9 });
    expect(check.mismatches[0].children.sort()).toEqual([`unit:${unit.get('KD-MB')}`, `unit:${unit.get('KD-MN')}`].sort());
  });

  it('shows a gap only to those who can see every part: the sales manager yes, an employee of one team no', async () => {
    const manager = await t.as('truong.kd@minhan.vn');
    const employee = await t.as('nhanvien@minhan.vn');
    const seen = (await manager.get('/api/kpis/REVENUE/target-check?period=2026-01')).json();
    expect(seen.mismatches.map((m: { id: string; difference: number }) => [m.id, m.difference])).toEqual([['company', -1e9]]);
    const hidden = (await employee.get('/api/kpis/REVENUE/target-check?period=2026-01')).json();
    expect(hidden).toEqual({ applicable: true, mismatches: [] });
  });

  it('splits with the largest remainder: 100 over three equal weights is 34, 33, 33', async () => {
    await admin.put('/api/kpis/ORDERS/targets', { scope: { type: 'company' }, targets: [{ period: '2026-02', value: 100 }] });
    const res = await admin.post('/api/kpis/ORDERS/cascade', {
      period: '2026-02',
      to: ['KD', 'MKT', 'NS'].map((c) => ({ scope: unitScope(c), weight: 1 })),
    });
    expect(['KD', 'MKT', 'NS'].map((c) => valueOf(res.json().parts, c))).toEqual([34, 33, 33]);
  });

  it('checks unit targets like company targets: bad and repeated periods, nothing written', async () => {
    const res = await admin.put('/api/kpis/REVENUE/targets', {
      scope: unitScope('KD'),
      targets: [{ period: '2026-13', value: 1 }, { period: '2026-03', value: 1 }, { period: '2026-03', value: 2 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual(['targets.0.period:invalid_period', 'targets.2.period:duplicate']);
    const kd = (await admin.get('/api/kpis/REVENUE/targets?period=2026-03')).json().items;
    expect(valueOf(kd, 'KD')).toBeUndefined();
  });

  it('refuses to cascade ratio KPIs and a period without a target', async () => {
    const ratio = await admin.post('/api/kpis/AOV/cascade', { period: '2026-01', to: [{ scope: unitScope('KD'), weight: 1 }] });
    expect(ratio.statusCode).toBe(422);
    expect(ratio.json().error.code).toBe('CASCADE_NOT_ADDITIVE');
    const none = await admin.post('/api/kpis/REVENUE/cascade', { period: '2031-01', to: [{ scope: unitScope('KD'), weight: 1 }] });
    expect(none.json().error.code).toBe('TARGET_MISSING');
  });

  it('lets a manager set targets inside their subtree only, and employees read their own unit', async () => {
    const sales = await t.as('truong.kd@minhan.vn');
    expect((await sales.put('/api/kpis/REVENUE/targets', { scope: unitScope('KD-MN'), targets: [{ period: '2026-02', value: 8e9 }] })).statusCode).toBe(200);
    const marketing = await t.as('truong.mkt@minhan.vn');
    expect((await marketing.put('/api/kpis/REVENUE/targets', { scope: unitScope('KD-MN'), targets: [{ period: '2026-02', value: 1 }] })).statusCode).toBe(403);

    const employee = await t.as('nhanvien@minhan.vn'); // a member of KD-MB
    const seen = (await employee.get('/api/kpis/REVENUE/targets?period=2026-01')).json().items;
    expect(valueOf(seen, 'KD-MB')).toBe(12e9);
    expect(valueOf(seen, 'KD-MN')).toBeUndefined();
    expect((await employee.put('/api/kpis/REVENUE/targets', { scope: unitScope('KD-MB'), targets: [{ period: '2026-01', value: 1 }] })).statusCode).toBe(403);
  });
});
