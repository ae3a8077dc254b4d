import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

/*
 * Reports on the demo company (examples/demo-company.yaml): Phòng Kinh doanh (KD) with Nhóm Kinh doanh Miền
 * Bắc (KD-MB) and Miền Nam (KD-MN); the demo appraisal cycle of this quarter has sheets for the KD-MB team.
 */
const PERIOD = '2026-06';
const dir = mkdtempSync(join(tmpdir(), 'openkpi-reports-'));

/** The text of a PDF as poppler's pdftotext reads it (what a reader copies out of the file). */
export function pdfText(data: Buffer, name = 'r.pdf'): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function workbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

type Res = Awaited<ReturnType<ApiClient['get']>>;
const bytes = (r: Res) => r.rawPayload;

interface SheetRow {
  id: number;
  personCode: string | null;
}

/** The demo appraisal cycle (this quarter, KD-MB) and its sheets. */
async function demoCycle(admin: ApiClient): Promise<{ cycleId: number; sheets: SheetRow[] }> {
  const cycles = (await admin.get('/api/appraisal/cycles')).json() as { items: { id: number; sheets: number }[] };
  const cycleId = cycles.items.find((c) => c.sheets > 0)!.id;
  const sheets = ((await admin.get(`/api/appraisal/cycles/${cycleId}/sheets`)).json() as { items: SheetRow[] }).items;
  return { cycleId, sheets };
}

