import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Position, Store } from '../ports';

export async function listPositions(store: Store): Promise<Position[]> {
  return store.positions.list();
}

export async function createPosition(store: Store, actor: Actor, input: { code: string; name: string }): Promise<Position> {
  policy.require(actor, 'position.manage', COMPANY);
  return store.transaction(async (tx) => {
    const existing = (await tx.positions.list()).find((p) => p.code.toLowerCase() === input.code.toLowerCase());
    if (existing) {
      throw new DomainError('POSITION_CODE_TAKEN', {
        vi: `Mã chức danh "${input.code}" đã tồn tại.`,
        en: `Position code "${input.code}" is already used.`,
      });
    }
    const position = await tx.positions.create(input);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'position', entityId: String(position.id), before: null, after: position }]);
    return position;
  });
}
