import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { AuditEntry, Store } from '../ports';
import { refsOf, subjectOf, type AuditSubject } from './subjects';

export type PresentedAuditEntry = AuditEntry & { subject: AuditSubject };

/** A page of the audit log, newest first, each entry with a readable subject (KPI, scope, period, name, file). */
export async function listAudit(
  store: Store,
  actor: Actor,
  q: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: string | undefined },
): Promise<PresentedAuditEntry[]> {
  policy.require(actor, 'audit.read', COMPANY);
  const entries = await store.audit.list(q);
  if (entries.length === 0) return [];
  const names = await store.audit.names(refsOf(entries));
  return entries.map((e) => ({ ...e, subject: subjectOf(e, names) }));
}
