import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

const names = (vi: string, en: string) => ({ vi, en });
const levels5 = [1, 2, 3, 4, 5].map((n) => names(`Mức ${n}`, `Level ${n}`));

/** A sales sheet: Output (two KPIs), Behavior and Competencies (rated 1–5); weights as given. */
function salesTemplate(code: string, w: { groups?: number[]; output?: number[] } = {}) {
  const [g1, g2, g3] = w.groups ?? [60, 20, 20];
  const [o1, o2] = w.output ?? [70, 30];
  return {
    code,
    name: `Phiếu ${code}`,
    positionId: null,
    groups: [
      {
        code: 'output',
        name: names('Kết quả đầu ra', 'Output'),
        weight: g1,
        items: [
          { kind: 'kpi', code: 'REV', name: names('Doanh thu', 'Revenue'), weight: o1, kpiCode: 'SALES_MB_REVENUE' },
          { kind: 'kpi', code: 'ORD', name: names('Đơn hàng', 'Orders'), weight: o2, kpiCode: 'ORDERS' },
        ],
      },
      { code: 'behavior', name: names('Hành vi', 'Behavior'), weight: g2, items: [{ kind: 'rated', code: 'ON_TIME', name: names('Đúng giờ', 'On time'), weight: 100, scale: 5, levels: levels5 }] },
      { code: 'competency', name: names('Năng lực', 'Competencies'), weight: g3, items: [{ kind: 'rated', code: 'PRODUCT', name: names('Sản phẩm', 'Product'), weight: 100, scale: 5, levels: levels5 }] },
    ] as { code: string; name: object; weight: number; items: Record<string, unknown>[] }[],
  };
}

interface Person {
  id: number;
  email: string | null;
  unitId: number;
  positionId: number | null;
  fullName: string;
}

