import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, createCycle, createTemplate, movePhase, peopleByEmail } from '../../../test/helpers/appraisal-fixture';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

/**
 * One cycle (2040) with one sheet: Khoa (nhanvien@minhan.vn), reviewed by his manager Lan (lan.hoang@minhan.vn), who is
 * given an English login here; the head of KD (truong.kd@minhan.vn) proposes the targets.
 */
describe.each(engines())('appraisal and cycle notices on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let khoa: ApiClient;
  let lan: ApiClient;
  let cycleId: number;
  let sheetId: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    [admin, manager, khoa] = await Promise.all([t.as('admin@minhan.vn'), t.as('truong.kd@minhan.vn'), t.as('nhanvien@minhan.vn')]);
    const people = await peopleByEmail(admin);
    const login = await admin.post('/api/users', { email: 'lan.hoang@minhan.vn', name: 'Hoàng Thị Lan', role: 'manager', password: 'lan-hoang-mat-khau', locale: 'en', personId: people.get('lan.hoang@minhan.vn')!.id });
    expect(login.statusCode, login.body).toBe(201);
    lan = await t.as('lan.hoang@minhan.vn', 'lan-hoang-mat-khau');
    const templateId = await createTemplate(admin, 'NOTICE_SALES');
    cycleId = await createCycle(admin, 'NOTICE_2040', '2040');
    sheetId = (await assign(admin, cycleId, templateId, [people.get('nhanvien@minhan.vn')!.id])).values().next().value!;
  });
  afterAll(() => t.close());

  const bell = async (client: ApiClient) => ((await client.get('/api/notifications')).json().items as { kind: string; title: string; link: string }[]).map((n) => [n.kind, n.title, n.link]);
  const items = async () => (await admin.get(`/api/appraisal/sheets/${sheetId}`)).json().items as { id: number; code: string; kind: string }[];

  it('asks the person to agree a proposed target, and the reviewer to review a submitted self-assessment', async () => {
    const rev = (await items()).find((i) => i.code === 'REV')!;
    const proposed = await manager.post(`/api/appraisal/sheets/${sheetId}/items/${rev.id}/agreement`, { action: 'propose', value: 1200000000, reason: 'Kế hoạch năm' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const [first] = await bell(khoa);
    expect(first).toEqual(['appraisal.agreement', expect.stringMatching(/^Đề nghị thống nhất chỉ tiêu: /), `/appraisal/sheets/${sheetId}`]);
    const mail = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'body_text']).where('subject', 'like', 'Đề nghị thống nhất%').execute();
    expect(mail.map((m) => m.to_address)).toEqual(['nhanvien@minhan.vn']);
    expect(mail[0]!.body_text).toContain('Chỉ tiêu đề xuất: 1.200.000.000.');

    await movePhase(admin, cycleId, 'self');
    const rated = (await items()).filter((i) => i.kind === 'rated').map((i) => ({ id: i.id, rating: 4, comment: 'Đúng hạn' }));
    const submitted = await khoa.put(`/api/appraisal/sheets/${sheetId}/self`, { items: rated, submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await bell(lan)).toEqual([['appraisal.review', 'Vũ Đình Khoa submitted a self-assessment', `/appraisal/sheets/${sheetId}`]]);
  });

  it('tells everyone with a sheet when the cycle is locked and when it is published', async () => {
    await movePhase(admin, cycleId, 'locked');
    await movePhase(admin, cycleId, 'published');
    const cycleNotices = (await bell(khoa)).filter(([kind]) => kind!.startsWith('cycle.'));
    expect(cycleNotices.map(([kind, title]) => [kind, title])).toEqual([
      ['cycle.published', 'Kỳ đánh giá "Kỳ NOTICE_2040" đã công bố kết quả'],
      ['cycle.locked', 'Kỳ đánh giá "Kỳ NOTICE_2040" đã chốt kết quả'],
    ]);
    // the manager has no sheet in this cycle
    expect((await bell(manager)).filter(([kind]) => kind!.startsWith('cycle.'))).toEqual([]);
  });
});
