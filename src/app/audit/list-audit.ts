import type { Actor } from '../actor';
import { policy } from '../policy';
import type { AuditEntry, Store } from '../ports';

export async function listAudit(
  store: Store,
  actor: Actor,
  q: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: string | undefined },
): Promise<AuditEntry[]> {
  policy.requireAdmin(actor);
  return store.audit.list(q);
}
