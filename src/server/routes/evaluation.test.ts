import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/helpers/api';
import { engines, freshDatabase } from '../../../test/helpers/db';
import type { KpiWrite, Store, TargetScope } from '../../app/ports';
import { DEMO_PASSWORD } from '../../app/demo/demo-data';
import { seedDemo } from '../../app/demo/seed-demo';
import { parsePeriod } from '../../core/period';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { buildApp } from '../app';

/*
 * Worked example (company scope unless said otherwise), "now" = 2026-04-10 10:00 in Hà Nội, so Q1 is over and
 * judged in full; the series and in-progress tests move "now" to 2026-03-10, when March is still running.
 *
 * REV  strategic, sum, increase   targets Jan 20 tỷ, Feb 15 tỷ, Mar 25 tỷ, year 240 tỷ; actuals 22, 12, 10 tỷ
 *   children: CONV (weight 0.6), CMP (0.4), NPS (0.2)
 * CONV tactical, ratio            target Mar 25 %, Q1 25 %; actuals 10/100, 90/300, 30/100
 * CMP  tactical, sum, decrease    targets 10 per month; actuals 8, 12, 9
 * NPS  tactical, avg              target Mar 50; no actual
 * Unit scope REV 2026-03: KD-MB target 10 tỷ, actual 6 tỷ; KD-MN target 15 tỷ, actual 18 tỷ.
 */
const B = 1e9;

