import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { manualKpiBody } from '../../../test/helpers/kpi-body';
import { LOGINS } from '../../../test/security/matrix-world';

const kpi = (code: string, ownerId: number, extra: Record<string, unknown> = {}) =>
  manualKpiBody(code, `Chỉ số chẩn đoán ${code}`, ownerId, { targets: [{ period: '2026', value: 1000 }], ...extra });

interface Bar {
  reason: string;
  count: number;
  cumulative: number;
  vital: boolean;
  kpis: { code: string; scope: { type: string; id: number | null }; count: number }[];
}

/**
 * Miss diagnostics over HTTP on a small fixture whose counts are worked out by hand:
 *   April 2026, unit KD-MB: DX_ORDERS 500 of 1.000 (red) → no_agreement + external; DX_REV 250 of 500 triệu (red) → no_agreement + unrealistic_target
 *   April 2026, person nhanvien (KD-MB): DX_ORDERS 10 of 100 (red) → no_agreement (recorded by nhanvien)
 *   May 2026, unit MKT: DX_MKT 20 of 100 (red) → external;  May 2026, unit KD-MB: DX_REV 100 of 100 triệu (green)
 *   March 2026, unit KD-MB: 900 orders of 1.000 and 468 of 500 triệu → drivers −50.000.000 / +18.000.000.
 */
