import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../app/demo/demo-data';
import { seedDemo } from '../../app/demo/seed-demo';
import { hashPassword } from '../../app/passwords';
import { buildReminderWorld } from '../../app/reminders/test-world';
import type { Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { ApiClient } from '../../../test/helpers/api';
import { engines, freshDatabase } from '../../../test/helpers/db';
import { buildApp } from '../app';

async function appOn(database: Database, now: () => Date) {
  const app = await buildApp({ store: createStore(database.db), engine: 'pglite', version: 'test', now, loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
  const as = async (email: string) => {
    const client = await ApiClient.create(app);
    const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    if (res.statusCode !== 200) throw new Error(res.body);
    return client;
  };
  return { app, as };
}

describe.each(engines())('company calendar settings on %s', (engine) => {
  let database: Database;
  let t: Awaited<ReturnType<typeof appOn>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await seedDemo(createStore(database.db));
    t = await appOn(database, () => new Date());
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('the demo company has Vietnam’s holidays 2025–2027 (34 working days off, Tết included) and a Monday–Friday week', async () => {
    const res = await (await t.as('nhanvien@minhan.vn')).get('/api/company/calendar');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ workingDays: [1, 2, 3, 4, 5], remindBeforeDays: 2, escalateAfterDays: 2, escalate2AfterDays: 4 });
    expect(body.holidays).toHaveLength(34);
    expect(body.holidays.filter((h: { name: string }) => h.name === 'Tết Nguyên đán Bính Ngọ').map((h: { day: string }) => h.day)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(body.holidays.find((h: { day: string }) => h.day === '2025-09-02')).toEqual({ day: '2025-09-02', name: 'Quốc khánh', nameEn: 'National Day' });
  });

  it('refuses a holiday listed twice, an empty week and escalation-2 before escalation, with paths and vi/en messages, changing nothing', async () => {
    const admin = await t.as('admin@minhan.vn');
    const before = (await admin.get('/api/company/calendar')).json();
    const bad = {
      workingDays: [],
      remindBeforeDays: 2,
      escalateAfterDays: 3,
      escalate2AfterDays: 3,
      holidays: [
        { day: '2026-09-02', name: 'Quốc khánh', nameEn: null },
        { day: '2026-09-02', name: 'Quốc khánh (lặp)', nameEn: null },
      ],
    };
    admin.lang = 'en';
    const res = await admin.put('/api/company/calendar', bad);
    admin.lang = 'vi';
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string; code: string; message: string }) => [i.path, i.code, i.message])).toEqual([
      ['workingDays', 'empty_week', 'Choose at least one working day of the week.'],
      ['escalate2AfterDays', 'not_after_escalation', 'The second escalation must come after the first (more days).'],
      ['holidays.1.day', 'duplicate', '02/09/2026 is already listed on row 1.'],
    ]);
    const vi = await admin.put('/api/company/calendar', bad);
    expect(vi.json().error.issues[2].message).toBe('Ngày 02/09/2026 đã có ở dòng 1.');
    expect((await admin.put('/api/company/calendar', { ...before, holidays: [{ day: '2026-02-30', name: 'x', nameEn: null }] })).statusCode).toBe(400);
    expect((await admin.get('/api/company/calendar')).json()).toEqual(before);
  });

  it('an admin replaces the week and the list; others may not', async () => {
    const admin = await t.as('admin@minhan.vn');
    const next = { workingDays: [6, 1, 2, 3, 4, 5], remindBeforeDays: 1, escalateAfterDays: 2, escalate2AfterDays: 5, holidays: [{ day: '2026-09-02', name: 'Quốc khánh', nameEn: 'National Day' }] };
    const res = await admin.put('/api/company/calendar', next);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...next, workingDays: [1, 2, 3, 4, 5, 6] });
    expect((await (await t.as('truong.kd@minhan.vn')).put('/api/company/calendar', next)).statusCode).toBe(403);
  });
});

