import { DomainError, issue } from '../../core/errors';
import type { Actor } from '../actor';
import { auditActor } from '../actor';
import { kpiResponsibility, notFound, policy, scopeTargetOf } from '../policy';
import type { Store } from '../ports';
import { resolveScope } from '../scope';
import type { ActionPlanRecord, ActionPlanWrite, MissReasonRecord } from './ports';

const PLAN = { vi: 'kế hoạch hành động', en: 'Action plan' };
const REASON = { vi: 'nguyên nhân không đạt', en: 'Miss reason' };

/** A plan belongs to a recorded reason; writing it needs `miss.explain` on that reason's scope and KPI. */
async function requireExplain(store: Store, actor: Actor, reason: MissReasonRecord): Promise<void> {
  const kpi = await store.kpis.findById(reason.kpiId);
  if (!kpi) throw notFound({ vi: 'KPI', en: 'KPI' }, reason.kpiId);
  policy.require(actor, 'miss.explain', scopeTargetOf(await resolveScope(store, reason.scope), kpiResponsibility(kpi)));
}

async function requireOwner(store: Store, personId: number | null): Promise<void> {
  if (personId !== null && !(await store.people.findById(personId))) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Người phụ trách không tồn tại.', en: 'The owner does not exist.' }, {
      issues: [issue('ownerPersonId', 'not_found', `Không tìm thấy nhân sự #${personId}.`, `Person #${personId} was not found.`)],
    });
  }
}

export async function createActionPlan(store: Store, actor: Actor, reasonId: number, plan: ActionPlanWrite): Promise<ActionPlanRecord> {
  const reason = await store.diagnostics.findReason(reasonId);
  if (!reason) throw notFound(REASON, reasonId);
  await requireExplain(store, actor, reason);
  await requireOwner(store, plan.ownerPersonId);
  return store.transaction(async (tx) => {
    const id = await tx.diagnostics.createPlan(reasonId, plan);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'action-plan', entityId: String(id), before: null, after: { reasonId, ...plan } }]);
    return (await tx.diagnostics.findPlan(id))!;
  });
}

async function planWithReason(store: Store, actor: Actor, id: number): Promise<ActionPlanRecord> {
  const plan = await store.diagnostics.findPlan(id);
  if (!plan) throw notFound(PLAN, id);
  await requireExplain(store, actor, (await store.diagnostics.findReason(plan.missReasonId))!);
  return plan;
}

const written = (p: ActionPlanRecord): ActionPlanWrite => ({ fact: p.fact, cause: p.cause, action: p.action, ownerPersonId: p.ownerPersonId, dueOn: p.dueOn, status: p.status });

export async function updateActionPlan(store: Store, actor: Actor, id: number, plan: ActionPlanWrite): Promise<ActionPlanRecord> {
  const before = await planWithReason(store, actor, id);
  await requireOwner(store, plan.ownerPersonId);
  return store.transaction(async (tx) => {
    await tx.diagnostics.updatePlan(id, plan);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'action-plan', entityId: String(id), before: written(before), after: plan }]);
    return (await tx.diagnostics.findPlan(id))!;
  });
}

export async function deleteActionPlan(store: Store, actor: Actor, id: number): Promise<void> {
  const before = await planWithReason(store, actor, id);
  await store.transaction(async (tx) => {
    await tx.diagnostics.deletePlan(id);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'action-plan', entityId: String(id), before: written(before), after: null }]);
  });
}
