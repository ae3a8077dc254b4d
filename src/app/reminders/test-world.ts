import type { KpiWrite, Store, TargetScope } from '../ports';

/**
 * A small company for reminder tests (Monday–Friday, Quốc khánh 01–02/09/2025 off):
 *   Kinh doanh (KD) ⊃ Kinh doanh miền Bắc (KD-MB)
 *   Giám đốc Minh (KD, no manager; a manager login) ← Trưởng phòng Hà (KD-MB, English) ← Nhân viên Lan (KD-MB)
 * DT_THANG (monthly, report within 5 days, measured by Lan): August 2025 targets for KD-MB and for Lan
 *   → deadline Friday 05/09/2025: before Wed 03/09, late Mon 08/09, escalation Tue 09/09, escalation-2 Thu 11/09.
 * SO_DON (monthly, report within 2 days, no measurer: its owner Hà measures): August 2025 target for KD-MB
 *   → 31/08 + 2 = Tuesday 02/09 (holiday) → deadline Wednesday 03/09: before Thu 28/08, late Thu 04/09,
 *   escalation Fri 05/09 (to Minh), escalation-2 Tue 09/09 (Minh has no manager: none).
 */
export async function buildReminderWorld(store: Store, passwordHash = 'x') {
  await store.company.save({ name: 'Minh An', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 });
  await store.calendar.replaceHolidays([
    { day: '2025-09-01', name: 'Nghỉ lễ Quốc khánh', nameEn: 'National Day holiday' },
    { day: '2025-09-02', name: 'Quốc khánh', nameEn: 'National Day' },
  ]);
  const kd = await store.units.create({ code: 'KD', name: 'Kinh doanh', parentId: null });
  const kdmb = await store.units.create({ code: 'KD-MB', name: 'Kinh doanh miền Bắc', parentId: kd.id });
  const login = (email: string, name: string, locale: 'vi' | 'en', role: 'manager' | 'employee' = 'employee') =>
    store.users.create({ email, name, passwordHash, role, locale });
  const minhUser = await login('minh@minhan.vn', 'Minh', 'vi', 'manager');
  const haUser = await login('ha@minhan.vn', 'Hà', 'en');
  const lanUser = await login('lan@minhan.vn', 'Lan', 'vi');
  const minh = await store.people.create({ fullName: 'Trần Văn Minh', email: 'minh@minhan.vn', unitId: kd.id, positionId: null, managerId: null, userId: minhUser.id });
  const ha = await store.people.create({ fullName: 'Lê Thu Hà', email: 'ha@minhan.vn', unitId: kdmb.id, positionId: null, managerId: minh.id, userId: haUser.id });
  const lan = await store.people.create({ fullName: 'Nguyễn Thị Lan', email: 'lan@minhan.vn', unitId: kdmb.id, positionId: null, managerId: ha.id, userId: lanUser.id });

  const base: Omit<KpiWrite, 'code' | 'name' | 'measurerId' | 'reportWithinDays'> = {
    level: 'operational',
    perspective: 'financial',
    unit: 'VND',
    direction: 'increase',
    aggregation: 'sum',
    frequency: 'monthly',
    source: 'manual',
    ownerId: ha.id,
    baseline: null,
    tags: [],
    status: 'active',
  };
  const dt = await store.kpis.create({ ...base, code: 'DT_THANG', name: 'Doanh thu tháng', nameEn: 'Monthly revenue', measurerId: lan.id, reportWithinDays: 5 });
  const so = await store.kpis.create({ ...base, code: 'SO_DON', name: 'Số đơn hàng', nameEn: 'Orders', measurerId: null, reportWithinDays: 2 });
  const august = { period: '2025-08', kind: 'month', start: '2025-08-01', end: '2025-08-31' };
  const unitScope: TargetScope = { type: 'unit', id: kdmb.id };
  const lanScope: TargetScope = { type: 'person', id: lan.id };
  await store.targets.upsert([
    { kpiId: dt, ...august, scope: unitScope, value: 1_000_000_000 },
    { kpiId: dt, ...august, scope: lanScope, value: 300_000_000 },
    { kpiId: so, ...august, scope: unitScope, value: 1000 },
  ]);
  return { kd, kdmb, minh, ha, lan, users: { minh: minhUser.id, ha: haUser.id, lan: lanUser.id }, dt, so, unitScope, lanScope, august };
}