describe.each(engines())('measurement calendar on %s', (engine) => {
  let database: Database;
  let t: Awaited<ReturnType<typeof appOn>>;
  let world: Awaited<ReturnType<typeof buildReminderWorld>>;
  // Thursday 04/09/2025, 10:00 in Hồ Chí Minh City
  const clock = new Date('2025-09-04T03:00:00Z');
  beforeAll(async () => {
    database = await freshDatabase(engine);
    const store = createStore(database.db);
    world = await buildReminderWorld(store, await hashPassword(DEMO_PASSWORD));
    t = await appOn(database, () => clock);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const view = (items: { kpiCode: string; scopeLabel: string; deadline: string; state: string; measurer: { name: string } | null }[]) =>
    items.map((i) => [i.kpiCode, i.scopeLabel, i.deadline, i.state, i.measurer?.name]);

  it('lists what is due, due soon and late, per person and per unit, by deadline', async () => {
    const lan = await t.as('lan@minhan.vn');
    const mine = await lan.get('/api/measurement-calendar');
    expect(mine.statusCode, mine.body).toBe(200);
    // window: August to October 2025; DT_THANG's deadline Fri 05/09 is 1 day away (due soon)
    expect(mine.json()).toMatchObject({ today: '2025-09-04', from: '2025-08-01', to: '2025-10-31', counts: { done: 0, 'due-soon': 2, due: 0, late: 0 } });
    expect(view(mine.json().items)).toEqual([
      ['DT_THANG', 'Kinh doanh miền Bắc', '2025-09-05', 'due-soon', 'Nguyễn Thị Lan'],
      ['DT_THANG', 'Nguyễn Thị Lan', '2025-09-05', 'due-soon', 'Nguyễn Thị Lan'],
    ]);
    // Hà measures SO_DON (its owner, no measurer): deadline 02/09 (Quốc khánh) → Wed 03/09, late on 04/09
    const ha = await t.as('ha@minhan.vn');
    expect(view((await ha.get('/api/measurement-calendar')).json().items)).toEqual([['SO_DON', 'Kinh doanh miền Bắc', '2025-09-03', 'late', 'Lê Thu Hà']]);

    // Lan enters her own value: done
    const checkIn = await lan.post('/api/kpis/DT_THANG/checkins', { period: '2025-08', scope: { type: 'person', id: world.lan.id }, value: 320_000_000 });
    expect(checkIn.statusCode, checkIn.body).toBe(200);

    // Minh (manager of KD and below) sees the unit's calendar; filters by state and person
    const minh = await t.as('minh@minhan.vn');
    const unit = (await minh.get(`/api/measurement-calendar?scope=unit:${world.kdmb.id}`)).json();
    expect(unit.counts).toEqual({ done: 1, 'due-soon': 1, due: 0, late: 1 });
    expect(view(unit.items)).toEqual([
      ['SO_DON', 'Kinh doanh miền Bắc', '2025-09-03', 'late', 'Lê Thu Hà'],
      ['DT_THANG', 'Kinh doanh miền Bắc', '2025-09-05', 'due-soon', 'Nguyễn Thị Lan'],
      ['DT_THANG', 'Nguyễn Thị Lan', '2025-09-05', 'done', 'Nguyễn Thị Lan'],
    ]);
    expect(view((await minh.get(`/api/measurement-calendar?scope=all&state=late`)).json().items)).toEqual([['SO_DON', 'Kinh doanh miền Bắc', '2025-09-03', 'late', 'Lê Thu Hà']]);
    expect((await minh.get(`/api/measurement-calendar?scope=all&person=${world.lan.id}`)).json().items).toHaveLength(2);
    // a range backwards or longer than 366 days is a 400
    expect((await lan.get('/api/measurement-calendar?from=2025-10-01&to=2025-09-01')).statusCode).toBe(400);
    expect((await lan.get('/api/measurement-calendar?from=2025-01-01&to=2026-06-01')).statusCode).toBe(400);
  });
});
