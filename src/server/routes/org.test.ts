import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';

interface Unit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

describe.each(engines())('org chart API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let units: Map<string, Unit>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    units = new Map(((await admin.get('/api/org-units')).json().items as Unit[]).map((u) => [u.code, u]));
  });
  afterAll(() => t.close());

  const peopleCount = async () => (await admin.get('/api/people?limit=1')).json().total as number;

  it('creates a unit and a person, both in the audit log with before/after', async () => {
    const unit = await admin.post('/api/org-units', { code: 'CSKH', name: 'Phòng Chăm sóc khách hàng', parentId: units.get('MA')!.id });
    expect(unit.statusCode).toBe(201);
    const person = await admin.post('/api/people', { fullName: 'Phùng Thị Xuân', email: 'xuan@minhan.vn', unitId: unit.json().id });
    expect(person.statusCode).toBe(201);
    const audit = (await admin.get('/api/audit?limit=5')).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'person', entityId: String(person.json().id), actorName: 'Phạm Quốc Huy', system: false, before: null });
    expect(audit[0].after).toMatchObject({ fullName: 'Phùng Thị Xuân' });
    expect(audit[1]).toMatchObject({ action: 'create', entity: 'org_unit', entityId: String(unit.json().id) });
  });

  it('marks what the system wrote (the demo load), so the page can name it in the reader’s language', async () => {
    const oldest = (await admin.get('/api/audit?limit=200')).json().items.at(-1);
    expect(oldest).toMatchObject({ system: true });
  });

  it('renames, moves and archives a unit, and refuses a cycle naming the path', async () => {
    const kd = units.get('KD')!;
    const mb = units.get('KD-MB')!;
    const res = await admin.patch(`/api/org-units/${kd.id}`, { parentId: mb.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ORG_CYCLE');
    expect(res.json().error.message).toContain('Phòng Kinh doanh → Nhóm Kinh doanh Miền Bắc → Phòng Kinh doanh');
    expect((await admin.get('/api/org-units')).json().items.find((u: Unit) => u.id === kd.id).parentId).toBe(units.get('MA')!.id);

    const temp = (await admin.post('/api/org-units', { code: 'TMP', name: 'Tạm', parentId: kd.id })).json();
    expect((await admin.patch(`/api/org-units/${temp.id}`, { name: 'Tạm thời', parentId: units.get('NS')!.id })).json()).toMatchObject({
      name: 'Tạm thời',
      parentId: units.get('NS')!.id,
    });
    expect((await admin.patch(`/api/org-units/${temp.id}`, { archived: true })).json().archived).toBe(true);
    const intoArchived = await admin.post('/api/people', { fullName: 'Ai đó', unitId: temp.id });
    expect(intoArchived.statusCode).toBe(400);
    expect(intoArchived.json().error.issues).toEqual([{ path: 'unitId', code: 'archived', message: 'Phòng ban "Tạm thời" đã lưu trữ.' }]);
  });

  it('rejects bad input precisely and writes nothing', async () => {
    const before = await peopleCount();
    const malformed = await admin.request({ method: 'POST', url: '/api/people', payload: '{"fullName": "A",', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_JSON');

    admin.lang = 'en';
    const bad = await admin.post('/api/people', { fullName: 'x'.repeat(201), unitId: 'abc', email: 'not-mail', salary: 5 });
    admin.lang = 'vi';
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.issues).toEqual([
      { path: 'fullName', code: 'too_big', message: 'Field "fullName" must be at most 200 characters long.' },
      { path: 'email', code: 'invalid_email', message: 'Field "email" is not a valid email.' },
      { path: 'unitId', code: 'invalid_type', message: 'Field "unitId" must be a number.' },
      { path: 'salary', code: 'unknown_field', message: 'Unknown field "salary".' },
    ]);

    const missing = await admin.post('/api/people', {});
    expect(missing.json().error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual(['fullName:required', 'unitId:required']);

    const ghostUnit = await admin.post('/api/people', { fullName: 'Ma', unitId: 99999 });
    expect(ghostUnit.statusCode).toBe(422);
    expect(ghostUnit.json().error).toEqual({
      code: 'REFERENCE_NOT_FOUND',
      message: 'Dữ liệu nhân sự không hợp lệ.',
      issues: [{ path: 'unitId', code: 'not_found', message: 'Phòng ban #99999 không tồn tại.' }],
    });
    const dupCode = await admin.post('/api/org-units', { code: 'kd', name: 'Trùng', parentId: null });
    expect(dupCode.statusCode).toBe(409);
    expect(await peopleCount()).toBe(before);
  });

  it('scopes access: an employee sees only themselves and gets 403 for another unit', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    const mine = (await employee.get('/api/people')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].email).toBe('nhanvien@minhan.vn');
    const other = await employee.get(`/api/people?unitId=${units.get('KT')!.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Bạn không có quyền xem nhân sự của phòng ban này.' } });
    expect(other.body).not.toContain('@minhan.vn');
    const accountant = (await admin.get(`/api/people?unitId=${units.get('KT')!.id}`)).json().items[0];
    expect((await employee.get(`/api/people/${accountant.id}`)).statusCode).toBe(403);
    expect((await employee.post('/api/org-units', { code: 'X1', name: 'X', parentId: units.get('KD')!.id })).statusCode).toBe(403);
  });

  it('scopes a manager to their unit subtree', async () => {
    const manager = await t.as('truong.kd@minhan.vn');
    const list = (await manager.get('/api/people?limit=200')).json();
    // Sales: head + 2 team leads + 8 (North) + 8 (South) = 19 people in KD, KD-MB, KD-MN.
    expect(list.total).toBe(19);
    expect(new Set(list.items.map((p: { unitId: number }) => p.unitId))).toEqual(new Set(['KD', 'KD-MB', 'KD-MN'].map((c) => units.get(c)!.id)));
    expect((await manager.get(`/api/people?unitId=${units.get('MKT')!.id}`)).statusCode).toBe(403);
    const added = await manager.post('/api/people', { fullName: 'Nhân viên mới', unitId: units.get('KD-MN')!.id });
    expect(added.statusCode).toBe(201);
    const elsewhere = await manager.post('/api/people', { fullName: 'Không được', unitId: units.get('MKT')!.id });
    expect(elsewhere.statusCode).toBe(403);
    expect((await manager.get('/api/audit')).statusCode).toBe(403);
  });

  it('refuses a manager loop between people', async () => {
    const a = (await admin.post('/api/people', { fullName: 'Người A', unitId: units.get('NS')!.id })).json();
    const b = (await admin.post('/api/people', { fullName: 'Người B', unitId: units.get('NS')!.id, managerId: a.id })).json();
    const loop = await admin.patch(`/api/people/${a.id}`, { managerId: b.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.issues[0]).toMatchObject({ path: 'managerId', code: 'cycle' });
  });
});