describe.each(engines())('appraisal set-up API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let employee: ApiClient;
  let people: Map<string, Person>;
  let units: Map<string, number>;
  let templateId: number;

  const count = async (table: 'appraisal_sheets' | 'appraisal_items' | 'appraisal_templates' | 'appraisal_cycles' | 'appraisal_target_versions' | 'appraisal_bonus_rules') =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);
  const newCycle = async (code: string, period: string, frequency = 'quarterly', extra: object = {}) => {
    const res = await admin.post('/api/appraisal/cycles', { code, name: `Kỳ ${code}`, frequency, period, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; startsOn: string; endsOn: string; phase: string; bands: unknown; bonusRule: unknown };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    manager = await t.as('truong.kd@minhan.vn');
    employee = await t.as('nhanvien@minhan.vn');
    const list = (await admin.get('/api/people?limit=500')).json().items as Person[];
    people = new Map(list.filter((p) => p.email).map((p) => [p.email!, p]));
    units = new Map(((await admin.get('/api/org-units')).json().items as { id: number; code: string }[]).map((u) => [u.code, u.id]));
    const created = await admin.post('/api/appraisal/templates', salesTemplate('SALES'));
    expect(created.statusCode, created.body).toBe(201);
    templateId = created.json().id;
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('accepts weights that total exactly 100 in decimal: 33.33 + 33.33 + 33.34 and 10.1 + 20.2 + 69.7', async () => {
      const body = salesTemplate('DECIMAL', { groups: [33.33, 33.33, 33.34] });
      body.groups[0]!.items.push({ kind: 'kpi', code: 'LEADS', name: names('Khách tiềm năng', 'Leads'), weight: 69.7, kpiCode: 'LEADS' });
      body.groups[0]!.items[0]!.weight = 10.1;
      body.groups[0]!.items[1]!.weight = 20.2;
      const res = await admin.post('/api/appraisal/templates', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ code: 'DECIMAL', archived: false, sheets: 0 });
      expect(res.json().groups.map((g: { weight: number }) => g.weight)).toEqual([33.33, 33.33, 33.34]);
      expect((await admin.get(`/api/appraisal/templates/${res.json().id}`)).json().groups[0].items.map((i: { weight: number }) => i.weight)).toEqual([10.1, 20.2, 69.7]);
    });

    it('refuses 99.99 with the actual total, lists every bad level with its path, and writes nothing', async () => {
      const before = await count('appraisal_templates');
      // Groups 60 + 20 + 19.99 = 99.99; the output items 70 + 31 = 101.
      const res = await admin.post('/api/appraisal/templates', salesTemplate('BAD', { groups: [60, 20, 19.99], output: [70, 31] }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('APPRAISAL_WEIGHTS_TOTAL');
      expect(res.json().error.message).toContain('99,99');
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['groups', 'groups.0.items']);
      expect(res.json().error.issues[1].message).toContain('101');
      admin.lang = 'en';
      const en = await admin.post('/api/appraisal/templates', salesTemplate('BAD', { groups: [60, 20, 19.99] }));
      admin.lang = 'vi';
      expect(en.json().error.message).toBe('The weights of the groups total 99.99; they must total exactly 100');
      expect(await count('appraisal_templates')).toBe(before);
    });

    it('refuses an unknown KPI, a rated item without one descriptor per level, and a taken code', async () => {
      const body = salesTemplate('REFS');
      (body.groups[0]!.items[1] as { kpiCode: string }).kpiCode = 'NO_SUCH_KPI';
      (body.groups[1]!.items[0] as { levels: unknown[] }).levels = levels5.slice(0, 4);
      const res = await admin.post('/api/appraisal/templates', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.issues).toEqual([
        expect.objectContaining({ path: 'groups.0.items.1.kpiCode', code: 'APPRAISAL_KPI_UNKNOWN' }),
        expect.objectContaining({ path: 'groups.1.items.0.levels', code: 'APPRAISAL_LEVELS_COUNT', message: 'Tiêu chí "ON_TIME" chấm trên thang 5 cần đúng 5 mô tả mức (có 4)' }),
      ]);
      const taken = await admin.post('/api/appraisal/templates', salesTemplate('sales'));
      expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'APPRAISAL_CODE_TAKEN']);
    });

    it('edits and archives (audited); an archived template cannot be edited; managers and employees read the list but do not edit', async () => {
      const id = (await admin.post('/api/appraisal/templates', salesTemplate('EDIT'))).json().id;
      const edited = await admin.put(`/api/appraisal/templates/${id}`, { ...salesTemplate('EDIT'), name: 'Phiếu đã sửa' });
      expect([edited.statusCode, edited.json().name]).toEqual([200, 'Phiếu đã sửa']);
      expect((await admin.post(`/api/appraisal/templates/${id}/archive`)).json().archived).toBe(true);
      const again = await admin.put(`/api/appraisal/templates/${id}`, salesTemplate('EDIT'));
      expect([again.statusCode, again.json().error.code]).toEqual([422, 'APPRAISAL_TEMPLATE_ARCHIVED']);
      const audit = (await admin.get('/api/audit?limit=5')).json().items as { action: string; entity: string; entityId: string; before: unknown; after: unknown }[];
      expect(audit.slice(0, 3).map((a) => [a.action, a.entity, a.entityId])).toEqual([
        ['archive', 'appraisal_template', String(id)],
        ['update', 'appraisal_template', String(id)],
        ['create', 'appraisal_template', String(id)],
      ]);
      expect(audit[1]).toMatchObject({ before: { name: 'Phiếu EDIT' }, after: { name: 'Phiếu đã sửa' } });
      expect((await employee.get('/api/appraisal/templates')).statusCode).toBe(200);
      expect((await manager.put(`/api/appraisal/templates/${templateId}`, salesTemplate('SALES'))).statusCode).toBe(403);
    });
  });

  describe('bonus rules', () => {
    it('keeps versions by effective date; a cycle gets the newest one on or before its last day', async () => {
      const first = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2036-01-01', rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1, D: 0.5 }, roundStep: 1000 });
      expect(first.statusCode, first.body).toBe(201);
      const second = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2036-10-01', rate: 0.8, coefficients: 'score', roundStep: 10000, note: 'Quý 4' });
      expect(second.statusCode, second.body).toBe(201);
      const dup = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2036-10-01', rate: 1, coefficients: 'score', roundStep: 1000 });
      expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'APPRAISAL_RULE_DATE_TAKEN']);
      // Newest first; the demo company's own rule (from last year) comes after these.
      const list = (await admin.get('/api/appraisal/bonus-rules')).json().items;
      expect(list.map((r: { effectiveFrom: string }) => r.effectiveFrom).slice(0, 2)).toEqual(['2036-10-01', '2036-01-01']);
      // Q3 ends 30/09: the January rule; Q4 ends 31/12: the October rule; 2000 has none.
      expect((await newCycle('BR-Q3', '2036-Q3')).bonusRule).toMatchObject({ effectiveFrom: '2036-01-01', coefficients: { A: 1.5 } });
      expect((await newCycle('BR-Q4', '2036-Q4')).bonusRule).toMatchObject({ effectiveFrom: '2036-10-01', rate: 0.8, coefficients: 'score', roundStep: 10000 });
      expect((await newCycle('BR-2000', '2000', 'yearly')).bonusRule).toBeNull();
      expect((await manager.get('/api/appraisal/bonus-rules')).statusCode).toBe(200);
      expect((await employee.get('/api/appraisal/bonus-rules')).statusCode).toBe(403);
    });

    it('refuses a table that misses a grade of a cycle it would govern, and a non-existent date', async () => {
      const before = await count('appraisal_bonus_rules');
      const res = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2036-12-01', rate: 1, coefficients: { A: 1.5, B: 1.2, C: 1 }, roundStep: 1000 });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.issues[0]).toMatchObject({ path: 'coefficients', code: 'APPRAISAL_COEFFICIENT_MISSING', message: 'Bảng hệ số thưởng không có xếp loại "D" (kỳ "Kỳ BR-Q4")' });
      const day = await admin.post('/api/appraisal/bonus-rules', { effectiveFrom: '2036-02-30', rate: 1, coefficients: 'score', roundStep: 1000 });
      expect([day.statusCode, day.json().error.issues[0].path]).toEqual([422, 'effectiveFrom']);
      expect(await count('appraisal_bonus_rules')).toBe(before);
    });
  });

  describe('cycles', () => {
    it('turns period keys into dates (a half is Jan–Jun / Jul–Dec) and refuses a key of another frequency', async () => {
      expect(await newCycle('H2', '2027-H2', 'half-yearly')).toMatchObject({ startsOn: '2027-07-01', endsOn: '2027-12-31', phase: 'targets' });
      expect(await newCycle('H1', '2028-H1', 'half-yearly')).toMatchObject({ startsOn: '2028-01-01', endsOn: '2028-06-30' });
      expect(await newCycle('M02', '2028-02', 'monthly')).toMatchObject({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
      expect(await newCycle('Y27', '2027', 'yearly')).toMatchObject({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
      const c = await newCycle('Q27', '2027-Q3');
      expect(c).toMatchObject({ startsOn: '2027-07-01', endsOn: '2027-09-30', missing: 'renormalize', bands: [{ grade: 'A', min: 1.05 }, { grade: 'B', min: 0.95 }, { grade: 'C', min: 0.8 }, { grade: 'D', min: 0 }] });
      const before = await count('appraisal_cycles');
      const bad = await admin.post('/api/appraisal/cycles', { code: 'BAD', name: 'Sai', frequency: 'quarterly', period: '2027-07' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error).toMatchObject({ code: 'APPRAISAL_PERIOD_MISMATCH', message: 'Kỳ "2027-07" không khớp tần suất quý: dùng dạng 2026-Q3' });
      const bands = await admin.post('/api/appraisal/cycles', {
        code: 'BANDS',
        name: 'Sai khung',
        frequency: 'yearly',
        period: '2029',
        bands: [{ grade: 'A', min: 1 }, { grade: 'A', min: 1 }],
        deadlines: { self: '2029-12-20', review: '2029-12-10' },
      });
      expect(bands.statusCode).toBe(422);
      expect(bands.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['bands.1.grade', 'bands.1.min', 'deadlines.review']);
      expect(await count('appraisal_cycles')).toBe(before);
      const taken = await admin.post('/api/appraisal/cycles', { code: 'q27', name: 'Trùng', frequency: 'yearly', period: '2030' });
      expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'APPRAISAL_CODE_TAKEN']);
    });
  });

  describe('assignment', () => {
    it('assigns a unit with its sub-units: exactly the active people there, items copied, own KPI targets proposed', async () => {
      const nv = people.get('nhanvien@minhan.vn')!;
      // The employee's own revenue target for the quarter (9.6 tỷ) is where the sheet's target starts from.
      const target = await admin.put('/api/kpis/SALES_MB_REVENUE/targets', { scope: { type: 'person', id: nv.id }, targets: [{ period: '2027-Q1', value: 9_600_000_000 }] });
      expect(target.statusCode, target.body).toBe(200);
      const cycle = await newCycle('ASSIGN', '2027-Q1');
      const res = await manager.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD')!, includeSubunits: true });
      expect(res.statusCode, res.body).toBe(200);
      // KD: the manager himself (skipped); KD-MB: 9 people; KD-MN: 9 people (the demo org chart).
      expect(res.json().created).toBe(18);
      expect(res.json().skipped).toEqual([{ personId: people.get('truong.kd@minhan.vn')!.id, reason: 'Không tự giao phiếu cho chính mình: cấp trên của bạn giao.' }]);
      const sheets = (await sql<{ person_id: number; unit_id: number; reviewer_id: number; starts_on: string; ends_on: string; items: string }>`
        SELECT s.person_id, s.unit_id, s.reviewer_id, s.starts_on::text, s.ends_on::text, (SELECT count(*) FROM appraisal_items i WHERE i.sheet_id = s.id) AS items
        FROM appraisal_sheets s WHERE s.cycle_id = ${cycle.id}`.execute(t.database.db)).rows;
      const expected = [...people.values()].filter((p) => [units.get('KD-MB'), units.get('KD-MN')].includes(p.unitId)).map((p) => p.id).sort((a, b) => a - b);
      expect(sheets.map((s) => s.person_id).sort((a, b) => a - b)).toEqual(expected);
      expect(sheets.every((s) => s.starts_on === '2027-01-01' && s.ends_on === '2027-03-31' && Number(s.items) === 4)).toBe(true);
      expect(sheets.find((s) => s.person_id === nv.id)!.reviewer_id).toBe(people.get('lan.hoang@minhan.vn')!.id);
      const items = (await sql<{ code: string; group_code: string; target: string | null; target_status: string; weight: string; sort: number; levels: unknown }>`
        SELECT i.code, i.group_code, i.target, i.target_status, i.weight, i.sort, i.levels FROM appraisal_items i JOIN appraisal_sheets s ON s.id = i.sheet_id
        WHERE s.cycle_id = ${cycle.id} AND s.person_id = ${nv.id} ORDER BY i.sort`.execute(t.database.db)).rows;
      expect(items.map((i) => [i.code, i.group_code, Number(i.weight), i.target === null ? null : Number(i.target), i.target_status])).toEqual([
        ['REV', 'output', 70, 9_600_000_000, 'proposed'],
        ['ORD', 'output', 30, null, 'none'],
        ['ON_TIME', 'behavior', 100, null, 'none'],
        ['PRODUCT', 'competency', 100, null, 'none'],
      ]);
      expect((items[2]!.levels as unknown[]).length).toBe(5);
      const versions = (await sql<{ action: string; value: string; actor_name: string }>`
        SELECT v.action, v.value, v.actor_name FROM appraisal_target_versions v JOIN appraisal_items i ON i.id = v.item_id
        JOIN appraisal_sheets s ON s.id = i.sheet_id WHERE s.cycle_id = ${cycle.id}`.execute(t.database.db)).rows;
      expect(versions).toEqual([{ action: 'propose', value: '9600000000', actor_name: 'Lê Văn Đức' }]);
      const audit = (await admin.get('/api/audit?limit=1')).json().items[0];
      expect(audit).toMatchObject({ action: 'create', entity: 'appraisal_cycle', entityId: String(cycle.id), actorName: 'Lê Văn Đức' });
      expect(audit.after.assigned.sheets).toHaveLength(18);

      // Assigning again skips everyone who already has a sheet over those days.
      const again = await manager.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD-MB')!, positionId: nv.positionId! });
      expect(again.json().created).toBe(0);
      expect(again.json().skipped).toHaveLength(8);
      expect(again.json().skipped[0].reason).toBe('Đã có phiếu từ 01/01/2027 đến 31/03/2027 trùng các ngày này.');

      // Lists count only the sheets the reader may read: the manager 18, the employee their own one.
      expect((await manager.get(`/api/appraisal/cycles/${cycle.id}`)).json().sheets).toBe(18);
      expect((await employee.get(`/api/appraisal/cycles/${cycle.id}`)).json().sheets).toBe(1);
      expect((await employee.get('/api/appraisal/cycles')).json().items.find((c: { id: number }) => c.id === cycle.id).sheets).toBe(1);
    });

    it('refuses a manager who picks anyone outside their subtree (403) and writes nothing', async () => {
      const cycle = await newCycle('OUTSIDE', '2027-Q2');
      const [sheets, items] = [await count('appraisal_sheets'), await count('appraisal_items')];
      const mixed = await manager.post(`/api/appraisal/cycles/${cycle.id}/assign`, {
        templateId,
        personIds: [people.get('nhanvien@minhan.vn')!.id, people.get('tuan.kieu@minhan.vn')!.id],
      });
      expect([mixed.statusCode, mixed.json().error.code]).toEqual([403, 'FORBIDDEN']);
      const unit = await manager.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('MKT')! });
      expect(unit.statusCode).toBe(403);
      expect((await employee.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [people.get('nhanvien@minhan.vn')!.id] })).statusCode).toBe(403);
      expect([await count('appraisal_sheets'), await count('appraisal_items')]).toEqual([sheets, items]);
    });

    it('refuses an inactive person (422 naming them), an archived template, and an unknown person, writing nothing', async () => {
      const cycle = await newCycle('INACTIVE', '2027-Q4');
      const leaver = people.get('trang.dang@minhan.vn')!;
      expect((await admin.patch(`/api/people/${leaver.id}`, { active: false })).statusCode).toBe(200);
      const sheets = await count('appraisal_sheets');
      const res = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [people.get('nhanvien@minhan.vn')!.id, leaver.id] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'APPRAISAL_PERSON_INACTIVE', message: 'Không giao phiếu cho người đã nghỉ việc: Đặng Thu Trang.' });
      expect(res.json().error.issues).toEqual([{ path: 'personIds.1', code: 'APPRAISAL_PERSON_INACTIVE', message: 'Đặng Thu Trang đã nghỉ việc' }]);
      const unknown = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [999_999] });
      expect([unknown.statusCode, unknown.json().error.issues[0].path]).toEqual([422, 'personIds.0']);
      // By unit, people who left are simply not picked: KD-MB has 9 people, one left.
      const unit = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD-MB')! });
      expect(unit.json()).toEqual({ created: 8, skipped: [] });
      expect(await count('appraisal_sheets')).toBe(sheets + 8);
      const archived = (await admin.post('/api/appraisal/templates', salesTemplate('OLD'))).json().id;
      await admin.post(`/api/appraisal/templates/${archived}/archive`);
      const old = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId: archived, unitId: units.get('KD-MN')! });
      expect([old.statusCode, old.json().error.code]).toEqual([422, 'APPRAISAL_TEMPLATE_ARCHIVED']);
      expect(await count('appraisal_sheets')).toBe(sheets + 8);
      await admin.patch(`/api/people/${leaver.id}`, { active: true });
    });

    it('gives a person who changes position mid-cycle a second sheet that starts where the first now ends', async () => {
      const cycle = await newCycle('MOVE', '2028-Q3');
      const nam = people.get('nam.ly@minhan.vn')!;
      const khoa = people.get('nhanvien@minhan.vn')!;
      expect((await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [nam.id, khoa.id] })).json().created).toBe(2);
      const lead = ((await admin.get('/api/positions')).json().items as { id: number; code: string }[]).find((p) => p.code === 'truong-nhom')!;
      expect((await admin.patch(`/api/people/${nam.id}`, { positionId: lead.id })).statusCode).toBe(200);
      // From 31/08 on: Nam (new position) gets a second sheet; Khoa (same position) is skipped.
      const res = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [nam.id, khoa.id], startsOn: '2028-08-31' });
      expect(res.json().created).toBe(1);
      expect(res.json().skipped.map((s: { personId: number }) => s.personId)).toEqual([khoa.id]);
      const rows = (await sql<{ starts_on: string; ends_on: string; position_id: number }>`
        SELECT starts_on::text, ends_on::text, position_id FROM appraisal_sheets WHERE cycle_id = ${cycle.id} AND person_id = ${nam.id} ORDER BY starts_on`.execute(t.database.db)).rows;
      // 61 days (Jul + Aug to the 30th) on the first sheet, 31 days on the second.
      expect(rows).toEqual([
        { starts_on: '2028-07-01', ends_on: '2028-08-30', position_id: nam.positionId },
        { starts_on: '2028-08-31', ends_on: '2028-09-30', position_id: lead.id },
      ]);
      const outside = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, personIds: [khoa.id], startsOn: '2028-06-30' });
      expect([outside.statusCode, outside.json().error.issues[0].path]).toEqual([422, 'startsOn']);
      await admin.patch(`/api/people/${nam.id}`, { positionId: nam.positionId });
    });
  });

  describe('phases, lock and reopen', () => {
    it('moves phases, locks (then PATCH and assign get CYCLE_LOCKED), publishes only from locked, and reopens with a reason as admin only', async () => {
      const cycle = await newCycle('LOCK', '2029-Q1');
      const assignClosed = await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'calibrate' });
      expect(assignClosed.json().phase).toBe('calibrate');
      const late = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD-MB')! });
      expect([late.statusCode, late.json().error.code]).toEqual([409, 'PHASE_CLOSED']);
      expect((await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'track' })).json().phase).toBe('track');
      expect((await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD-MB')! })).json().created).toBe(9);

      const early = await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'published' });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'APPRAISAL_PHASE_INVALID']);
      expect((await manager.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'locked' })).statusCode).toBe(403);
      const locked = await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'locked', reason: 'Chốt quý' });
      expect(locked.statusCode, locked.body).toBe(200);
      expect(locked.json().phase).toBe('locked');
      expect(locked.json().lockedAt).not.toBeNull();

      const patch = await admin.patch(`/api/appraisal/cycles/${cycle.id}`, { name: 'Đổi tên' });
      expect(patch.statusCode).toBe(409);
      expect(patch.json().error).toMatchObject({ code: 'CYCLE_LOCKED', message: expect.stringContaining('đã khóa') });
      const assign = await admin.post(`/api/appraisal/cycles/${cycle.id}/assign`, { templateId, unitId: units.get('KD-MN')! });
      expect([assign.statusCode, assign.json().error.code]).toEqual([409, 'CYCLE_LOCKED']);
      const back = await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'review' });
      expect([back.statusCode, back.json().error.code]).toEqual([409, 'CYCLE_LOCKED']);
      const published = await admin.post(`/api/appraisal/cycles/${cycle.id}/phase`, { phase: 'published' });
      expect(published.json()).toMatchObject({ phase: 'published', publishedAt: expect.any(String) });

      const noReason = await admin.post(`/api/appraisal/cycles/${cycle.id}/reopen`, { reason: '  ' });
      expect([noReason.statusCode, noReason.json().error.issues[0].path]).toEqual([400, 'reason']);
      expect((await manager.post(`/api/appraisal/cycles/${cycle.id}/reopen`, { reason: 'Sửa điểm' })).statusCode).toBe(403);
      const reopened = await admin.post(`/api/appraisal/cycles/${cycle.id}/reopen`, { reason: 'Sai số liệu doanh thu tháng 3' });
      expect(reopened.json()).toMatchObject({ phase: 'calibrate', lockedAt: null, publishedAt: null });
      const audit = (await admin.get('/api/audit?limit=1')).json().items[0];
      expect(audit).toMatchObject({
        action: 'update',
        entity: 'appraisal_cycle',
        entityId: String(cycle.id),
        before: { phase: 'published' },
        after: { phase: 'calibrate', reason: 'Sai số liệu doanh thu tháng 3' },
      });
      expect((await admin.patch(`/api/appraisal/cycles/${cycle.id}`, { name: 'Quý 1/2029' })).json().name).toBe('Quý 1/2029');
      const notLocked = await admin.post(`/api/appraisal/cycles/${cycle.id}/reopen`, { reason: 'Lần nữa' });
      expect([notLocked.statusCode, notLocked.json().error.code]).toEqual([409, 'APPRAISAL_PHASE_INVALID']);
    });
  });
});
