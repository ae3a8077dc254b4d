import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubscriptions } from '../../app/subscriptions/job';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

/*
 * Subscriptions on the demo company: the manager heads Phòng Kinh doanh (KD: KD-MB, KD-MN), the employee is in
 * KD-MB. Numbers reach (docs/permissions.md): manager company + subtree, employee company + own unit + self.
 * The job runs as of Wednesday 01/07/2026 07:00 Hanoi (00:00 UTC): the weekly run of ISO week 27 (first working
 * day Monday 29/06, its past week ended in June) and the monthly run of July, both for June 2026.
 */
const RUN_AT = new Date('2026-07-01T00:00:00Z');

describe.each(engines())('report subscriptions and the management digest (%s)', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let employee: ApiClient;
  const unit: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    [admin, manager, employee] = await Promise.all([t.as('admin@minhan.vn'), t.as('truong.kd@minhan.vn'), t.as('nhanvien@minhan.vn')]);
    for (const u of await t.database.db.selectFrom('org_units').select(['id', 'code']).execute()) unit[u.code] = u.id;
  });
  afterAll(async () => t?.close());

  it('creates, lists and deletes one’s own subscriptions only', async () => {
    const created = await employee.post('/api/subscriptions', { report: 'scorecard', cadence: 'weekly', format: 'xlsx', scope: `unit:${unit['KD-MB']}` });
    expect(created.statusCode).toBe(201);
    const sub = created.json() as { id: number; report: string; scope: string; lastSentKey: string | null };
    expect(sub).toMatchObject({ report: 'scorecard', scope: `unit:${unit['KD-MB']}`, lastSentKey: null });

    const again = await employee.post('/api/subscriptions', { report: 'scorecard', cadence: 'weekly', format: 'pdf', scope: `unit:${unit['KD-MB']}` });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('SUBSCRIPTION_EXISTS');

    expect((await manager.get('/api/subscriptions')).json().items).toEqual([]);
    expect((await employee.get('/api/subscriptions')).json().items.map((s: { id: number }) => s.id)).toEqual([sub.id]);
    // Someone else's id is not found, and stays.
    expect((await manager.request({ method: 'DELETE', url: `/api/subscriptions/${sub.id}` })).statusCode).toBe(404);
    expect((await employee.get('/api/subscriptions')).json().items).toHaveLength(1);
    expect((await employee.request({ method: 'DELETE', url: `/api/subscriptions/${sub.id}` })).statusCode).toBe(200);
    expect((await employee.get('/api/subscriptions')).json().items).toEqual([]);
  });

  it('refuses a scope whose numbers the person may not read (403) and writes nothing', async () => {
    const res = await employee.post('/api/subscriptions', { report: 'digest', cadence: 'monthly', scope: `unit:${unit.MKT}` });
    expect(res.statusCode).toBe(403);
    const mgr = await manager.post('/api/subscriptions', { report: 'scorecard', cadence: 'monthly', scope: `unit:${unit.BGD}` });
    expect(mgr.statusCode).toBe(403);
    const bad = await employee.post('/api/subscriptions', { report: 'weekly-news', cadence: 'daily', scope: 'everything' });
    expect(bad.statusCode).toBe(400);
    const count = await t.database.db.selectFrom('report_subscriptions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('the digest of a small fixture, worked by hand: movers, the red KPI with its reason, late measurements; 403 outside the reach', async () => {
    // Company targets 1.000 in May and June 2026; actuals (achievement = actual ÷ target, higher is better):
    // ORDERS 900 → 1.100 (90 % → 110 %, +20 points), WEB_TRAFFIC 1.000 → 1.050 (+5), SALES_MB_REVENUE 950 → 500 (95 % → 50 %, −45, red).
    // (LEADS would also move CLOSE_RATE = ORDERS ÷ LEADS, a formula KPI: left out to keep the fixture small.)
    const company = { type: 'company', id: null };
    for (const [code, may, june] of [['ORDERS', 900, 1100], ['WEB_TRAFFIC', 1000, 1050], ['SALES_MB_REVENUE', 950, 500]] as const) {
      const set = await admin.put(`/api/kpis/${code}/targets`, { scope: company, targets: [{ period: '2026-05', value: 1000 }, { period: '2026-06', value: 1000 }] });
      expect(set.statusCode).toBe(200);
      for (const [period, value] of [['2026-05', may], ['2026-06', june]] as const) {
        const res = await admin.post(`/api/kpis/${code}/checkins`, { period, scope: company, value });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const kpiId = (await t.database.db.selectFrom('kpis').select('id').where('code', '=', 'SALES_MB_REVENUE').executeTakeFirstOrThrow()).id;
    await t.database.db.insertInto('kpi_miss_reasons').values({ kpi_id: kpiId, scope_type: 'company', period_key: '2026-06', reason: 'external', comment: 'Giá nguyên liệu tăng' }).execute();

    const res = await admin.get('/api/reports/digest?period=2026-06&scope=company');
    expect(res.statusCode).toBe(200);
    const d = res.json() as {
      previousPeriod: string;
      up: { code: string; previous: number; current: number; change: number }[];
      down: { code: string; change: number }[];
      red: { code: string; achievement: number; reasons: unknown[] }[];
      late: { code: string }[];
    };
    expect(d.previousPeriod).toBe('2026-05');
    expect(d.up.map((m) => [m.code, m.previous, m.current, m.change])).toEqual([
      ['ORDERS', 0.9, 1.1, 0.2],
      ['WEB_TRAFFIC', 1, 1.05, 0.05],
    ]);
    expect(d.down.map((m) => [m.code, m.change])).toEqual([['SALES_MB_REVENUE', -0.45]]);
    expect(d.red).toEqual([{ code: 'SALES_MB_REVENUE', name: expect.any(String), nameEn: expect.anything(), achievement: 0.5, reasons: [{ reason: 'external', comment: 'Giá nguyên liệu tăng', controllable: true }] }]);
    const late = d.late.map((l) => l.code);
    expect(late).toContain('REVENUE');
    expect(late.filter((c) => ['ORDERS', 'WEB_TRAFFIC', 'SALES_MB_REVENUE'].includes(c))).toEqual([]);

    expect((await employee.get(`/api/reports/digest?period=2026-06&scope=unit:${unit.MKT}`)).statusCode).toBe(403);
    expect((await employee.get('/api/reports/digest?period=2026-06&scope=company')).statusCode).toBe(200);
  });

  // Runs after the digest test above: the digest mail carries its fixture (movers, the recorded reason).
  it('the job sends each due subscription once, even with two runners at once, with the file attached', async () => {
    await t.database.db.deleteFrom('mail_outbox').execute();
    expect((await admin.post('/api/subscriptions', { report: 'digest', cadence: 'monthly', format: 'xlsx', scope: 'company' })).statusCode).toBe(201);
    expect((await manager.post('/api/subscriptions', { report: 'scorecard', cadence: 'weekly', format: 'pdf', scope: `unit:${unit.KD}` })).statusCode).toBe(201);
    expect((await manager.post('/api/subscriptions', { report: 'diagnostics', cadence: 'monthly', format: 'xlsx', scope: `unit:${unit.KD}` })).statusCode).toBe(201);
    expect((await employee.post('/api/subscriptions', { report: 'late-measurements', cadence: 'monthly', format: 'pdf', scope: `unit:${unit['KD-MB']}` })).statusCode).toBe(201);
    // The employee moves to Marketing: KD-MB is no longer theirs to read, so their subscription is skipped at send time.
    await t.database.db.updateTable('people').set({ unit_id: unit.MKT! }).where('email', '=', 'nhanvien@minhan.vn').execute();

    const [a, b] = await Promise.all([runSubscriptions(t.store, RUN_AT), runSubscriptions(t.store, RUN_AT)]);
    const sent = [...a.sent, ...b.sent].map((s) => `${s.report}|${s.key}|${s.period}`).sort();
    expect(sent).toEqual(['diagnostics|month:2026-07|2026-06', 'digest|month:2026-07|2026-06', 'scorecard|week:2026-W27|2026-06']);
    expect([...a.skipped, ...b.skipped].filter((s) => s.reason === 'not-allowed')).toHaveLength(1);

    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text', 'attachment_name', 'attachment_type', 'attachment']).orderBy('to_address').orderBy('attachment_name').execute();
    expect(mails.map((m) => [m.to_address, m.attachment_name, m.attachment_type])).toEqual([
      ['admin@minhan.vn', 'digest-2026-06.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['truong.kd@minhan.vn', expect.stringMatching(/\.xlsx$/), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['truong.kd@minhan.vn', 'the-diem-kd-2026-06.pdf', 'application/pdf'],
    ]);
    for (const m of mails) expect(m.attachment!.length).toBeGreaterThan(1000);
    expect(mails[0]!.subject).toBe('Bản tin tổng hợp · 2026-06');
    expect(mails[0]!.body_text).toContain('KPI màu đỏ và nguyên nhân:');
    expect(mails[0]!.body_text).toContain('Giá nguyên liệu tăng');
    expect(mails[0]!.body_text).toContain('ORDERS');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(mails[0]!.attachment as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Biến động', 'KPI đỏ', 'Chưa báo cáo']);
    expect(String(mails[2]!.attachment!.subarray(0, 5))).toBe('%PDF-');
    const pareto = new ExcelJS.Workbook();
    await pareto.xlsx.load(mails[1]!.attachment as unknown as ArrayBuffer);
    expect(pareto.worksheets[0]!.name).toBe('Nguyên nhân'); // the diagnostics page's Pareto workbook

    // Later the same week and month: nothing more.
    const later = await runSubscriptions(t.store, new Date('2026-07-03T02:00:00Z'));
    expect(later.sent).toEqual([]);
    const keys = await t.database.db.selectFrom('report_subscriptions').select(['report', 'last_sent_key']).orderBy('report').execute();
    expect(keys).toEqual([
      { report: 'diagnostics', last_sent_key: 'month:2026-07' },
      { report: 'digest', last_sent_key: 'month:2026-07' },
      { report: 'late-measurements', last_sent_key: 'month:2026-07' },
      { report: 'scorecard', last_sent_key: 'week:2026-W27' },
    ]);
  });
});