describe.each(engines())('report files on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let employee: ApiClient;
  const unit = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    manager = await t.as('truong.kd@minhan.vn');
    employee = await t.as('nhanvien@minhan.vn');
    for (const u of await t.store.units.list()) unit.set(u.code, u.id);
    // REVENUE, June 2026: target 20 tỷ (demo file), actual 18,5 tỷ → achievement 18,5 / 20 = 92,5 %.
    const checkIn = await admin.post('/api/kpis/REVENUE/checkins', { period: PERIOD, value: 18_500_000_000 });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  it('scorecard XLSX: one row per KPI, code first, numbers with VND / percent formats, dd/mm/yyyy dates, frozen header, filter', async () => {
    const card = (await admin.get(`/api/scorecard?period=${PERIOD}`)).json() as { items: { code: string; unit: string | null; target: number | null; actual: number | null; achievement: number | null; score: number | null }[] };
    const res = await admin.get(`/api/reports/scorecard?period=${PERIOD}&format=xlsx&lang=vi`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="the-diem-cong-ty-tnhh-thuong-mai-minh-an-2026-06\.xlsx"; filename\*=UTF-8''/);
    const ws = (await workbook(bytes(res))).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Báo cáo thẻ điểm KPI');
    expect(ws.getCell('B2').value).toBe('Công ty TNHH Thương mại Minh An');
    // June 2026: 01/06/2026 – 30/06/2026, as real dates shown dd/mm/yyyy.
    expect(ws.getCell('D4').value).toEqual(new Date('2026-06-01T00:00:00Z'));
    expect(ws.getCell('F4').value).toEqual(new Date('2026-06-30T00:00:00Z'));
    expect(ws.getCell('D4').numFmt).toBe('dd/mm/yyyy');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expect(card.items.length).toBeGreaterThan(10);
    expect(ws.autoFilter).toBe(`A8:H${8 + card.items.length}`);
    expect(ws.getRow(8).values).toEqual([undefined, 'Mã KPI', 'Tên KPI', 'Đơn vị tính', 'Chỉ tiêu', 'Thực hiện', 'Tỷ lệ hoàn thành', 'Điểm', 'Trạng thái']);
    expect(ws.getColumn(1).values.slice(9)).toEqual(card.items.map((k) => k.code));
    const revenueRow = ws.getRow(9 + card.items.findIndex((k) => k.code === 'REVENUE'));
    const revenue = card.items.find((k) => k.code === 'REVENUE')!;
    expect(revenueRow.getCell(2).value).toBe('Doanh thu thuần');
    expect(revenue.unit).toBe('VND');
    expect(revenueRow.getCell(4).value).toBe(20_000_000_000);
    expect(revenueRow.getCell(5).value).toBe(18_500_000_000);
    expect(revenueRow.getCell(6).value).toBeCloseTo(0.925, 12);
    expect(revenueRow.getCell(7).value).toBe(revenue.score);
    expect(revenueRow.getCell(4).numFmt).toBe('#,##0 "₫"');
        expect(revenueRow.getCell(6).numFmt).toBe('0.0%');
    expect(revenueRow.getCell(7).numFmt).toBe('0.0%');
  });

  it('scorecard XLSX of a unit tree: one worksheet for the unit and one for each unit below it', async () => {
    const res = await manager.get(`/api/reports/scorecard?period=${PERIOD}&scope=unit:${unit.get('KD')}&format=xlsx&tree=true`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = await workbook(bytes(res));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['KD', 'KD-MB', 'KD-MN']);
    expect(wb.worksheets[1]!.getCell('B3').value).toBe('Nhóm Kinh doanh Miền Bắc (KD-MB)');
  });

  it('scorecard PDF: Vietnamese names with their diacritics, period, page numbers; English labels with lang=en', async () => {
    const res = await admin.get(`/api/reports/scorecard?period=${PERIOD}&scope=unit:${unit.get('KD')}&format=pdf&lang=vi&tree=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(bytes(res));
    for (const s of ['Báo cáo thẻ điểm KPI', 'Công ty TNHH Thương mại Minh An', 'Phòng Kinh doanh (KD)', 'Nhóm Kinh doanh Miền Nam (KD-MN)', 'Doanh thu thuần', 'Tỷ lệ hoàn thành theo KPI', '01/06/2026 – 30/06/2026', 'Trang 1/3', 'Trang 3/3']) {
      expect(text).toContain(s);
    }
    const en = pdfText(bytes(await admin.get(`/api/reports/scorecard?period=${PERIOD}&format=pdf&lang=en`)));
    expect(en).toContain('KPI scorecard report');
    expect(en).toContain('Net revenue');
    expect(en).toMatch(/Page 1 of \d/);
  });

  it('evaluation sheet PDF and XLSX: person, groups, items, weights, both reviews and the signature block', async () => {
    const { cycleId, sheets } = await demoCycle(admin);
    const khoa = sheets.find((x) => x.personCode === 'nhanvien@minhan.vn')!;
    const res = await employee.get(`/api/appraisal/sheets/${khoa.id}/report?format=pdf&lang=vi`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vu-dinh-khoa-nhanvien\.pdf"/);
    const text = pdfText(bytes(res));
    for (const s of ['Phiếu đánh giá KPI', 'Vũ Đình Khoa', 'Nhóm Kinh doanh Miền Bắc', 'Nhân viên kinh doanh', 'Kết quả đầu ra', 'Doanh thu cá nhân', 'Chấp hành nội quy', 'Quản lý trực tiếp', 'Phê duyệt', 'Ngày ..... tháng ..... năm', 'Trang 1/']) {
      expect(text).toContain(s);
    }
    const xlsx = await admin.get(`/api/appraisal/sheets/${khoa.id}/report?format=xlsx&lang=en`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const ws = (await workbook(bytes(xlsx))).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('KPI evaluation sheet');
    expect(ws.getCell('B3').value).toBe('Vũ Đình Khoa');
    expect(ws.getRow(9).values).toEqual([undefined, 'Group', 'Code', 'Item', 'Weight', 'Target', 'Actual', 'Achievement', 'Score', 'Weighted result', 'Self rating', "Employee's comment", 'Manager rating', "Manager's comment"]);
    // Group "Output" 60 %: Personal revenue weighs 70 % of it (0.7 as a percent cell).
    const revenue = ws.getRows(10, 20)!.find((r) => r.getCell(2).value === 'REVENUE')!;
    expect(revenue.getCell(1).value).toBe('Output');
    expect(revenue.getCell(4).value).toBe(0.7);
    expect(revenue.getCell(4).numFmt).toBe('0.0%');
    expect(revenue.getCell(5).numFmt).toBe('#,##0 "₫"');
    expect(ws.getCell('D6').numFmt).toBe('dd/mm/yyyy');
    // Another person's sheet: the employee may not read it, and gets no file.
    const trang = sheets.find((x) => x.personCode === 'trang.dang@minhan.vn')!;
    const refused = await employee.get(`/api/appraisal/sheets/${trang.id}/report?format=pdf`);
    expect([403, 404]).toContain(refused.statusCode);
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(cycleId).toBeGreaterThan(0);
  });

  it('a unit as one zip: one file per person of the unit and below, ASCII names from name + e-mail', async () => {
    const { cycleId, sheets } = await demoCycle(admin);
    const res = await manager.get(`/api/appraisal/cycles/${cycleId}/reports?unit=${unit.get('KD')}&format=pdf&lang=vi`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(bytes(res)));
    const byName: Record<string, string> = {
      'nhanvien@minhan.vn': 'vu-dinh-khoa-nhanvien.pdf',
      'trang.dang@minhan.vn': 'dang-thu-trang-trang-dang.pdf',
      'viet.doan@minhan.vn': 'doan-quoc-viet-viet-doan.pdf',
      'lan.hoang@minhan.vn': 'hoang-thi-lan-lan-hoang.pdf',
    };
    const people = [...new Set(sheets.map((x) => x.personCode))];
    expect(Object.keys(files)).toHaveLength(people.length);
    for (const [email, name] of Object.entries(byName)) if (people.includes(email)) expect(Object.keys(files)).toContain(name);
    for (const name of Object.keys(files)) expect(name).toMatch(/^[a-z0-9-]+\.pdf$/);
    expect(pdfText(Buffer.from(files['vu-dinh-khoa-nhanvien.pdf']!), 'khoa.pdf')).toContain('Vũ Đình Khoa');
    // XLSX files too; a unit outside the manager's reach is refused as a whole.
    const xlsx = unzipSync(new Uint8Array(bytes(await manager.get(`/api/appraisal/cycles/${cycleId}/reports?unit=${unit.get('KD-MB')}&format=xlsx`))));
    expect(Object.keys(xlsx)).toContain('vu-dinh-khoa-nhanvien.xlsx');
    const outside = await manager.get(`/api/appraisal/cycles/${cycleId}/reports?unit=${unit.get('MKT')}&format=pdf`);
    expect(outside.statusCode).toBe(403);
    expect(outside.headers['content-disposition']).toBeUndefined();
  });

  it("the manager's review stays hidden from the person before publication, in the file as on the page", async () => {
    const { cycleId, sheets } = await demoCycle(admin);
    const khoa = sheets.find((x) => x.personCode === 'nhanvien@minhan.vn')!;
    for (const phase of ['self', 'review']) expect((await admin.post(`/api/appraisal/cycles/${cycleId}/phase`, { phase, reason: 'báo cáo' })).statusCode).toBe(200);
    const sheet = (await manager.get(`/api/appraisal/sheets/${khoa.id}`)).json() as { items: { id: number; kind: string }[] };
    const rated = sheet.items.find((i) => i.kind === 'rated')!;
    const review = await manager.put(`/api/appraisal/sheets/${khoa.id}/review`, { items: [{ id: rated.id, rating: 4, comment: 'Cần cải thiện kỹ năng đàm phán' }], submit: false });
    expect(review.statusCode, review.body).toBe(200);
    const managerText = pdfText(bytes(await manager.get(`/api/appraisal/sheets/${khoa.id}/report?format=pdf`)), 'm.pdf');
    expect(managerText).toContain('Cần cải thiện kỹ năng đàm phán');
    const ownText = pdfText(bytes(await employee.get(`/api/appraisal/sheets/${khoa.id}/report?format=pdf`)), 'own.pdf');
    expect(ownText).not.toContain('Cần cải thiện kỹ năng đàm phán');
    expect(ownText).toContain('Chưa công bố');
    const ownXlsx = await workbook(bytes(await employee.get(`/api/appraisal/sheets/${khoa.id}/report?format=xlsx`)));
    const cells = ownXlsx.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells.join(' ')).not.toContain('Cần cải thiện');
  });

  it('a scope the reader may not see: 403 with the error document, no file', async () => {
    for (const url of [`/api/reports/scorecard?period=${PERIOD}&scope=unit:${unit.get('KD-MN')}&format=pdf`, `/api/reports/scorecard?period=${PERIOD}&scope=unit:${unit.get('KD')}&format=xlsx&tree=true`]) {
      const res = await employee.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body).not.toContain('%PDF');
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    // A manager of KD may not read the company's numbers, so the company tree is refused as a whole.
    expect((await manager.get(`/api/reports/scorecard?period=${PERIOD}&format=xlsx&tree=true`)).statusCode).toBe(403);
    expect((await admin.get(`/api/reports/scorecard?period=${PERIOD}&format=doc`)).statusCode).toBe(400);
  });
});
