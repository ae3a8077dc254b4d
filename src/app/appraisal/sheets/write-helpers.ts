import { DomainError, type Issue } from '../../../core/errors';
import { auditActor, type Actor } from '../../actor';
import type { Store } from '../../ports';

/** One audit row for a change on a sheet (entity `appraisal_sheets`, or `appraisal_items` for one item). */
export async function auditSheet(store: Store, actor: Actor, entity: 'appraisal_sheets' | 'appraisal_items', entityId: number, before: unknown, after: unknown): Promise<void> {
  await store.audit.record([{ ...auditActor(actor), action: 'update', entity, entityId: String(entityId), before, after }]);
}

/** Every problem of a request at once, as one 422 whose code is the first problem's. */
export function refuse(issues: Issue[], vi = 'Phiếu đánh giá chưa hợp lệ.', en = 'The evaluation sheet is not valid.'): DomainError {
  return new DomainError(issues[0]!.code, { vi: `${vi} ${issues[0]!.message.vi}`, en: `${en} ${issues[0]!.message.en}` }, { issues });
}

export function conflict(code: string, vi: string, en: string): DomainError {
  return new DomainError(code, { vi, en });
}
