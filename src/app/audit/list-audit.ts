import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { AuditEntry, Store } from '../ports';

export async function listAudit(
  store: Store,
  actor: Actor,
  q: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: string | undefined },
): Promise<AuditEntry[]> {
  policy.require(actor, 'audit.read', COMPANY);
  return store.audit.list(q);
}
