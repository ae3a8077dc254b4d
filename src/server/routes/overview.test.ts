import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../app/demo/demo-data';
import { seedDemo } from '../../app/demo/seed-demo';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { ApiClient } from '../../../test/helpers/api';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { buildApp } from '../app';

interface Late {
  kpiCode: string;
  scope: { type: string; id: number | null };
  scopeLabel: string;
  period: string;
  deadline: string;
  status: string;
}
interface Gap {
  kpiCode: string;
  scope: { type: string; id: number | null };
  scopeLabel: string;
  period: string;
  parent: number;
  childrenSum: number;
  difference: number;
  children: number;
}

const OURS = ['LATE_TEST', 'ALLOC_TEST'];
const ours = <T extends { kpiCode: string }>(items: T[]) => items.filter((i) => OURS.includes(i.kpiCode));

/**
 * The demo company plus two KPIs of our own, owned in Marketing (outside the sales manager's subtree), on a
 * clock we move: LATE_TEST (monthly, report within 5 days) and ALLOC_TEST (a sum KPI with cascaded targets).
 */
describe.each(engines())('home overview: late reports and unallocated targets on %s', (engine) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let clock = new Date('2026-10-20T03:00:00Z');
  const unit = new Map<string, number>();

  async function as(email: string): Promise<ApiClient> {
    const client = await ApiClient.create(app);
    const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    if (res.statusCode !== 200) throw new Error(res.body);
    return client;
  }

  const kpi = (code: string, aggregation: string, targets: { period: string; value: number }[], ownerId: number) => ({
    code,
    name: `Chỉ số kiểm thử ${code}`,
    nameEn: `Test KPI ${code}`,
    description: 'Số lượt khách hàng tiềm năng đủ điều kiện, đếm theo phiếu trong hệ thống CRM mỗi tháng.',
    level: 'operational',
    perspective: 'customer',
    unit: 'count',
    direction: 'increase',
    aggregation,
    frequency: 'monthly',
    source: 'manual',
    ownerId,
    measurerId: ownerId,
    reportWithinDays: 5,
    baseline: { period: '2025', value: 10 },
    parents: [],
    tags: [],
    status: 'active',
    targets,
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const store = createStore(database.db);
    await seedDemo(store);
    app = await buildApp({ store, engine, version: 'test', now: () => clock, loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
    let admin = await as('admin@minhan.vn');
    for (const u of (await admin.get('/api/org-units')).json().items as { id: number; code: string }[]) unit.set(u.code, u.id);
    const people = (await admin.get('/api/people?limit=200')).json().items as { id: number; email: string }[];
    const owner = people.find((p) => p.email === 'truong.mkt@minhan.vn')!.id;
    const unitScope = (code: string) => ({ type: 'unit', id: unit.get(code)! });

    // LATE_TEST: company targets Aug–Nov 2026 (avg: no sum check), KD-MB's for Nov.
    const months = ['2026-08', '2026-09', '2026-10', '2026-11'].map((period) => ({ period, value: 10 }));
    expect((await admin.post('/api/kpis', kpi('LATE_TEST', 'avg', months, owner))).statusCode).toBe(201);
    expect((await admin.put('/api/kpis/LATE_TEST/targets', { scope: unitScope('KD-MB'), targets: [{ period: '2026-11', value: 5 }] })).statusCode).toBe(200);
    // 20 Oct: September is reported after its deadline (30 Sep + 5 = 5 Oct) → stored late.
    expect((await admin.post('/api/kpis/LATE_TEST/checkins', { period: '2026-09', scope: { type: 'company' }, value: 9 })).json().late).toBe(true);
    // 3 Nov: October on time (deadline 5 Nov).
    clock = new Date('2026-11-03T03:00:00Z');
    admin = await as('admin@minhan.vn');
    expect((await admin.post('/api/kpis/LATE_TEST/checkins', { period: '2026-10', scope: { type: 'company' }, value: 11 })).json().late).toBe(false);

    // ALLOC_TEST: 2026 company 100 → MKT 40 + NS 50 (10 left); 2026-03 KD 30 → KD-MB 10 + KD-MN 15 (5 left);
    // 2026-04 company 20 → MKT 12 + NS 8 (adds up).
    expect((await admin.post('/api/kpis', kpi('ALLOC_TEST', 'sum', [{ period: '2026', value: 100 }, { period: '2026-04', value: 20 }], owner))).statusCode).toBe(201);
    const put = (code: string, targets: { period: string; value: number }[]) => admin.put('/api/kpis/ALLOC_TEST/targets', { scope: unitScope(code), targets });
    expect((await put('MKT', [{ period: '2026', value: 40 }, { period: '2026-04', value: 12 }])).statusCode).toBe(200);
    expect((await put('NS', [{ period: '2026', value: 50 }, { period: '2026-04', value: 8 }])).statusCode).toBe(200);
    expect((await put('KD', [{ period: '2026-03', value: 30 }])).statusCode).toBe(200);
    expect((await put('KD-MB', [{ period: '2026-03', value: 10 }])).statusCode).toBe(200);
    expect((await put('KD-MN', [{ period: '2026-03', value: 15 }])).statusCode).toBe(200);

    clock = new Date('2026-12-10T03:00:00Z'); // 10 Dec 2026 in Hồ Chí Minh City
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('gives the admin every late report of the last 3 closed months and every gap of the fiscal year', async () => {
    const admin = await as('admin@minhan.vn');
    const res = await admin.get('/api/overview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.today).toBe('2026-12-10');
    expect(body.lateReports.periods.month).toEqual(['2026-09', '2026-10', '2026-11']);
    // Aug is outside the window; Sep came in late; Oct on time; Nov missing at company and KD-MB (30 Nov + 5 = Saturday
    // 5 Dec → the next working day, Monday 7 Dec).
    expect(ours<Late>(body.lateReports.items).map((i) => [i.period, i.scope.type, i.scopeLabel, i.deadline, i.status])).toEqual([
      ['2026-09', 'company', 'Công ty TNHH Thương mại Minh An', '2026-10-05', 'late'],
      ['2026-11', 'company', 'Công ty TNHH Thương mại Minh An', '2026-12-07', 'missing'],
      ['2026-11', 'unit', 'Nhóm Kinh doanh Miền Bắc', '2026-12-07', 'missing'],
    ]);
    expect(body.lateReports.count).toBeGreaterThanOrEqual(body.lateReports.items.length);
    expect(body.unallocatedTargets.fiscalYear).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(ours<Gap>(body.unallocatedTargets.items).map((g) => [g.period, g.scopeLabel, g.parent, g.childrenSum, g.difference, g.children])).toEqual([
      ['2026', 'Công ty TNHH Thương mại Minh An', 100, 90, 10, 2],
      ['2026-03', 'Phòng Kinh doanh', 30, 25, 5, 2],
    ]);
  });

  it('gives the sales manager only his subtree: KD-MB’s missing report and KD’s gap, nothing of the Marketing-owned company scope', async () => {
    const manager = await as('truong.kd@minhan.vn');
    const body = (await manager.get('/api/overview')).json();
    expect(ours<Late>(body.lateReports.items).map((i) => [i.kpiCode, i.period, i.scope.id, i.status])).toEqual([['LATE_TEST', '2026-11', unit.get('KD-MB'), 'missing']]);
    expect(ours<Gap>(body.unallocatedTargets.items).map((g) => [g.kpiCode, g.period, g.scope.id, g.difference])).toEqual([['ALLOC_TEST', '2026-03', unit.get('KD'), 5]]);
    // Nothing outside KD: every listed scope is KD's or below, or a company scope of a KPI owned there.
    const kdUnits = new Set(['KD', 'KD-MB', 'KD-MN'].map((c) => unit.get(c)));
    for (const i of [...body.lateReports.items, ...body.unallocatedTargets.items] as Late[]) {
      if (i.scope.type === 'unit') expect(kdUnits.has(i.scope.id!)).toBe(true);
    }
  });

  it('shows a viewer of the board and an employee none of it', async () => {
    for (const email of ['an.nguyen@minhan.vn', 'nhanvien@minhan.vn']) {
      const body = (await (await as(email)).get('/api/overview')).json();
      expect(ours(body.lateReports.items)).toEqual([]);
      expect(ours(body.unallocatedTargets.items)).toEqual([]);
    }
  });

  it('checks another fiscal year with ?period, and refuses a bad period or unknown parameter with 400', async () => {
    const admin = await as('admin@minhan.vn');
    const other = (await admin.get('/api/overview?period=2025-06')).json();
    expect(other.unallocatedTargets.fiscalYear).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(ours(other.unallocatedTargets.items)).toEqual([]);
    const bad = await admin.get('/api/overview?period=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PERIOD_INVALID');
    expect((await admin.get('/api/overview?scope=company')).statusCode).toBe(400);
  });
});
