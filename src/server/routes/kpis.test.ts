import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';

describe.each(engines())('KPI library API on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let ownerId: number;
  let measurerId: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    const people = (await admin.get('/api/people?limit=200')).json().items as { id: number; email: string }[];
    ownerId = people.find((p) => p.email === 'an.nguyen@minhan.vn')!.id;
    measurerId = people.find((p) => p.email === 'ktt@minhan.vn')!.id;
  });
  afterAll(() => t.close());

  const revenue = () => ({
    code: 'REV_TEST',
    name: 'Doanh thu thuần',
    nameEn: 'Net revenue',
    description: 'Tổng doanh thu bán hàng sau chiết khấu và hàng trả lại, theo hóa đơn đã xuất.',
    level: 'strategic',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'manual',
    ownerId,
    measurerId,
    reportWithinDays: 5,
    baseline: { period: '2025', value: 180e9 },
    parents: [],
    tags: ['tài chính'],
    status: 'active',
    targets: [{ period: '2026', value: 240e9 }, { period: '2026-01', value: 20e9, min: 18e9, stretch: 22e9 }],
  });

  it('creates a SMART KPI and reads it back with exact VND targets', async () => {
    const res = await admin.post('/api/kpis', revenue());
    expect(res.statusCode).toBe(201);
    expect(res.json().findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const detail = (await admin.get('/api/kpis/REV_TEST')).json();
    expect(detail.kpi).toMatchObject({ code: 'REV_TEST', ownerName: 'Nguyễn Minh An', measurerName: 'Đoàn Thị Mai', status: 'active' });
    expect(detail.kpi.targets).toEqual([
      { period: '2026', value: 240000000000 },
      { period: '2026-01', value: 20000000000, min: 18000000000, stretch: 22000000000 },
    ]);
    const audit = (await admin.get('/api/audit?entity=kpi&limit=1')).json().items[0];
    expect(audit).toMatchObject({ action: 'create', entityId: 'REV_TEST' });
  });

  it('refuses to activate a KPI that is not SMART, but saves it as a draft', async () => {
    const vague = { ...revenue(), code: 'VAGUE', name: 'Nâng cao', description: undefined, ownerId: null, measurerId: null, targets: [], level: 'tactical' };
    const res = await admin.post('/api/kpis', vague);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('KPI_NOT_SMART');
    const letters = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(letters).toEqual(expect.arrayContaining(['smart.A', 'smart.M']));
    expect((await admin.get('/api/kpis/VAGUE')).statusCode).toBe(404);

    const draft = await admin.post('/api/kpis', { ...vague, status: 'draft' });
    expect(draft.statusCode).toBe(201);
    const codes = draft.json().findings.map((f: { letter: string; severity: string }) => `${f.letter}:${f.severity}`);
    expect(codes).toEqual(expect.arrayContaining(['A:error', 'M:error', 'ALIGN:warning']));
  });

  it('previews SMART findings as the form is filled: red first, then green', async () => {
    const empty = (await admin.post('/api/kpis/smart-check', { name: 'Cải thiện' })).json();
    expect(empty.summary).toMatchObject({ S: 'warning', M: 'error', A: 'error', T: 'error' });
    const full = (await admin.post('/api/kpis/smart-check', { ...revenue(), code: 'PREVIEW' })).json();
    expect(full.summary).toEqual({ S: 'ok', M: 'ok', A: 'ok', R: 'ok', T: 'ok', ALIGN: 'ok' });
    const finding = empty.findings.find((f: { letter: string }) => f.letter === 'A');
    expect(finding.message.vi).toMatch(/chịu trách nhiệm/);
    expect(finding.message.en).toMatch(/owner/i);
  });

  it('links children to parents with weights, refuses cycles and unknown parents', async () => {
    const child = { ...revenue(), code: 'REV_NORTH', name: 'Doanh thu miền Bắc', level: 'tactical', parents: [{ code: 'REV_TEST', weight: 0.6 }], targets: [{ period: '2026', value: 144e9 }] };
    expect((await admin.post('/api/kpis', child)).statusCode).toBe(201);
    expect((await admin.get('/api/kpis/REV_TEST')).json().children).toEqual(['REV_NORTH']);

    const loop = await admin.put('/api/kpis/REV_TEST', { ...revenue(), parents: [{ code: 'REV_NORTH', weight: 1 }] });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.issues).toContainEqual({ path: 'parents', code: 'cycle', message: 'Liên kết KPI cha bị vòng lặp: REV_TEST → REV_NORTH → REV_TEST.' });

    const ghost = await admin.post('/api/kpis', { ...child, code: 'GHOST_CHILD', parents: [{ code: 'NOPE', weight: 1 }] });
    expect(ghost.json().error.issues[0]).toMatchObject({ path: 'parents.0.code', code: 'not_found' });
  });

  it('checks formulas: syntax errors and unknown references with positions', async () => {
    const margin = { ...revenue(), code: 'MARGIN', name: 'Biên lợi nhuận', unit: '%', aggregation: 'ratio', source: 'formula', baseline: null, targets: [{ period: '2026', value: 0.2 }] };
    const syntax = await admin.post('/api/kpis', { ...margin, formula: '([REV_TEST] - 5' });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.issues[0].path).toBe('formula');
    expect(syntax.json().error.issues[0].message).toMatch(/dòng 1, cột/);
    const unknown = await admin.post('/api/kpis', { ...margin, formula: '[NOPE] / [REV_TEST]' });
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'formula', code: 'UNKNOWN_KPI' });
    expect((await admin.post('/api/kpis', { ...margin, formula: '([REV_TEST] - [REV_NORTH]) / [REV_TEST]' })).statusCode).toBe(201);
  });

  it('never reuses codes and archives only leaf KPIs', async () => {
    const blocked = await admin.post('/api/kpis/REV_TEST/archive');
    expect(blocked.json().error.code).toBe('KPI_HAS_CHILDREN');
    expect((await admin.post('/api/kpis/MARGIN/archive')).json().kpi.status).toBe('archived');
    const reuse = await admin.post('/api/kpis', { ...revenue(), code: 'MARGIN' });
    expect(reuse.statusCode).toBe(422);
    expect(reuse.json().error.message).toContain('mã không được dùng lại');
  });

  it('validates shapes: bad code, unknown enum, non-numeric weight, bad period', async () => {
    admin.lang = 'en';
    const res = await admin.post('/api/kpis', { ...revenue(), code: 'bad code', direction: 'up', parents: [{ code: 'REV_TEST', weight: 'heavy' }] });
    admin.lang = 'vi';
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['code', 'direction', 'parents.0.weight']);
    const period = await admin.post('/api/kpis', { ...revenue(), code: 'BAD_PERIOD', targets: [{ period: '2026-13', value: 1 }] });
    expect(period.json().error.issues[0]).toMatchObject({ path: 'targets.0.period', code: 'invalid_period' });
  });

  it('keeps per-KPI scoring settings and the scorecard applies them', async () => {
    const bands = { method: { kind: 'bands', bands: [{ min: 0.8, score: 0.8 }, { min: 1, score: 1 }, { min: 1.2, score: 1.2 }] }, cap: 1.2 };
    const kpi = { ...revenue(), code: 'BANDED', name: 'Số hợp đồng ký mới', unit: 'count', baseline: null, scoring: bands, targets: [{ period: '2026-01', value: 100 }] };
    expect((await admin.post('/api/kpis', kpi)).json().kpi.scoring).toEqual(bands);
    expect((await admin.post('/api/kpis/BANDED/checkins', { period: '2026-01', value: 90 })).json()).toMatchObject({ value: 90, version: 1 });
    const row = (await admin.get('/api/scorecard?period=2026-01')).json().items.find((i: { code: string }) => i.code === 'BANDED');
    // 90 / 100 = 0.9 achievement → the 0.8 band; status follows achievement: 0.9 ≥ 0.8 → amber.
    expect(row).toMatchObject({ achievement: 0.9, score: 0.8, status: 'amber' });
    // An update without `scoring` keeps it.
    const { scoring: _s, ...withoutScoring } = kpi;
    expect((await admin.put('/api/kpis/BANDED', withoutScoring)).json().kpi.scoring).toEqual(bands);
    const bad = await admin.put('/api/kpis/BANDED', { ...kpi, scoring: { floor: 2, cap: 1 } });
    expect(bad.json().error.issues).toEqual([{ path: 'scoring.floor', code: 'SCORING_FLOOR_ABOVE_CAP', message: 'Điểm sàn (2) lớn hơn điểm trần (1)' }]);
    // The same rules as a KPI-as-code file: bands must ascend, status rules go from the highest down.
    const unordered = await admin.put('/api/kpis/BANDED', {
      ...kpi,
      scoring: { method: { kind: 'bands', bands: [{ min: 1, score: 1 }, { min: 0.8, score: 0.8 }] }, statusRules: [{ min: 0.8, status: 'amber' }, { min: 1, status: 'green' }] },
    });
    expect(unordered.statusCode).toBe(400);
    expect(unordered.json().error.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      'scoring.method.bands.1.min SCORING_BANDS_NOT_ASCENDING',
      'scoring.statusRules.1.min SCORING_STATUS_RULES_ORDER',
    ]);
    expect((await admin.get('/api/kpis/BANDED')).json().kpi.scoring).toEqual(bands);
  });

  it('lets employees read KPIs but not change them', async () => {
    const employee = await t.as('nhanvien@minhan.vn');
    expect((await employee.get('/api/kpis')).json().items.map((k: { code: string }) => k.code)).toContain('REV_TEST');
    expect((await employee.post('/api/kpis', { ...revenue(), code: 'MINE' })).statusCode).toBe(403);
    expect((await employee.get('/api/kpi-templates')).json().items.length).toBeGreaterThanOrEqual(30);
  });
});