describe.each(engines())('evaluation API on %s', (engine) => {
  let database: Database;
  let store: Store;
  let close: () => Promise<void>;
  let login: (email: string) => Promise<ApiClient>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const AFTER_Q1 = new Date('2026-04-10T03:00:00Z');
  const MID_MARCH = new Date('2026-03-10T03:00:00Z');
  let now = AFTER_Q1;
  const unitId = new Map<string, number>();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createStore(database.db);
    await seedDemo(store);
    // Whatever the demo seed brings, this example is about its own KPIs only.
    await sql`UPDATE kpis SET status = 'archived'`.execute(database.db);
    app = await buildApp({ store, engine, version: 'test', now: () => now, loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
    close = async () => {
      await app.close();
      await database.close();
    };
    login = async (email) => {
      const client = await ApiClient.create(app);
      const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(res.body);
      return client;
    };
    for (const u of await store.units.list()) unitId.set(u.code, u.id);
    await buildExample(store, unitId);
  });
  afterAll(() => close());

  it('scores a month: sum, ratio, decrease and a KPI without an actual; rolls up by weights', async () => {
    const admin = await login('admin@minhan.vn');
    const res = await admin.get('/api/scorecard?period=2026-03');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const item = (code: string) => body.items.find((i: { code: string }) => i.code === code);
    expect(body.items.map((i: { code: string }) => i.code).sort()).toEqual(['CMP', 'CONV', 'NPS', 'REV']);
    // REV 10 ÷ 25 = 40 % → red
    expect(item('REV')).toMatchObject({ target: 25 * B, actual: 10 * B, achievement: 0.4, score: 0.4, status: 'red' });
    // CONV 30 ÷ 100 = 30 % against 25 % → 120 %
    expect(item('CONV')).toMatchObject({ actual: 0.3, target: 0.25, status: 'green' });
    expect(item('CONV').achievement).toBeCloseTo(1.2, 12);
    // CMP decrease: 10 ÷ 9 = 111,1 %
    expect(item('CMP').achievement).toBeCloseTo(10 / 9, 12);
    expect(item('NPS')).toMatchObject({ target: 50, actual: null, achievement: null, score: null, status: 'none', reason: 'no-actual' });
    // REV rolled: (0.6 × 1.2 + 0.4 × 10/9) ÷ (0.6 + 0.4) = 0.72 + 0.4444… = 1.16444…; NPS (0.2) has no value → left out.
    expect(item('REV').rolledScore).toBeCloseTo(0.72 + 0.4 / 0.9, 12);
    expect(item('REV')).toMatchObject({ children: 3, missingChildren: 1, rolledStatus: 'green' });
    // The only top KPI is REV: company score = its own 40 %.
    expect(body).toMatchObject({ score: 0.4, status: 'red', scope: { type: 'company', id: null } });
  });

  it('scores a quarter: sum of monthly targets, ratio of sums', async () => {
    const admin = await login('admin@minhan.vn');
    const body = (await admin.get('/api/scorecard?period=2026-Q1')).json();
    const item = (code: string) => body.items.find((i: { code: string }) => i.code === code);
    // REV: (22 + 12 + 10) ÷ (20 + 15 + 25) = 44 ÷ 60
    expect(item('REV')).toMatchObject({ target: 60 * B, targetFrom: 'children', actual: 44 * B, actualFrom: 'month', actualPeriods: 3, status: 'red' });
    expect(item('REV').achievement).toBeCloseTo(44 / 60, 12);
    // CONV: (10 + 90 + 30) ÷ (100 + 300 + 100) = 130 ÷ 500 = 26 % (the average of the ratios would be 23,3 %)
    expect(item('CONV')).toMatchObject({ actual: 0.26, target: 0.25, targetFrom: 'exact' });
    expect(item('CONV').achievement).toBeCloseTo(1.04, 12);
    // CMP: 30 ÷ (8 + 12 + 9) = 30 ÷ 29
    expect(item('CMP')).toMatchObject({ target: 30, actual: 29 });
    expect(item('CMP').achievement).toBeCloseTo(30 / 29, 12);
    // NPS has only a March target and averages do not add up → no target for the quarter.
    expect(item('NPS')).toMatchObject({ target: null, status: 'none' });
    // REV rolled: 0.6 × 1.04 + 0.4 × 30/29 = 0.624 + 0.41379…
    expect(item('REV').rolledScore).toBeCloseTo(0.624 + 12 / 29, 12);
  });

  it('draws the strategy map as a tree with numbers on each node', async () => {
    const viewer = await login('an.nguyen@minhan.vn');
    const body = (await viewer.get('/api/strategy-map?period=2026-03')).json();
    expect(body.roots).toHaveLength(1);
    const rev = body.roots[0];
    expect(rev).toMatchObject({ code: 'REV', weight: null, actual: 10 * B, status: 'red', rolledStatus: 'green' });
    expect(rev.children.map((c: { code: string; weight: number }) => [c.code, c.weight])).toEqual([['CMP', 0.4], ['CONV', 0.6], ['NPS', 0.2]]);
    expect(rev.children[2]).toMatchObject({ status: 'none', children: [] });
  });

  it('gives a KPI series with year to date and pace for today in the company time zone', async () => {
    now = MID_MARCH;
    const admin = await login('admin@minhan.vn');
    const res = await admin.get('/api/kpis/REV/series?from=2026-01&to=2026-04');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'month', today: '2026-03-10' });
    expect(body.points.map((p: { period: { key: string }; achievement: number | null }) => [p.period.key, p.achievement])).toEqual([
      ['2026-01', 1.1],
      ['2026-02', 0.8],
      // March is in progress on 10 March: 10 tỷ against 25 × 10/31 = 8,0645 tỷ expected by today → 124 %.
      ['2026-03', 1.24],
      ['2026-04', null],
    ]);
    expect(body.points[2]).toMatchObject({ inProgress: true, target: 25 * B });
    expect(body.points[2].expected).toBeCloseTo((25 * B * 10) / 31, 3);
    // YTD: Jan 22/20; Feb (22+12)/(20+15) = 34/35; Mar 44/(20 + 15 + 8,0645); April starts after today.
    expect(body.points.map((p: { ytd: { actual: number; target: number } | null }) => p.ytd && [p.ytd.actual / B, Math.round((p.ytd.target / B) * 1e4) / 1e4])).toEqual([
      [22, 20],
      [34, 35],
      [44, 43.0645],
      null,
    ]);
    expect(body.ytd).toMatchObject({ through: '2026-03', actual: 44 * B });
    // March pace: 10 of 31 days → expected 25 × 10/31 = 8,06 tỷ; forecast 10 ÷ (10/31) = 31 tỷ; still needed 15 tỷ over 21 days.
    const month = body.pace.period;
    expect(month).toMatchObject({ elapsedDays: 10, remainingDays: 21, onTrack: true, expectedBy: 'days', hasActual: true });
    expect(month.expectedToDate).toBeCloseTo((25 * B * 10) / 31, 3);
    expect(month.forecast).toBeCloseTo(31 * B, 3);
    expect(month.stillNeeded.amount).toBe(15 * B);
    expect(month.stillNeeded.perDay).toBeCloseTo((15 * B) / 21, 3);
    expect(month.stillNeeded.perWeek).toBeCloseTo(5 * B, 3);
    // Year pace against the year target 240 tỷ (April–December have no monthly targets → by days):
    // 31 + 28 + 10 = 69 of 365 days → expected 240 × 69/365 = 45,37 tỷ > 44 tỷ → behind.
    const year = body.pace.year;
    expect(year).toMatchObject({ target: 240 * B, actualToDate: 44 * B, elapsedDays: 69, expectedBy: 'days', onTrack: false });
    expect(year.expectedToDate).toBeCloseTo((240 * B * 69) / 365, 3);
    expect(year.stillNeeded.amount).toBe(196 * B);
    now = AFTER_Q1;
  });

  it('judges a month still running against its expected-to-date target and opens pages on the latest month with data', async () => {
    const admin = await login('admin@minhan.vn');
    now = MID_MARCH;
    try {
      const body = (await admin.get('/api/scorecard?period=2026-03')).json();
      const rev = body.items.find((i: { code: string }) => i.code === 'REV');
      // 10 ÷ (25 × 10/31) = 1,24 → green, score capped at 1,2; judged over (10 ÷ 25 = 40 %) it was red.
      expect(rev).toMatchObject({ inProgress: true, target: 25 * B, actual: 10 * B, status: 'green', score: 1.2 });
      expect(rev.achievement).toBeCloseTo(1.24, 12);
      expect(body).toMatchObject({ period: { key: '2026-03', inProgress: true }, score: 1.2, status: 'green' });
    } finally {
      now = AFTER_Q1;
    }
    // On 10 April nothing was reported for April yet: without a period the map opens on March, which is over.
    const map = (await admin.get('/api/strategy-map')).json();
    expect(map.period).toMatchObject({ key: '2026-03', inProgress: false });
    expect(map.roots[0]).toMatchObject({ code: 'REV', inProgress: false, expected: null, achievement: 0.4 });
    expect((await admin.get('/api/dashboard/units')).json().period.key).toBe('2026-03');
  });

  it('takes "today" in the company time zone, not UTC', async () => {
    now = new Date('2026-03-31T18:00:00Z'); // 01:00 on 1 April in Hà Nội
    try {
      const admin = await login('admin@minhan.vn');
      const body = (await admin.get('/api/kpis/REV/series?from=2026-01&to=2026-04')).json();
      expect(body.today).toBe('2026-04-01');
      expect(body.pace.period).toBeNull(); // April has no target
      expect(body.points[3].ytd).toMatchObject({ through: '2026-04', actual: 44 * B, target: null });
    } finally {
      now = AFTER_Q1;
    }
  });

  it('shows each readable unit with its KPIs: managers their subtree, employees their own unit', async () => {
    const admin = await login('admin@minhan.vn');
    const all = (await admin.get('/api/dashboard/units?period=2026-03')).json();
    expect(all.units.map((u: { code: string; depth: number }) => `${u.depth}:${u.code}`)).toEqual([
      '0:MA', '1:BGD', '1:KD', '2:KD-MB', '2:KD-MN', '1:KT', '1:MKT', '1:NS',
    ]);
    const unit = (body: { units: { code: string }[] }, code: string) => body.units.find((u) => u.code === code) as Record<string, unknown>;
    // KD-MB 6 ÷ 10 = 60 % (red); KD-MN 18 ÷ 15 = 120 %; KD pools its subtree: (0.6 + 1.2) ÷ 2 = 0.9.
    expect(unit(all, 'KD-MB')).toMatchObject({ score: 0.6, status: 'red', kpiCount: 1, red: 1, parentId: unitId.get('KD') });
    expect(unit(all, 'KD-MN')).toMatchObject({ kpiCount: 1, green: 1 });
    expect(unit(all, 'KD-MN').score).toBeCloseTo(1.2, 12);
    expect(unit(all, 'KD')).toMatchObject({ score: null, kpiCount: 0 });
    expect(unit(all, 'KD').rolledScore).toBeCloseTo(0.9, 12);
    expect((unit(all, 'KD-MB').kpis as { code: string; target: number; actual: number }[])[0]).toMatchObject({ code: 'REV', target: 10 * B, actual: 6 * B });

    const manager = await login('truong.kd@minhan.vn');
    const mine = (await manager.get('/api/dashboard/units?period=2026-03')).json();
    expect(mine.units.map((u: { code: string }) => u.code)).toEqual(['KD', 'KD-MB', 'KD-MN']);
    expect((await manager.get(`/api/dashboard/units?period=2026-03&unit=${unitId.get('MKT')}`)).statusCode).toBe(403);

    const employee = await login('nhanvien@minhan.vn');
    const own = (await employee.get('/api/dashboard/units?period=2026-03')).json();
    expect(own.units.map((u: { code: string }) => u.code)).toEqual(['KD-MB']);
    expect((await employee.get(`/api/dashboard/units?period=2026-03&unit=${unitId.get('KD-MN')}`)).statusCode).toBe(403);
    expect((await employee.get(`/api/scorecard?period=2026-03&scope=unit:${unitId.get('KD-MN')}`)).statusCode).toBe(403);
    const ownCard = (await employee.get(`/api/scorecard?period=2026-03&scope=unit:${unitId.get('KD-MB')}`)).json();
    expect(ownCard.items.find((i: { code: string }) => i.code === 'REV')).toMatchObject({ target: 10 * B, actual: 6 * B, achievement: 0.6 });
  });

  it('sends the tree without KPI rows (kpis=none) and one unit\'s rows on their own, with the same access', async () => {
    const admin = await login('admin@minhan.vn');
    const full = (await admin.get('/api/dashboard/units?period=2026-03')).json();
    const tree = (await admin.get('/api/dashboard/units?period=2026-03&kpis=none')).json();
    // Same units, scores and counts; no rows.
    const withoutRows = (u: Record<string, unknown>) => ({ ...u, kpis: [] });
    expect(tree).toEqual({ ...full, units: full.units.map(withoutRows) });
    expect(tree.units.find((u: { code: string }) => u.code === 'KD-MB')).toMatchObject({ kpiCount: 1, red: 1, kpis: [] });

    const mb = (await admin.get(`/api/dashboard/units/${unitId.get('KD-MB')}/kpis?period=2026-03`)).json();
    expect(mb.unit).toEqual({ id: unitId.get('KD-MB'), code: 'KD-MB', name: expect.any(String) });
    expect(mb.period).toEqual(full.period);
    expect(mb.kpis).toEqual(full.units.find((u: { code: string }) => u.code === 'KD-MB').kpis);
    expect(mb.kpis).toEqual([expect.objectContaining({ code: 'REV', target: 10 * B, actual: 6 * B, scopeLevel: 'unit' })]);
    expect((await admin.get(`/api/dashboard/units/${unitId.get('KD')}/kpis?period=2026-03`)).json().kpis).toEqual([]);

    const employee = await login('nhanvien@minhan.vn');
    expect((await employee.get(`/api/dashboard/units/${unitId.get('KD-MB')}/kpis?period=2026-03`)).statusCode).toBe(200);
    const other = await employee.get(`/api/dashboard/units/${unitId.get('KD-MN')}/kpis?period=2026-03`);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await admin.get('/api/dashboard/units/999999/kpis?period=2026-03');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await admin.get('/api/dashboard/units?kpis=some')).statusCode).toBe(400);
  });

  it('lists the KPIs a unit owns with their company numbers, labelled company level', async () => {
    // NPS gets an owner in Marketing; Marketing has no unit target or actual of it.
    const [head] = await store.people.findByEmails(['truong.mkt@minhan.vn']);
    await sql`UPDATE kpis SET owner_id = ${head!.id} WHERE code = 'NPS'`.execute(database.db);
    try {
      const admin = await login('admin@minhan.vn');
      const body = (await admin.get('/api/dashboard/units?period=2026-03')).json();
      const mkt = body.units.find((u: { code: string }) => u.code === 'MKT');
      // NPS company scope in March: target 50, no actual → counted, status none, no score.
      expect(mkt).toMatchObject({ kpiCount: 1, none: 1, score: null });
      expect(mkt.kpis).toEqual([expect.objectContaining({ code: 'NPS', scopeLevel: 'company', target: 50, actual: null, status: 'none' })]);
      // KD-MB keeps its own unit numbers of REV.
      expect(body.units.find((u: { code: string }) => u.code === 'KD-MB').kpis[0]).toMatchObject({ code: 'REV', scopeLevel: 'unit' });
    } finally {
      await sql`UPDATE kpis SET owner_id = NULL WHERE code = 'NPS'`.execute(database.db);
    }
  });

  it('answers bad input with clear errors', async () => {
    const admin = await login('admin@minhan.vn');
    expect((await admin.get('/api/scorecard?period=2026-13')).json().error.code).toBe('PERIOD_INVALID');
    expect((await admin.get('/api/scorecard?period=2026-03&scope=team:1')).statusCode).toBe(400);
    expect((await admin.get('/api/kpis/NOPE/series')).statusCode).toBe(404);
    expect((await (await ApiClient.create(app)).get('/api/scorecard?period=2026-03')).statusCode).toBe(401);
  });

  it('documents the endpoints in OpenAPI (the strategy map is a recursive tree)', async () => {
    const admin = await login('admin@minhan.vn');
    const res = await admin.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/scorecard', '/api/strategy-map', '/api/kpis/{code}/series', '/api/dashboard/units']));
  });
});

