import { can, canAtAll, type Action, type KpiResponsibility, type Subject, type Target } from '../core/auth/permissions';
import { DomainError } from '../core/errors';
import type { Actor } from './actor';
import type { KpiRecord, Person, Store } from './ports';
import type { ScopeTarget } from './scope';

export type { Action, Target } from '../core/auth/permissions';

/** The actor as the permission table sees them. */
export function subjectOf(actor: Actor): Subject {
  return { role: actor.user.role, userId: actor.user.id, personId: actor.person?.id ?? null, unitId: actor.person?.unitId ?? null, subtree: actor.unitScope };
}

/**
 * The one place that says who may do what: every use-case asks the table in core/auth/permissions.ts
 * through these functions, and no use-case looks at a role itself.
 */
export const policy = {
  can(actor: Actor, action: Action, target: Target): boolean {
    return can(subjectOf(actor), action, target);
  },

  require(actor: Actor, action: Action, target: Target): void {
    if (!policy.can(actor, action, target)) throw forbidden();
  },

  /** For actions with no single target (uploads, menus): does the role have the action at all? */
  canAtAll(actor: Actor, action: Action): boolean {
    return canAtAll(subjectOf(actor), action);
  },

  requireAtAll(actor: Actor, action: Action): void {
    if (!policy.canAtAll(actor, action)) throw forbidden();
  },

  /** The unit ids a listing of `action` is limited to (undefined = no limit). */
  visibleUnitIds(actor: Actor): number[] | undefined {
    return actor.unitScope === 'all' ? undefined : [...actor.unitScope];
  },
};

export const COMPANY: Target = { scope: 'company' };

export function unitTarget(unitId: number | null): Target {
  return unitId === null ? COMPANY : { scope: 'unit', unitId };
}

export function personTarget(person: Pick<Person, 'id' | 'unitId'>): Target {
  return { scope: 'person', personId: person.id, unitId: person.unitId };
}

/** A resolved scope as a permission target; a company scope carries the KPI it is about. */
export function scopeTargetOf(target: ScopeTarget, kpi?: KpiResponsibility): Target {
  if (target.person) return personTarget(target.person);
  if (target.scope.type === 'unit') return { scope: 'unit', unitId: target.unitId! };
  return { scope: 'company', kpi };
}

/** Who answers for a KPI: owner, measurer and the owner's unit (a KPI belongs to its owner's unit). */
export function kpiResponsibility(kpi: Pick<KpiRecord, 'ownerId' | 'measurerId' | 'ownerUnitId'>): KpiResponsibility {
  return { ownerId: kpi.ownerId, measurerId: kpi.measurerId, ownerUnitId: kpi.ownerUnitId };
}

/** The target of editing a KPI: its owner's unit, or the company when it has no owner. */
export async function kpiEditTarget(store: Store, ownerId: number | null): Promise<Target> {
  const owner = ownerId === null ? null : await store.people.findById(ownerId);
  return unitTarget(owner?.unitId ?? null);
}

export function forbidden(): DomainError {
  return new DomainError('FORBIDDEN', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You do not have permission to do this.',
  });
}

export function notFound(entity: { vi: string; en: string }, id: number | string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    { vi: `Không tìm thấy ${entity.vi} #${id}.`, en: `${entity.en} #${id} was not found.` },
    { params: { id } },
  );
}