describe.each(engines())('miss diagnostics API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let employee: ApiClient;
  let viewer: ApiClient;
  const unit: Record<string, number> = {};
  const person: Record<string, number> = {};
  const reasonIds: Record<string, number> = {};

  const unitScope = (code: string) => ({ type: 'unit', id: unit[code]! });
  const putReasons = (c: ApiClient, code: string, scope: unknown, period: string, reasons: unknown[]) => c.put('/api/diagnostics/reasons', { kpi: code, scope, period, reasons });

  beforeAll(async () => {
    t = await startTestApp(engine);
    [admin, manager, employee, viewer] = await Promise.all([t.as(LOGINS.admin), t.as(LOGINS.manager), t.as(LOGINS.employee), t.as(LOGINS.viewer)]);
    for (const u of (await admin.get('/api/org-units')).json().items as { id: number; code: string }[]) unit[u.code] = u.id;
    for (const p of (await admin.get('/api/people?limit=500')).json().items as { id: number; email: string | null }[]) if (p.email) person[p.email] = p.id;
    const lan = person['lan.hoang@minhan.vn']!;
    for (const body of [
      kpi('DX_REV', lan),
      kpi('DX_ORDERS', lan, { unit: 'count' }),
      kpi('DX_AOV', lan, { aggregation: 'ratio', source: 'formula', formula: '[DX_REV] / [DX_ORDERS]' }),
      kpi('DX_MKT', person['truong.mkt@minhan.vn']!, { unit: 'count' }),
    ]) {
      const res = await admin.post('/api/kpis', body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const slots: [string, unknown, [string, number, number][]][] = [
      ['DX_ORDERS', unitScope('KD-MB'), [['2026-03', 1000, 900], ['2026-04', 1000, 500]]],
      ['DX_REV', unitScope('KD-MB'), [['2026-03', 500_000_000, 468_000_000], ['2026-04', 500_000_000, 250_000_000], ['2026-05', 100_000_000, 100_000_000]]],
      ['DX_ORDERS', { type: 'person', id: person['nhanvien@minhan.vn']! }, [['2026-04', 100, 10]]],
      ['DX_MKT', unitScope('MKT'), [['2026-05', 100, 20]]],
    ];
    for (const [code, scope, rows] of slots) {
      const tg = await admin.put(`/api/kpis/${code}/targets`, { scope, targets: rows.map(([period, value]) => ({ period, value })) });
      expect(tg.statusCode, tg.body).toBe(200);
      for (const [period, , value] of rows) {
        const ci = await admin.post(`/api/kpis/${code}/checkins`, { period, scope, value });
        expect(ci.statusCode, ci.body).toBe(200);
      }
    }
  });
  afterAll(() => t.close());

  it('lists the red KPIs of an ended period with suggestions (reported late → not measured on time)', async () => {
    const res = await manager.get(`/api/diagnostics/misses?period=2026-04&scope=unit:${unit['KD-MB']}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; target: number; actual: number; suggestions: { reason: string; why: { en: string } }[]; canExplain: boolean; hasDrivers: boolean }[];
    const mine = items.filter((i) => i.code.startsWith('DX_')).sort((a, b) => a.code.localeCompare(b.code));
    expect(mine.map((i) => [i.code, i.target, i.actual, i.canExplain, i.hasDrivers])).toEqual([
      ['DX_ORDERS', 1000, 500, true, false],
      ['DX_REV', 500_000_000, 250_000_000, true, true],
    ]);
    // Checked in on today's date, months after the deadline: late.
    expect(mine[0]!.suggestions).toContainEqual({ reason: 'not_measured_on_time', why: { vi: 'Số liệu được báo cáo sau hạn báo cáo.', en: 'The actual was reported after the reporting deadline.' } });
    expect(res.json().period).toEqual({ key: '2026-04', start: '2026-04-01', end: '2026-04-30', ended: true });
  });

  it('records reasons only for a red KPI of an ended period, with the right to explain the scope', async () => {
    const ok = await putReasons(manager, 'DX_ORDERS', unitScope('KD-MB'), '2026-04', [
      { reason: 'no_agreement', comment: 'Chưa thống nhất chỉ tiêu với nhóm', controllable: true, fromSuggestion: false },
      { reason: 'external', comment: null, controllable: false },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const item = ok.json().item as { reasons: { id: number; reason: string; controllable: boolean; comment: string | null }[] };
    expect(item.reasons.map((r) => [r.reason, r.controllable, r.comment])).toEqual([
      ['no_agreement', true, 'Chưa thống nhất chỉ tiêu với nhóm'],
      ['external', false, null],
    ]);
    reasonIds.ordersNoAgreement = item.reasons[0]!.id;
    expect((await putReasons(admin, 'DX_REV', unitScope('KD-MB'), '2026-04', [{ reason: 'no_agreement' }, { reason: 'unrealistic_target' }])).statusCode).toBe(200);
    const self = await putReasons(employee, 'DX_ORDERS', { type: 'person', id: person['nhanvien@minhan.vn']! }, '2026-04', [{ reason: 'no_agreement', fromSuggestion: true }]);
    expect(self.statusCode, self.body).toBe(200);
    expect((await putReasons(admin, 'DX_MKT', unitScope('MKT'), '2026-05', [{ reason: 'external' }])).statusCode).toBe(200);

    // Green KPI: 422 MISS_NOT_RED; a period not over: 422 PERIOD_NOT_ENDED; nothing written either time.
    const green = await putReasons(admin, 'DX_REV', unitScope('KD-MB'), '2026-05', [{ reason: 'other' }]);
    expect(green.statusCode).toBe(422);
    expect(green.json().error.code).toBe('MISS_NOT_RED');
    const future = await putReasons(admin, 'DX_REV', unitScope('KD-MB'), '2099-01', [{ reason: 'other' }]);
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('PERIOD_NOT_ENDED');
    // Outside the manager's subtree, or an employee on the unit: 403.
    expect((await putReasons(manager, 'DX_MKT', unitScope('MKT'), '2026-05', [{ reason: 'other' }])).statusCode).toBe(403);
    expect((await putReasons(employee, 'DX_ORDERS', unitScope('KD-MB'), '2026-04', [])).statusCode).toBe(403);
    // Twice the same reason: a field error.
    const dup = await putReasons(admin, 'DX_MKT', unitScope('MKT'), '2026-05', [{ reason: 'external' }, { reason: 'external' }]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.issues[0].path).toBe('reasons.1.reason');
    const audit = (await admin.get('/api/audit?entity=miss-reasons')).json();
    expect(JSON.stringify(audit)).toContain('DX_ORDERS');
  });

  it('keeps action plans through a re-save, lists open plans only, and validates owner and due date', async () => {
    const base = { fact: 'Đạt 500/1.000 đơn', cause: 'Thiếu nhân sự bán hàng', ownerPersonId: person['lan.hoang@minhan.vn']!, dueOn: '2026-06-15' };
    const open = await manager.post('/api/diagnostics/action-plans', { ...base, reasonId: reasonIds.ordersNoAgreement, action: '=HYPERLINK("http://x")', status: 'open' });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().plan).toMatchObject({ ownerName: 'Hoàng Thị Lan', dueOn: '2026-06-15', status: 'open' });
    const done = await manager.post('/api/diagnostics/action-plans', { ...base, reasonId: reasonIds.ordersNoAgreement, action: 'Họp thống nhất chỉ tiêu', status: 'done' });
    expect(done.statusCode).toBe(201);
    const temp = await manager.post('/api/diagnostics/action-plans', { reasonId: reasonIds.ordersNoAgreement, action: 'Tạm' });
    expect(temp.json().plan.status).toBe('open');
    expect((await manager.request({ method: 'DELETE', url: `/api/diagnostics/action-plans/${temp.json().plan.id}` })).statusCode).toBe(200);

    const badOwner = await manager.post('/api/diagnostics/action-plans', { reasonId: reasonIds.ordersNoAgreement, action: 'X', ownerPersonId: 999_999 });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error.issues[0].path).toBe('ownerPersonId');
    const badDate = await manager.post('/api/diagnostics/action-plans', { reasonId: reasonIds.ordersNoAgreement, action: 'X', dueOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect((await employee.post('/api/diagnostics/action-plans', { reasonId: reasonIds.ordersNoAgreement, action: 'X' })).statusCode).toBe(403);

    const moved = await manager.put(`/api/diagnostics/action-plans/${open.json().plan.id}`, { ...base, action: '=HYPERLINK("http://x")', status: 'in_progress' });
    expect(moved.statusCode, moved.body).toBe(200);
    // Saving the same reasons again (a comment changed) keeps the reason and its plans.
    await putReasons(manager, 'DX_ORDERS', unitScope('KD-MB'), '2026-04', [{ reason: 'no_agreement', comment: 'Sửa' }, { reason: 'external', controllable: false }]);
    const misses = (await manager.get(`/api/diagnostics/misses?period=2026-04&scope=unit:${unit['KD-MB']}`)).json().items as { code: string; reasons: { reason: string; plans: unknown[] }[] }[];
    expect(misses.find((i) => i.code === 'DX_ORDERS')!.reasons.map((r) => [r.reason, r.plans.length])).toEqual([
      ['no_agreement', 2],
      ['external', 0],
    ]);
  });

  it('counts the Pareto per unit subtree and period by hand, with the vital few and only readable scopes', async () => {
    const kd = (await manager.get(`/api/diagnostics/pareto?period=2026&unit=${unit.KD}`)).json();
    // KD subtree: no_agreement 3 (60 %), unrealistic_target 1 (80 %, ties in list order), external 1 (100 %)
    expect(kd.total).toBe(5);
    expect((kd.bars as Bar[]).map((b) => [b.reason, b.count, Math.round(b.cumulative * 100), b.vital])).toEqual([
      ['no_agreement', 3, 60, true],
      ['unrealistic_target', 1, 80, true],
      ['external', 1, 100, false],
    ]);
    expect((kd.bars as Bar[])[0]!.kpis.map((k) => [k.code, k.scope.type, k.count])).toEqual([
      ['DX_ORDERS', 'person', 1],
      ['DX_ORDERS', 'unit', 1],
      ['DX_REV', 'unit', 1],
    ]);
    expect((kd.plans as { status: string; kpi: string }[]).map((p) => [p.kpi, p.status])).toEqual([['DX_ORDERS', 'in_progress']]);

    // The whole company (admin): external 2 → no_agreement 50 %, external 83,3 % (vital), unrealistic 100 %.
    const all = (await admin.get('/api/diagnostics/pareto?period=2026-Q2')).json();
    expect((all.bars as Bar[]).map((b) => [b.reason, b.count, b.vital])).toEqual([
      ['no_agreement', 3, true],
      ['external', 2, true],
      ['unrealistic_target', 1, false],
    ]);
    expect(all.periodKeys).toEqual(['2026-Q2', '2026-04', '2026-05', '2026-06']);
    expect((await admin.get('/api/diagnostics/pareto?period=2026-Q1')).json().bars).toEqual([]);
    expect((await admin.get(`/api/diagnostics/pareto?period=2026-04&unit=${unit.MKT}`)).json().total).toBe(0);
    // The employee reads KD-MB and themself, not MKT; the viewer reads no unit or person scope here.
    const emp = (await employee.get('/api/diagnostics/pareto?period=2026')).json();
    expect((emp.bars as Bar[]).map((b) => [b.reason, b.count])).toEqual([['no_agreement', 3], ['unrealistic_target', 1], ['external', 1]]);
    expect((await viewer.get('/api/diagnostics/pareto?period=2026')).json().total).toBe(0);
    expect((await admin.get('/api/diagnostics/pareto?period=2026&unit=999999')).statusCode).toBe(404);
    expect((await admin.get('/api/diagnostics/pareto?period=abc')).statusCode).toBe(400);
  });

  it('exports the Pareto as XLSX: numbers, % cells, dd/mm/yyyy, frozen headers, filters, neutralized text', async () => {
    const res = await manager.get(`/api/diagnostics/pareto.xlsx?period=2026&unit=${unit.KD}&lang=vi`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Nguyên nhân', 'KPI', 'Kế hoạch hành động']);
    const bars = wb.getWorksheet('Nguyên nhân')!;
    expect(bars.getRow(2).values).toEqual([undefined, 'Chưa thống nhất chỉ tiêu với người thực hiện', 3, 0.6, 0.6, 'Có']);
    expect(bars.getCell('D3').value).toBe(0.8);
    expect(bars.getCell('D3').numFmt).toBe('0.0%');
    expect(bars.getCell('E4').value).toBe('');
    expect(bars.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(bars.autoFilter).toBeTruthy();
    expect(wb.getWorksheet('KPI')!.rowCount).toBe(1 + 5);
    const plans = wb.getWorksheet('Kế hoạch hành động')!;
    expect(plans.rowCount).toBe(2);
    expect(plans.getCell('A2').value).toBe('DX_ORDERS');
    expect(plans.getCell('G2').value).toBe(`'=HYPERLINK("http://x")`);
    expect(plans.getCell('I2').value).toEqual(new Date('2026-06-15T00:00:00Z'));
    expect(plans.getCell('I2').numFmt).toBe('dd/mm/yyyy');
    expect(plans.getCell('J2').value).toBe('Đang thực hiện');
    // The viewer's file holds nothing they may not read.
    const v = new ExcelJS.Workbook();
    await v.xlsx.load((await viewer.get('/api/diagnostics/pareto.xlsx?period=2026')).rawPayload as unknown as ArrayBuffer);
    expect(v.worksheets.map((s) => s.rowCount)).toEqual([1, 1, 1]);
  });

  it('decomposes revenue into orders × average order value exactly (worked example)', async () => {
    const res = await viewer.get(`/api/kpis/DX_REV/drivers?period=2026-03&scope=unit:${unit['KD-MB']}`);
    expect(res.statusCode).toBe(403);
    const ok = await manager.get(`/api/kpis/DX_REV/drivers?period=2026-03&scope=unit:${unit['KD-MB']}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'ratio', target: 500_000_000, actual: 468_000_000, gap: -32_000_000 });
    expect(ok.json().effects.map((e: { code: string; target: number; actual: number; effect: number }) => [e.code, e.target, e.actual, e.effect])).toEqual([
      ['DX_ORDERS', 1000, 900, -50_000_000],
      ['DX_AOV', 500_000, 520_000, 18_000_000],
    ]);
    const notProduct = await manager.get(`/api/kpis/DX_MKT/drivers?period=2026-03&scope=unit:${unit['KD-MB']}`);
    expect(notProduct.statusCode).toBe(422);
    expect(notProduct.json().error.code).toBe('KPI_NOT_PRODUCT');
  });
  it('a running period can be explained once an appraisal cycle over it is locked with the KPI red', async () => {
    const now = new Date(Date.now() + 7 * 3600_000); // the company's today (Asia/Ho_Chi_Minh)
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect((await admin.post('/api/kpis', kpi('DX_LOCK', person['lan.hoang@minhan.vn']!, { unit: 'count' }))).statusCode).toBe(201);
    const scope = unitScope('KD-MB');
    expect((await admin.put('/api/kpis/DX_LOCK/targets', { scope, targets: [{ period: month, value: 100 }] })).statusCode).toBe(200);
    expect((await admin.post('/api/kpis/DX_LOCK/checkins', { period: month, scope, value: 5 })).statusCode).toBe(200);
    const before = await putReasons(admin, 'DX_LOCK', scope, month, [{ reason: 'external' }]);
    expect(before.json().error.code).toBe('PERIOD_NOT_ENDED');
    // The demo's current-quarter cycle covers this month; lock it.
    const cycles = (await admin.get('/api/appraisal/cycles')).json().items as { id: number; phase: string }[];
    const locked = await admin.post(`/api/appraisal/cycles/${cycles[0]!.id}/phase`, { phase: 'locked', reason: 'Chốt kỳ' });
    expect(locked.statusCode, locked.body).toBe(200);
    const after = await putReasons(admin, 'DX_LOCK', scope, month, [{ reason: 'external' }]);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().item.reasons.map((r: { reason: string }) => r.reason)).toEqual(['external']);
  });
});
