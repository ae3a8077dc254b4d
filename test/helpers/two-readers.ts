import type { Store } from '../../src/app/ports';

/**
 * A company in Hồ Chí Minh City with two logins that read in different languages: Lan (vi, lan@minhan.vn)
 * and John (en, john@minhan.vn) — for tests of what users are told and e-mailed.
 */
export async function companyWithTwoReaders(store: Store): Promise<{ lan: number; john: number }> {
  await store.company.save({ name: 'Minh An', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND', locale: 'vi-VN', fiscalYearStartMonth: 1 });
  const lan = (await store.users.create({ email: 'lan@minhan.vn', name: 'Lan', passwordHash: 'x', role: 'employee', locale: 'vi' })).id;
  const john = (await store.users.create({ email: 'john@minhan.vn', name: 'John', passwordHash: 'x', role: 'employee', locale: 'en' })).id;
  return { lan, john };
}
