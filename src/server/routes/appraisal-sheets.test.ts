import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, createCycle, createTemplate, movePhase, peopleByEmail } from '../../../test/helpers/appraisal-fixture';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

/**
 * One yearly cycle (2040, bands A ≥ 0.9, B ≥ 0.7, C ≥ 0.5, D, target distribution A 20 % B 50 % C 30 % D 10 %,
 * second approval) for three sellers of KD-MB: Khoa (the demo employee), Trang and Dũng, reviewed by the head
 * of KD (manager). No KPI values in 2040, so each score is the Behavior rating ÷ 5 (Output skipped,
 * renormalized): 5 → 1.0 (A), 4 → 0.8 (B), 3 → 0.6 (C). A second cycle (2041) holds the manager's own sheet.
 */
interface SheetBody {
  id: number;
  personId: number;
  items: { id: number; code: string; kind: string; target: number | null; targetStatus: string; weight: number; overridden: boolean; extra: boolean; agreement: { version: number; action: string; value: number | null; reason: string; status: string; actorName: string }[]; managerRating: number | null; managerComment: string; selfRating: number | null; pace: { elapsed: number } | null }[];
  groups: { code: string; weight: number; overridden: boolean }[];
  score: number | null;
  grade: string | null;
  gradeBeforeCalibration: string | null;
  bonusBase: number | null;
  calibrations: unknown[];
  can: Record<string, boolean>;
}