async function buildExample(store: Store, unitId: Map<string, number>): Promise<void> {
  const base: Omit<KpiWrite, 'code' | 'name' | 'level' | 'direction' | 'aggregation' | 'unit'> = {
    perspective: 'financial',
    frequency: 'monthly',
    source: 'manual',
    ownerId: null,
    measurerId: null,
    reportWithinDays: 5,
    baseline: null,
    tags: [],
    status: 'active',
  };
  const rev = await store.kpis.create({ ...base, code: 'REV', name: 'Doanh thu', level: 'strategic', direction: 'increase', aggregation: 'sum', unit: 'VND' });
  const conv = await store.kpis.create({ ...base, code: 'CONV', name: 'Tỷ lệ chuyển đổi', level: 'tactical', direction: 'increase', aggregation: 'ratio', unit: '%' });
  const cmp = await store.kpis.create({ ...base, code: 'CMP', name: 'Khiếu nại', level: 'tactical', direction: 'decrease', aggregation: 'sum', unit: 'count' });
  const nps = await store.kpis.create({ ...base, code: 'NPS', name: 'NPS', level: 'tactical', direction: 'increase', aggregation: 'avg', unit: 'score' });
  await store.kpis.setParents(conv, [{ parentId: rev, weight: 0.6 }]);
  await store.kpis.setParents(cmp, [{ parentId: rev, weight: 0.4 }]);
  await store.kpis.setParents(nps, [{ parentId: rev, weight: 0.2 }]);

  const company: TargetScope = { type: 'company', id: null };
  const at = (key: string) => {
    const p = parsePeriod(key);
    return { period: p.key, kind: p.kind, start: p.start, end: p.end };
  };
  const target = (kpiId: number, key: string, value: number, scope: TargetScope = company) => ({ kpiId, ...at(key), scope, value });
  await store.targets.upsert([
    target(rev, '2026-01', 20 * B),
    target(rev, '2026-02', 15 * B),
    target(rev, '2026-03', 25 * B),
    target(rev, '2026', 240 * B),
    target(conv, '2026-03', 0.25),
    target(conv, '2026-Q1', 0.25),
    target(cmp, '2026-01', 10),
    target(cmp, '2026-02', 10),
    target(cmp, '2026-03', 10),
    target(nps, '2026-03', 50),
    target(rev, '2026-03', 10 * B, { type: 'unit', id: unitId.get('KD-MB')! }),
    target(rev, '2026-03', 15 * B, { type: 'unit', id: unitId.get('KD-MN')! }),
  ]);
  const actual = (kpiId: number, key: string, value: number, parts?: [number, number], scope: TargetScope = company) => ({
    kpiId,
    ...at(key),
    scope,
    value,
    ...(parts && { numerator: parts[0], denominator: parts[1] }),
    source: 'checkin' as const,
    late: false,
  });
  await store.actuals.upsert(
    [
      actual(rev, '2026-01', 22 * B),
      actual(rev, '2026-02', 12 * B),
      actual(rev, '2026-03', 10 * B),
      actual(conv, '2026-01', 0.1, [10, 100]),
      actual(conv, '2026-02', 0.3, [90, 300]),
      actual(conv, '2026-03', 0.3, [30, 100]),
      actual(cmp, '2026-01', 8),
      actual(cmp, '2026-02', 12),
      actual(cmp, '2026-03', 9),
      actual(rev, '2026-03', 6 * B, undefined, { type: 'unit', id: unitId.get('KD-MB')! }),
      actual(rev, '2026-03', 18 * B, undefined, { type: 'unit', id: unitId.get('KD-MN')! }),
    ],
    { userId: null, name: 'test' },
  );
}
