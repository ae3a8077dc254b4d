import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Company, Store } from '../ports';

export const DEFAULT_COMPANY: Company = {
  name: 'Công ty của tôi',
  timezone: 'Asia/Ho_Chi_Minh',
  currency: 'VND',
  locale: 'vi-VN',
  fiscalYearStartMonth: 1,
};

export async function getCompany(store: Store): Promise<Company> {
  return (await store.company.get()) ?? DEFAULT_COMPANY;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function updateCompany(store: Store, actor: Actor, next: Company): Promise<Company> {
  policy.require(actor, 'company.manage', COMPANY);
  if (!isValidTimeZone(next.timezone)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid data.' },
      {
        issues: [
          {
            path: 'timezone',
            code: 'invalid_timezone',
            message: { vi: `Múi giờ "${next.timezone}" không tồn tại.`, en: `Unknown time zone "${next.timezone}".` },
          },
        ],
      },
    );
  }
  return store.transaction(async (tx) => {
    const before = await getCompany(tx);
    await tx.company.save(next);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'company', entityId: '1', before, after: next }]);
    return next;
  });
}