describe.each(engines())('appraisal sheets API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let khoaClient: ApiClient;
  let viewer: ApiClient;
  let cycleId: number;
  let ownCycleId: number;
  let sheets: { khoa: number; trang: number; dung: number; managerOwn: number };
  let people: Awaited<ReturnType<typeof peopleByEmail>>;

  const sheet = async (client: ApiClient, id: number) => {
    const res = await client.get(`/api/appraisal/sheets/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SheetBody;
  };
  const item = (s: SheetBody, code: string) => s.items.find((i) => i.code === code)!;
  const agree = (client: ApiClient, sheetId: number, itemId: number, body: object) => client.post(`/api/appraisal/sheets/${sheetId}/items/${itemId}/agreement`, body);
  const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; issues?: { path: string; code: string; message: string }[] } }).error;
  /** Everything a sheet write could change. */
  const fingerprint = async () =>
    (
      await sql<{ f: string }>`SELECT concat_ws('|',
        (SELECT count(*) FROM audit_log), (SELECT count(*) FROM appraisal_target_versions), (SELECT count(*) FROM appraisal_calibrations),
        (SELECT md5(string_agg(concat_ws(',', id, groups::text, bonus_base, self_submitted_at, reviewed_at, approved_at, calibrated_grade, updated_at), ';' ORDER BY id)) FROM appraisal_sheets),
        (SELECT md5(string_agg(concat_ws(',', id, code, weight, target, target_status, self_rating, self_comment, manager_rating, manager_comment), ';' ORDER BY id)) FROM appraisal_items)) AS f`.execute(t.database.db)
    ).rows[0]!.f;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    manager = await t.as('truong.kd@minhan.vn');
    khoaClient = await t.as('nhanvien@minhan.vn');
    viewer = await t.as('an.nguyen@minhan.vn');
    people = await peopleByEmail(admin);
    const templateId = await createTemplate(admin, 'SHEETS_SALES');
    cycleId = await createCycle(admin, 'SHEETS_2040', '2040', {
      bands: [
        { grade: 'A', min: 0.9 },
        { grade: 'B', min: 0.7 },
        { grade: 'C', min: 0.5 },
        { grade: 'D', min: 0 },
      ],
      distribution: { A: 0.2, B: 0.5, C: 0.3, D: 0.1 },
      secondApproval: true,
    });
    const id = (email: string) => people.get(email)!.id;
    const byPerson = await assign(admin, cycleId, templateId, [id('nhanvien@minhan.vn'), id('trang.dang@minhan.vn'), id('dung.bui@minhan.vn')]);
    ownCycleId = await createCycle(admin, 'SHEETS_2041', '2041');
    const own = await assign(admin, ownCycleId, templateId, [id('truong.kd@minhan.vn')]);
    sheets = {
      khoa: byPerson.get(id('nhanvien@minhan.vn'))!,
      trang: byPerson.get(id('trang.dang@minhan.vn'))!,
      dung: byPerson.get(id('dung.bui@minhan.vn'))!,
      managerOwn: own.get(id('truong.kd@minhan.vn'))!,
    };
    const rule = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2040-01-01', rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1, D: 0.5 }, roundStep: 1000 });
    expect(rule.statusCode, rule.body).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('lists only the sheets in the caller’s appraisal.read scope; my evaluation holds the caller’s own sheets with allowed actions', async () => {
    const list = async (c: ApiClient) => ((await c.get(`/api/appraisal/cycles/${cycleId}/sheets`)).json() as { items: { id: number }[]; total: number });
    expect((await list(khoaClient)).items.map((s) => s.id)).toEqual([sheets.khoa]);
    expect((await list(manager)).total).toBe(3);
    expect((await list(viewer)).total).toBe(0); // the viewer reads BGD only
    expect((await viewer.get(`/api/appraisal/sheets/${sheets.khoa}`)).statusCode).toBe(403);
    const my = (await khoaClient.get('/api/appraisal/my')).json() as { items: SheetBody[] };
    const mine = my.items.find((s) => s.id === sheets.khoa)!;
    expect(mine.items.map((i) => i.code)).toEqual(['REV', 'ORD', 'ON_TIME']);
    expect(mine.can).toMatchObject({ agree: true, propose: false, review: false, editItems: false, selfAssess: false });
    expect(item(mine, 'REV').pace).not.toBeNull(); // KPI items of an open cycle carry their pace
    expect((await sheet(manager, sheets.khoa)).can).toMatchObject({ propose: true, editItems: true, agree: false });
    expect((await sheet(manager, sheets.managerOwn)).can).toMatchObject({ propose: false, editItems: false, agree: true });
  });

  it('runs target agreement: propose → counter (value + reason) → manager accepts; every version kept; wrong steps 409; counter without reason 422', async () => {
    const rev = item(await sheet(manager, sheets.khoa), 'REV').id;
    expect((await agree(manager, sheets.khoa, rev, { action: 'propose', value: 1_200_000_000 })).statusCode).toBe(200);
    // Only the sheet's person accepts a proposal; the manager never agrees for them.
    expect((await agree(manager, sheets.khoa, rev, { action: 'counter', value: 1, reason: 'x' })).statusCode).toBe(403);
    const noReason = await agree(khoaClient, sheets.khoa, rev, { action: 'counter', value: 1_000_000_000 });
    expect(noReason.statusCode).toBe(422);
    expect(errorOf(noReason).issues![0]).toMatchObject({ path: 'reason', code: 'APPRAISAL_REASON_REQUIRED' });
    const counter = await agree(khoaClient, sheets.khoa, rev, { action: 'counter', value: 1_000_000_000, reason: 'Thị trường miền Bắc giảm' });
    expect(counter.statusCode, counter.body).toBe(200);
    // The employee cannot accept their own counter-proposal: accepting a counter is the manager's step.
    expect((await agree(khoaClient, sheets.khoa, rev, { action: 'accept' })).statusCode).toBe(403);
    const accepted = await agree(manager, sheets.khoa, rev, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = item(accepted.json() as SheetBody, 'REV');
    expect(after).toMatchObject({ target: 1_000_000_000, targetStatus: 'agreed' });
    expect(after.agreement.map(({ version, action, value, reason, status, actorName }) => ({ version, action, value, reason, status, actorName }))).toEqual([
      { version: 1, action: 'propose', value: 1_200_000_000, reason: '', status: 'proposed', actorName: 'Lê Văn Đức' },
      { version: 2, action: 'counter', value: 1_000_000_000, reason: 'Thị trường miền Bắc giảm', status: 'countered', actorName: 'Vũ Đình Khoa' },
      { version: 3, action: 'accept', value: 1_000_000_000, reason: '', status: 'agreed', actorName: 'Lê Văn Đức' },
    ]);
    const wrong = await agree(khoaClient, sheets.khoa, rev, { action: 'counter', value: 5, reason: 'lại' });
    expect(wrong.statusCode).toBe(409);
    expect(errorOf(wrong).code).toBe('APPRAISAL_AGREEMENT_STATE');
    const before = await fingerprint();
    expect((await agree(manager, sheets.khoa, rev, { action: 'propose', value: 5 })).statusCode).toBe(409);
    expect(await fingerprint()).toBe(before);
    // Editing an accepted target sends it back for agreement; the employee accepts again.
    expect(item((await agree(manager, sheets.khoa, rev, { action: 'revise', value: 1_100_000_000 })).json() as SheetBody, 'REV')).toMatchObject({ targetStatus: 'proposed', target: 1_100_000_000 });
    expect(item((await agree(khoaClient, sheets.khoa, rev, { action: 'accept' })).json() as SheetBody, 'REV').targetStatus).toBe('agreed');
    // Rated items have no target; the manager never proposes on their own sheet.
    const onTime = item(await sheet(manager, sheets.khoa), 'ON_TIME').id;
    expect(errorOf(await agree(manager, sheets.khoa, onTime, { action: 'propose', value: 3 })).code).toBe('APPRAISAL_ITEM_NOT_KPI');
    const ownRev = item(await sheet(manager, sheets.managerOwn), 'REV').id;
    const own = await agree(manager, sheets.managerOwn, ownRev, { action: 'propose', value: 1 });
    expect([own.statusCode, errorOf(own).code]).toEqual([403, 'APPRAISAL_OWN_SHEET']);
  });

  it('consensus rate = agreed ÷ assigned KPI items per person and unit, worked by hand', async () => {
    // Khoa: REV agreed above, ORD finalized → 2/2. Trang: REV only proposed → 0/2. Dũng: REV finalized → 1/2.
    const ord = item(await sheet(manager, sheets.khoa), 'ORD').id;
    expect((await agree(manager, sheets.khoa, ord, { action: 'finalize', value: 300, reason: 'Chốt theo kế hoạch quý' })).statusCode).toBe(200);
    expect((await agree(manager, sheets.trang, item(await sheet(manager, sheets.trang), 'REV').id, { action: 'propose', value: 900_000_000 })).statusCode).toBe(200);
    expect((await agree(manager, sheets.dung, item(await sheet(manager, sheets.dung), 'REV').id, { action: 'finalize', value: 800_000_000, reason: 'Chốt' })).statusCode).toBe(200);
    const c = (await manager.get(`/api/appraisal/cycles/${cycleId}/consensus`)).json() as { rate: number; units: { name: string; assigned: number; agreed: number; rate: number }[]; people: { name: string; rate: number }[] };
    expect(c.rate).toBe(0.5); // 3 of 6
    expect(Object.fromEntries(c.people.map((p) => [p.name, p.rate]))).toEqual({ 'Vũ Đình Khoa': 1, 'Đặng Thu Trang': 0, 'Bùi Tiến Dũng': 0.5 });
    expect(c.units.map((u) => [u.name, u.agreed, u.assigned])).toEqual(
      expect.arrayContaining([
        ['Phòng Kinh doanh', 3, 6],
        ['Nhóm Kinh doanh Miền Bắc', 3, 6],
      ]),
    );
    const mine = (await khoaClient.get(`/api/appraisal/cycles/${cycleId}/consensus`)).json() as { rate: number; units: unknown[]; people: unknown[] };
    expect(mine).toMatchObject({ rate: 1, units: [], people: [{ name: 'Vũ Đình Khoa', assigned: 2, agreed: 2 }] });
  });

  it('per-person overrides: weights total exactly 100 in decimal, targets kept on existing items, extras and changed weights shown as overridden', async () => {
    const s = await sheet(manager, sheets.trang);
    const kpi = (code: string, weight: number, kpiCode: string, id?: number) => ({ ...(id && { id }), kind: 'kpi', group: 'output', code, name: { vi: code, en: code }, weight, kpiCode });
    const rated = { id: item(s, 'ON_TIME').id, kind: 'rated', group: 'behavior', code: 'ON_TIME', name: { vi: 'Đúng giờ', en: 'On time' }, weight: 100, scale: 5, levels: [] };
    const body = (weights: number[]) => ({
      groups: [
        { code: 'output', weight: 70 },
        { code: 'behavior', weight: 30 },
      ],
      items: [kpi('REV', weights[0]!, 'SALES_MB_REVENUE', item(s, 'REV').id), kpi('ORD', weights[1]!, 'ORDERS', item(s, 'ORD').id), kpi('LEADS', weights[2]!, 'LEADS'), rated],
    });
    const before = await fingerprint();
    const bad = await manager.put(`/api/appraisal/sheets/${sheets.trang}/items`, body([33.33, 33.33, 33.33]));
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).issues!.find((i) => i.code === 'APPRAISAL_WEIGHTS_TOTAL')!.message).toContain('99,99');
    expect(await fingerprint()).toBe(before);
    const res = await manager.put(`/api/appraisal/sheets/${sheets.trang}/items`, body([33.33, 33.33, 33.34]));
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as SheetBody;
    expect(after.groups).toEqual([expect.objectContaining({ code: 'output', weight: 70, overridden: true }), expect.objectContaining({ code: 'behavior', weight: 30, overridden: true })]);
    expect(item(after, 'REV')).toMatchObject({ weight: 33.33, overridden: true, extra: false, target: 900_000_000, targetStatus: 'proposed' });
    expect(item(after, 'LEADS')).toMatchObject({ overridden: true, extra: true, targetStatus: 'none' });
    expect(item(after, 'ON_TIME')).toMatchObject({ overridden: false, extra: false });
    // Back to the template's items and weights: nothing overridden; the extra is removed.
    const reset = {
      groups: [
        { code: 'output', weight: 60 },
        { code: 'behavior', weight: 40 },
      ],
      items: [kpi('REV', 70, 'SALES_MB_REVENUE', item(s, 'REV').id), kpi('ORD', 30, 'ORDERS', item(s, 'ORD').id), rated],
    };
    const back = (await manager.put(`/api/appraisal/sheets/${sheets.trang}/items`, reset)).json() as SheetBody;
    expect(back.items.map((i) => [i.code, i.overridden])).toEqual([
      ['REV', false],
      ['ORD', false],
      ['ON_TIME', false],
    ]);
    expect(back.groups.map((g) => g.overridden)).toEqual([false, false]);
    expect((await khoaClient.put(`/api/appraisal/sheets/${sheets.khoa}/items`, reset)).statusCode).toBe(403);
  });

  it('self-assessment: ratings within 1…scale (422 naming the item), submit, then no more edits (409)', async () => {
    await movePhase(admin, cycleId, 'self');
    const onTime = item(await sheet(khoaClient, sheets.khoa), 'ON_TIME').id;
    const rev = item(await sheet(khoaClient, sheets.khoa), 'REV').id;
    const out = await khoaClient.put(`/api/appraisal/sheets/${sheets.khoa}/self`, { items: [{ id: onTime, rating: 6, comment: 'Luôn đúng giờ' }] });
    expect(out.statusCode).toBe(422);
    expect(errorOf(out).issues![0]).toMatchObject({ path: 'items.0.rating', code: 'APPRAISAL_RATING_OUT_OF_SCALE' });
    expect(errorOf(out).issues![0]!.message).toContain('ON_TIME');
    expect((await khoaClient.put(`/api/appraisal/sheets/${sheets.khoa}/self`, { items: [{ id: rev, rating: 3, comment: '' }] })).statusCode).toBe(422);
    expect((await manager.put(`/api/appraisal/sheets/${sheets.khoa}/self`, { items: [] })).statusCode).toBe(403);
    const ok = await khoaClient.put(`/api/appraisal/sheets/${sheets.khoa}/self`, { items: [{ id: onTime, rating: 4, comment: 'Luôn đúng giờ' }, { id: rev, comment: 'Đã mở 3 đại lý mới' }], submit: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(item(ok.json() as SheetBody, 'ON_TIME').selfRating).toBe(4);
    const again = await khoaClient.put(`/api/appraisal/sheets/${sheets.khoa}/self`, { items: [{ id: onTime, rating: 5, comment: '' }] });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'APPRAISAL_ALREADY_SUBMITTED']);
  });

  it('manager review: never on one’s own sheet (403 APPRAISAL_OWN_SHEET), a comment where the rating differs (422), hidden from the employee until publish', async () => {
    await movePhase(admin, cycleId, 'review');
    await movePhase(admin, ownCycleId, 'review');
    const ownItem = item(await sheet(manager, sheets.managerOwn), 'ON_TIME').id;
    const own = await manager.put(`/api/appraisal/sheets/${sheets.managerOwn}/review`, { items: [{ id: ownItem, rating: 5, comment: 'Tốt' }] });
    expect([own.statusCode, errorOf(own).code]).toEqual([403, 'APPRAISAL_OWN_SHEET']);
    const onTime = item(await sheet(manager, sheets.khoa), 'ON_TIME').id;
    const before = await fingerprint();
    const silent = await manager.put(`/api/appraisal/sheets/${sheets.khoa}/review`, { items: [{ id: onTime, rating: 5 }] });
    expect(silent.statusCode).toBe(422);
    expect(errorOf(silent).issues![0]).toMatchObject({ path: 'items.0.comment', code: 'APPRAISAL_COMMENT_REQUIRED' });
    expect(errorOf(silent).issues![0]!.message).toContain('ON_TIME');
    expect(await fingerprint()).toBe(before);
    const review = async (id: number, rating: number, client = manager) => {
      const i = item(await sheet(client, id), 'ON_TIME').id;
      const res = await client.put(`/api/appraisal/sheets/${id}/review`, { items: [{ id: i, rating, comment: 'Vượt kỳ vọng: hỗ trợ cả nhóm' }], submit: true });
      expect(res.statusCode, res.body).toBe(200);
    };
    await review(sheets.khoa, 5);
    await review(sheets.trang, 4);
    await review(sheets.dung, 3, admin);
    const managerView = item(await sheet(manager, sheets.khoa), 'ON_TIME');
    expect(managerView).toMatchObject({ managerRating: 5, managerComment: 'Vượt kỳ vọng: hỗ trợ cả nhóm' });
    const employeeView = await sheet(khoaClient, sheets.khoa);
    expect(item(employeeView, 'ON_TIME')).toMatchObject({ managerRating: null, managerComment: '', selfRating: 4 });
    expect([employeeView.score, employeeView.grade]).toEqual([null, null]);
    expect((await sheet(manager, sheets.khoa)).score).toBe(1); // 5 ÷ 5, Output has no value in 2040 (renormalized)
  });

  it('second-level approval: never by the reviewer (403 APPRAISAL_OWN_REVIEW)', async () => {
    const byReviewer = await manager.post(`/api/appraisal/sheets/${sheets.khoa}/approve`);
    expect([byReviewer.statusCode, errorOf(byReviewer).code]).toEqual([403, 'APPRAISAL_OWN_REVIEW']);
    expect((await admin.post(`/api/appraisal/sheets/${sheets.khoa}/approve`)).statusCode).toBe(200);
    expect((await manager.post(`/api/appraisal/sheets/${sheets.dung}/approve`)).statusCode).toBe(200);
    expect(errorOf(await admin.post(`/api/appraisal/sheets/${sheets.khoa}/approve`)).code).toBe('APPRAISAL_ALREADY_APPROVED');
  });

  it('calibration view: distribution against the target with warnings, leniency worked by hand; calibration keeps before/after', async () => {
    await movePhase(admin, cycleId, 'calibrate');
    type View = { people: number; warnings: string[]; companyMean: number; reviewers: { name: string; count: number; mean: number; leniency: number }[]; distribution: { grade: string; count: number }[]; changes: { personName: string; beforeGrade: string; afterGrade: string; reason: string; score: number }[] };
    const view = async () => (await admin.get(`/api/appraisal/cycles/${cycleId}/calibration`)).json() as View;
    const v = await view();
    // A (Khoa 1.0), B (Trang 0.8), C (Dũng 0.6): a third each; A 33.3 % > 20 %, C 33.3 % > 30 %.
    expect(v.distribution.map((d) => d.count)).toEqual([1, 1, 1, 0]);
    expect(v.warnings).toEqual(['A: 33,3% > 20%', 'C: 33,3% > 30%']);
    // Company mean (1.0 + 0.8 + 0.6) ÷ 3 = 0.8; the manager's mean 0.9 → +0.1; the admin's 0.6 → −0.2.
    expect(v.companyMean).toBe(0.8);
    expect(v.reviewers.map((r) => [r.name, r.count, r.mean, r.leniency])).toEqual([
      ['Lê Văn Đức', 2, 0.9, 0.1],
      ['Phạm Quốc Huy', 1, 0.6, -0.2],
    ]);
    const bad = await admin.post(`/api/appraisal/sheets/${sheets.khoa}/calibrate`, { grade: 'Z', reason: 'x' });
    expect([bad.statusCode, errorOf(bad).issues![0]!.path]).toEqual([422, 'grade']);
    const own = await manager.post(`/api/appraisal/sheets/${sheets.managerOwn}/calibrate`, { grade: 'A', reason: 'x' });
    expect(own.statusCode).toBe(403);
    const res = await admin.post(`/api/appraisal/sheets/${sheets.khoa}/calibrate`, { grade: 'B', reason: 'Cân đối với nhóm' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ grade: 'B', gradeBeforeCalibration: 'A', calibrations: [{ beforeGrade: 'A', afterGrade: 'B', score: 1, reason: 'Cân đối với nhóm', actorName: 'Phạm Quốc Huy' }] });
    const after = await view();
    expect(after.warnings).toEqual(['B: 66,7% > 50%', 'C: 33,3% > 30%']);
    expect(after.changes).toEqual([expect.objectContaining({ personName: 'Vũ Đình Khoa', beforeGrade: 'A', afterGrade: 'B', reason: 'Cân đối với nhóm', score: 1 })]);
    expect((await khoaClient.get(`/api/appraisal/cycles/${cycleId}/calibration`)).statusCode).toBe(403);
    // Back to A for the pay figures below.
    expect((await admin.post(`/api/appraisal/sheets/${sheets.khoa}/calibrate`, { grade: 'A', reason: 'Hoàn tác' })).statusCode).toBe(200);
  });

  it('pay simulator: current bonus under the rule in effect beside what-ifs; a 100.000.000 ₫ pool over bases 10, 8, 12 million × 1.5, 1.0, 1.2', async () => {
    const base = async (id: number, amount: number) => expect((await admin.put(`/api/appraisal/sheets/${id}/bonus-base`, { base: amount })).statusCode).toBe(200);
    await base(sheets.khoa, 10_000_000);
    await base(sheets.dung, 8_000_000);
    await base(sheets.trang, 12_000_000);
    expect((await manager.put(`/api/appraisal/sheets/${sheets.khoa}/bonus-base`, { base: 1 })).statusCode).toBe(403);
    type PayBody = { rows: { personName: string; current: { grade: string; coefficient: number; bonus: number }; whatIf: { grade: string; coefficient: number; bonus: number } }[]; totals: { current: number; whatIf: number; difference: number } };
    const pay = async (whatIf: object) => {
      const res = await manager.post(`/api/appraisal/cycles/${cycleId}/pay`, { whatIf });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as PayBody;
      return { byName: Object.fromEntries(body.rows.map((r) => [r.personName, r])), totals: body.totals };
    };
    const pool = await pay({ pool: 100_000_000 });
    expect(Object.fromEntries(Object.entries(pool.byName).map(([n, r]) => [n, [r.current.grade, r.current.coefficient, r.current.bonus, r.whatIf.bonus]]))).toEqual({
      'Vũ Đình Khoa': ['A', 1.5, 15_000_000, 40_107_000],
      'Bùi Tiến Dũng': ['C', 1, 8_000_000, 21_390_000],
      'Đặng Thu Trang': ['B', 1.2, 14_400_000, 38_503_000],
    });
    expect(pool.totals).toEqual({ current: 37_400_000, whatIf: 100_000_000, difference: 62_600_000 });
    // The final score as the coefficient, at half the rate: 10M × 0.5 × 1.0, 8M × 0.5 × 0.6, 12M × 0.5 × 0.8.
    const score = await pay({ coefficients: 'score', rate: 0.5 });
    expect(Object.values(score.byName).map((r) => r.whatIf.bonus).sort((a, b) => a - b)).toEqual([2_400_000, 4_800_000, 5_000_000]);
    expect(score.totals.whatIf).toBe(12_200_000);
    // Stricter bands move Trang (0.8) from B to C.
    const strict = await pay({ bands: [{ grade: 'A', min: 0.95 }, { grade: 'B', min: 0.85 }, { grade: 'C', min: 0.5 }, { grade: 'D', min: 0 }] });
    expect(strict.byName['Đặng Thu Trang']!.whatIf).toEqual({ grade: 'C', coefficient: 1, bonus: 12_000_000 });
    const missing = await manager.post(`/api/appraisal/cycles/${cycleId}/pay`, { whatIf: { coefficients: { A: 2 } } });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([422, 'APPRAISAL_COEFFICIENT_MISSING']);
    expect((await khoaClient.post(`/api/appraisal/cycles/${cycleId}/pay`, { whatIf: {} })).statusCode).toBe(403);
  });

  it('payroll XLSX: one row per person, VND and dd/mm/yyyy formats, formula-looking names written as text', async () => {
    await sql`UPDATE people SET full_name = '=HYPERLINK("http://x.example","Bấm")' WHERE id = ${people.get('dung.bui@minhan.vn')!.id}`.execute(t.database.db);
    const res = await manager.get(`/api/appraisal/cycles/${cycleId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Mã nhân viên (email)', 'Họ và tên', 'Đơn vị', 'Chức danh', 'Từ ngày', 'Đến ngày', 'Kết quả đầu ra', 'Hành vi', 'Điểm cuối', 'Xếp loại', 'Hệ số thưởng', 'Mức thưởng cơ sở', 'Thưởng KPI']);
    expect(ws.rowCount).toBe(4);
    const rows = [2, 3, 4].map((n) => ws.getRow(n));
    const khoa = rows.find((r) => r.getCell(1).value === 'nhanvien@minhan.vn')!;
    expect(khoa.getCell(2).value).toBe('Vũ Đình Khoa');
    expect(khoa.getCell(5).value).toEqual(new Date('2040-01-01T00:00:00Z'));
    expect(khoa.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect([khoa.getCell(9).value, khoa.getCell(10).value, khoa.getCell(11).value, khoa.getCell(12).value, khoa.getCell(13).value]).toEqual([1, 'A', 1.5, 10_000_000, 15_000_000]);
    expect(khoa.getCell(13).numFmt).toBe('#,##0 "₫"');
    // Group scores: no KPI values in 2040, so Output has none (empty cell); Behavior 5 ÷ 5 = 1, Trang's 4 ÷ 5 = 0.8
    expect([khoa.getCell(7).value, khoa.getCell(8).value]).toEqual([null, 1]);
    const trang = rows.find((r) => r.getCell(1).value === 'trang.dang@minhan.vn')!;
    expect([trang.getCell(7).value, trang.getCell(8).value, trang.getCell(9).value]).toEqual([null, 0.8, 0.8]);
    const dung = rows.find((r) => r.getCell(1).value === 'dung.bui@minhan.vn')!;
    expect(dung.getCell(2).value).toBe('\'=HYPERLINK("http://x.example","Bấm")');
    expect(dung.getCell(2).formula).toBeUndefined();
    expect((await khoaClient.get(`/api/appraisal/cycles/${cycleId}/export.xlsx`)).statusCode).toBe(403);
  });

  it('a locked cycle refuses every sheet write with 409 CYCLE_LOCKED and changes nothing; after publish the employee sees both reviews', async () => {
    await movePhase(admin, cycleId, 'locked');
    const s = await sheet(admin, sheets.trang);
    const rev = item(s, 'REV').id;
    const onTime = item(s, 'ON_TIME').id;
    const before = await fingerprint();
    const writes: [ApiClient, 'post' | 'put', string, object | undefined][] = [
      [manager, 'put', `/api/appraisal/sheets/${sheets.trang}/items`, { groups: [{ code: 'output', weight: 60 }, { code: 'behavior', weight: 40 }], items: s.items.map((i) => ({ id: i.id, kind: i.kind, group: i.kind === 'kpi' ? 'output' : 'behavior', code: i.code, name: { vi: i.code, en: i.code }, weight: i.weight, ...(i.kind === 'kpi' ? { kpiCode: i.code === 'REV' ? 'SALES_MB_REVENUE' : 'ORDERS' } : { scale: 5, levels: [] }) })) }],
      [manager, 'post', `/api/appraisal/sheets/${sheets.trang}/items/${rev}/agreement`, { action: 'finalize', value: 1, reason: 'x' }],
      [khoaClient, 'post', `/api/appraisal/sheets/${sheets.khoa}/items/${item(await sheet(admin, sheets.khoa), 'REV').id}/agreement`, { action: 'accept' }],
      [khoaClient, 'put', `/api/appraisal/sheets/${sheets.khoa}/self`, { items: [] }],
      [manager, 'put', `/api/appraisal/sheets/${sheets.trang}/review`, { items: [{ id: onTime, rating: 1, comment: 'x' }] }],
      [admin, 'post', `/api/appraisal/sheets/${sheets.trang}/approve`, undefined],
      [admin, 'post', `/api/appraisal/sheets/${sheets.trang}/calibrate`, { grade: 'A', reason: 'x' }],
      [admin, 'put', `/api/appraisal/sheets/${sheets.trang}/bonus-base`, { base: 1 }],
    ];
    for (const [client, method, url, body] of writes) {
      const res = await client[method](url, body);
      expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 409, 'CYCLE_LOCKED']);
    }
    expect(await fingerprint()).toBe(before);
    expect(((await khoaClient.get('/api/appraisal/my')).json() as { items: { id: number }[] }).items.some((x) => x.id === sheets.khoa)).toBe(false);
    await movePhase(admin, cycleId, 'published');
    const published = await sheet(khoaClient, sheets.khoa);
    expect(item(published, 'ON_TIME')).toMatchObject({ managerRating: 5, managerComment: 'Vượt kỳ vọng: hỗ trợ cả nhóm', selfRating: 4, pace: null });
    expect([published.score, published.grade]).toEqual([1, 'A']);
    expect(((await khoaClient.get('/api/appraisal/my')).json() as { items: { id: number }[] }).items.some((x) => x.id === sheets.khoa)).toBe(true);
  });
});
