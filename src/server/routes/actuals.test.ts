import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { multipartFile } from '../../../test/helpers/multipart';
import { startClockApp, type ClockApp } from './actuals.test-helpers';

const ADMIN = 'admin@minhan.vn'; // Phạm Quốc Huy
const KTT = 'ktt@minhan.vn'; // Đoàn Thị Mai, measurer of REV and COST
const SALES_HEAD = 'truong.kd@minhan.vn'; // manager of KD (KD, KD-MB, KD-MN)
const EMPLOYEE = 'nhanvien@minhan.vn'; // Vũ Đình Khoa, KD-MB
const VIEWER = 'an.nguyen@minhan.vn'; // viewer of BGD

// JSON bodies of responses, read field by field in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe.each(engines())('actuals over HTTP on %s', (engine) => {
  let t: ClockApp;
  let unitKdmn: number;
  let employeeId: number;

  beforeAll(async () => {
    t = await startClockApp(engine);
    unitKdmn = (await t.store.units.findByCode('KD-MN'))!.id;
    employeeId = (await t.store.people.findByEmails([EMPLOYEE]))[0]!.id;
  });
  afterAll(() => t.close());

  const profitOf = async (code: string, period: string) => {
    const admin = await t.as(ADMIN);
    const items = (await admin.get(`/api/kpis/${code}/actuals`)).json().items as Json[];
    return items.find((a) => a.period === period);
  };

  it('marks a check-in late by the date in Asia/Ho_Chi_Minh, near midnight UTC', async () => {
    const ktt = await t.as(KTT);
    // March ends 31/03, REV has 5 days → Sunday 05/04 → deadline Monday 06/04 (the next working day).
    // 2026-04-06T16:59:59Z is 23:59:59 on 06/04 in HCM: on time.
    t.clock.now = new Date('2026-04-06T16:59:59Z');
    const onTime = await ktt.post('/api/kpis/REV/checkins', { period: '2026-03', value: 1000, comment: 'Theo sổ cái' });
    expect(onTime.statusCode).toBe(200);
    expect(onTime.json()).toMatchObject({ kpiCode: 'REV', period: '2026-03', value: 1000, late: false, version: 1, source: 'checkin', updatedByName: 'Đoàn Thị Mai' });
    // One second later it is 00:00 on 07/04 in HCM (still 06/04 in UTC): late.
    t.clock.now = new Date('2026-04-06T17:00:00Z');
    const late = await ktt.post('/api/kpis/COST/checkins', { period: '2026-03', value: 900 });
    expect(late.json()).toMatchObject({ late: true, value: 900 });
  });

  it('recomputes PROFIT and MARGIN after the check-ins, and again when COST changes', async () => {
    // REV 1000, COST 900 → PROFIT = 1000 − 900 = 100, MARGIN = 100 / 1000 = 0.1
    expect(await profitOf('PROFIT', '2026-03')).toMatchObject({ value: 100, source: 'formula' });
    expect((await profitOf('MARGIN', '2026-03'))?.value).toBe(0.1);
    const ktt = await t.as(KTT);
    await ktt.post('/api/kpis/COST/checkins', { period: '2026-03', value: 750 });
    // COST 750 → PROFIT = 1000 − 750 = 250, MARGIN = 250 / 1000 = 0.25
    expect((await profitOf('PROFIT', '2026-03'))?.value).toBe(250);
    expect((await profitOf('MARGIN', '2026-03'))?.value).toBe(0.25);
    // REV 1250 → PROFIT = 1250 − 750 = 500, MARGIN = 500 / 1250 = 0.4
    await ktt.post('/api/kpis/REV/checkins', { period: '2026-03', value: 1250, comment: 'Điều chỉnh hàng trả lại' });
    expect((await profitOf('PROFIT', '2026-03'))?.value).toBe(500);
    expect((await profitOf('MARGIN', '2026-03'))?.value).toBe(0.4);
  });

  it('keeps every version of an edited actual, and the first lateness', async () => {
    const admin = await t.as(ADMIN);
    const rev = (await admin.get('/api/kpis/REV/actuals?from=2026-03-01&to=2026-03-31')).json().items as Json[];
    expect(rev).toHaveLength(1);
    expect(rev[0]).toMatchObject({ version: 2, value: 1250, late: false });
    const versions = (await admin.get(`/api/actuals/${rev[0]!.id}/versions`)).json().items as Json[];
    expect(versions.map((v) => [v.version, v.value, v.comment, v.changedByName])).toEqual([
      [2, 1250, 'Điều chỉnh hàng trả lại', 'Đoàn Thị Mai'],
      [1, 1000, 'Theo sổ cái', 'Đoàn Thị Mai'],
    ]);
    const audit = await t.store.audit.list({ entity: 'actual', entityId: String(rev[0]!.id), limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('denies an employee another unit scope and writes nothing', async () => {
    const employee = await t.as(EMPLOYEE);
    const denied = await employee.post('/api/kpis/REV/checkins', { period: '2026-03', scope: { type: 'unit', id: unitKdmn }, value: 5 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect(await t.store.actuals.list({ kpiIds: [t.kpis.REV], scope: { type: 'unit', id: unitKdmn } })).toEqual([]);
    // Company scope is for admins, owner and measurer only, even for a manager.
    const manager = await t.as(SALES_HEAD);
    expect((await manager.post('/api/kpis/REV/checkins', { period: '2026-03', value: 5 })).statusCode).toBe(403);
  });

  it('lets a person check in their own scope and a manager a unit in their subtree', async () => {
    const employee = await t.as(EMPLOYEE);
    const own = await employee.post('/api/kpis/REV/checkins', { period: '2026-03', scope: { type: 'person', id: employeeId }, value: 40 });
    expect(own.statusCode).toBe(200);
    expect(own.json().scope).toEqual({ type: 'person', id: employeeId });
    const manager = await t.as(SALES_HEAD);
    const unit = await manager.post('/api/kpis/REV/checkins', { period: '2026-03', scope: { type: 'unit', id: unitKdmn }, value: 300 });
    expect(unit.statusCode).toBe(200);
    // A viewer of BGD may not read the KD-MN scope; everyone reads the company scope.
    const viewer = await t.as(VIEWER);
    expect((await viewer.get(`/api/kpis/REV/actuals?scope=unit:${unitKdmn}`)).statusCode).toBe(403);
    expect((await employee.get('/api/kpis/REV/actuals?scope=company')).statusCode).toBe(200);
    expect((await manager.get(`/api/kpis/REV/actuals?scope=unit:${unitKdmn}`)).json().items).toHaveLength(1);
  });

  it('requires numerator and denominator for a ratio KPI, with field paths', async () => {
    const manager = await t.as(SALES_HEAD); // owner of RATE
    const res = await manager.post('/api/kpis/RATE/checkins', { period: '2026-03', numerator: 45 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'denominator', code: 'required' })]);
    const ok = await manager.post('/api/kpis/RATE/checkins', { period: '2026-03', numerator: 45, denominator: 60 });
    // 45 / 60 = 0.75
    expect(ok.json()).toMatchObject({ value: 0.75, numerator: 45, denominator: 60 });
  });

  it('refuses a period of another frequency and a formula KPI', async () => {
    const admin = await t.as(ADMIN);
    const wrong = await admin.post('/api/kpis/REV/checkins', { period: '2026-Q1', value: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toMatchObject({ path: 'period', code: 'wrong_period_kind' });
    const computed = await admin.post('/api/kpis/PROFIT/checkins', { period: '2026-03', value: 1 });
    expect(computed.statusCode).toBe(400);
    expect(computed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'kpi', code: 'computed_kpi' }] });
  });

  describe('evidence', () => {
    let actualId: number;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7), Buffer.from('\n%%EOF')]);

    beforeAll(async () => {
      const admin = await t.as(ADMIN);
      actualId = ((await admin.get('/api/kpis/REV/actuals')).json().items as Json[])[0]!.id;
    });

    it('round-trips a PDF with its name, sha256 and safe headers', async () => {
      const ktt = await t.as(KTT);
      const up = await ktt.request({ method: 'POST', url: `/api/actuals/${actualId}/evidence`, ...multipartFile('file', 'Báo cáo tháng 3.pdf', pdf, 'application/pdf') });
      expect(up.statusCode).toBe(201);
      const file = up.json();
      expect(file).toMatchObject({ fileName: 'Báo cáo tháng 3.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });
      expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

      const employee = await t.as(EMPLOYEE); // company scope: everyone signed in may see it
      const down = await employee.get(`/api/evidence/${file.id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(pdf)).toBe(true);
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      expect(down.headers['content-disposition']).toBe(`attachment; filename="Bao cao thang 3.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%203.pdf`);
      const listed = ((await employee.get('/api/kpis/REV/actuals')).json().items as Json[])[0]!;
      expect(listed.evidence.map((e: Json) => e.id)).toEqual([file.id]);
    });

    it('rejects HTML or an executable disguised as PDF, and .html files', async () => {
      const ktt = await t.as(KTT);
      const send = (name: string, data: Buffer, type: string) =>
        ktt.request({ method: 'POST', url: `/api/actuals/${actualId}/evidence`, ...multipartFile('file', name, data, type) });
      const html = await send('report.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
      expect(html.statusCode).toBe(415);
      expect(html.json().error.issues[0]).toMatchObject({ path: 'file', code: 'content_mismatch' });
      expect((await send('setup.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'application/pdf')).statusCode).toBe(415);
      expect((await send('page.html', Buffer.from('<!doctype html><p>hi'), 'text/html')).statusCode).toBe(415);
      expect(await t.store.evidence.list(actualId)).toHaveLength(1);
    });

    it('refuses files over 10 MB and downloads to people who may not see the actual', async () => {
      const ktt = await t.as(KTT);
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
      const res = await ktt.request({ method: 'POST', url: `/api/actuals/${actualId}/evidence`, ...multipartFile('file', 'big.pdf', big, 'application/pdf') });
      expect(res.statusCode).toBe(413);

      // Evidence on the KD-MN unit actual: the BGD viewer may not download it.
      const manager = await t.as(SALES_HEAD);
      const unitActual = ((await manager.get(`/api/kpis/REV/actuals?scope=unit:${unitKdmn}`)).json().items as Json[])[0]!;
      const up = await manager.request({ method: 'POST', url: `/api/actuals/${unitActual.id}/evidence`, ...multipartFile('file', 'kd-mn.csv', 'kênh,doanh thu\nđại lý,300\n') });
      expect(up.statusCode).toBe(201);
      expect(up.json().contentType).toBe('text/csv; charset=utf-8');
      const viewer = await t.as(VIEWER);
      expect((await viewer.get(`/api/evidence/${up.json().id}`)).statusCode).toBe(403);
      expect((await viewer.get(`/api/actuals/${unitActual.id}/versions`)).statusCode).toBe(403);
    });
  });
});
