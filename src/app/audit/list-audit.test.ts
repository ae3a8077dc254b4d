import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';

interface Entry {
  entity: string;
  entityId: string;
  subject: { kpi: { code: string; name: string } | null; scope: { type: string; id: number | null; name: string | null } | null; period: string | null; name: string | null; file: string | null };
}

describe.each(engines())('audit log subjects on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let kd: { id: number };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin@minhan.vn');
    kd = ((await admin.get('/api/org-units')).json().items as { id: number; code: string }[]).find((u) => u.code === 'KD')!;
  });
  afterAll(() => t.close());

  const latest = async (entity: string): Promise<Entry> => ((await admin.get(`/api/audit?entity=${entity}&limit=1`)).json().items as Entry[])[0]!;

  it('names a check-in by KPI code and name, the unit and the period', async () => {
    const res = await admin.post('/api/kpis/SALES_MB_REVENUE/checkins', { period: '2026-03', scope: { type: 'unit', id: kd.id }, value: 9_000_000_000 });
    expect(res.statusCode).toBe(200);
    const e = await latest('actual');
    expect(e.entityId).toBe(String(res.json().id));
    expect(e.subject).toEqual({
      kpi: { code: 'SALES_MB_REVENUE', name: 'Doanh thu Nhóm Kinh doanh Miền Bắc', nameEn: 'Northern sales team revenue' },
      scope: { type: 'unit', id: kd.id, name: 'Phòng Kinh doanh' },
      period: '2026-03',
      name: null,
      file: null,
    });
  });

  it('names a unit’s targets by KPI and unit, and a person by name', async () => {
    const res = await admin.put('/api/kpis/SALES_MB_REVENUE/targets', { scope: { type: 'unit', id: kd.id }, targets: [{ period: '2026-04', value: 9_000_000_000 }] });
    expect(res.statusCode).toBe(200);
    const e = await latest('kpi_targets');
    expect(e.entityId).toBe(`SALES_MB_REVENUE|unit:${kd.id}`);
    expect(e.subject.kpi?.name).toBe('Doanh thu Nhóm Kinh doanh Miền Bắc');
    expect(e.subject.scope).toEqual({ type: 'unit', id: kd.id, name: 'Phòng Kinh doanh' });

    const person = await admin.post('/api/people', { fullName: 'Phùng Thị Xuân', unitId: kd.id });
    expect(person.statusCode).toBe(201);
    expect((await latest('person')).subject.name).toBe('Phùng Thị Xuân');
  });
});
