import { DomainError } from '../core/errors';
import type { Actor } from './actor';
import type { Person } from './ports';

/**
 * The one place that says who may do what. Every use-case calls it.
 * admin: everything · manager: read and write in their unit subtree · viewer: read their unit subtree
 * employee: read themselves only.
 */
export const policy = {
  requireAdmin(actor: Actor): void {
    if (actor.user.role !== 'admin') throw forbidden();
  },

  canSeeUnit(actor: Actor, unitId: number): boolean {
    return actor.unitScope === 'all' || actor.unitScope.has(unitId);
  },

  canSeePerson(actor: Actor, person: Pick<Person, 'id' | 'unitId'>): boolean {
    if (actor.person?.id === person.id) return true;
    return policy.canSeeUnit(actor, person.unitId);
  },

  requireSeePerson(actor: Actor, person: Pick<Person, 'id' | 'unitId'>): void {
    if (!policy.canSeePerson(actor, person)) throw forbidden();
  },

  /** Managers change people and units only inside their subtree; admins anywhere. */
  requireManageUnit(actor: Actor, unitId: number): void {
    const role = actor.user.role;
    if (role === 'admin') return;
    if (role === 'manager' && policy.canSeeUnit(actor, unitId)) return;
    throw forbidden();
  },

  /**
   * Units whose KPI numbers (targets, actuals, scores) the actor may read: admins all, managers and
   * viewers their subtree, employees their own unit (team goals are shared; people data is not).
   */
  canReadUnitNumbers(actor: Actor, unitId: number): boolean {
    if (actor.unitScope === 'all' || actor.unitScope.has(unitId)) return true;
    return actor.user.role === 'employee' && actor.person?.unitId === unitId;
  },

  /** The unit ids a people listing is limited to (undefined = no limit). */
  visibleUnitIds(actor: Actor): number[] | undefined {
    return actor.unitScope === 'all' ? undefined : [...actor.unitScope];
  },
};

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
