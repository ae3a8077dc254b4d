import { can, canAtAll, PERMISSIONS, type Action, type Subject, type Target } from '../../core/auth/permissions';
import type { UserT } from '../api';

export type { Action, Target } from '../../core/auth/permissions';

const subjects = new WeakMap<UserT, Subject>();

/** The signed-in user as the permission table sees them (the server sends role, unit and subtree). */
export function subjectOfUser(user: UserT): Subject {
  let s = subjects.get(user);
  if (!s) {
    s = { role: user.role, userId: user.id, personId: user.personId, unitId: user.unitId, subtree: user.subtree === 'all' ? 'all' : new Set(user.subtree) };
    subjects.set(user, s);
  }
  return s;
}

/**
 * Asks the same table the server enforces (core/auth/permissions.ts), so the page offers only what the
 * server will accept; the server still decides every request.
 */
export function userCan(user: UserT, action: Action, target: Target): boolean {
  return can(subjectOfUser(user), action, target);
}

export function userCanAtAll(user: UserT, action: Action): boolean {
  return canAtAll(subjectOfUser(user), action);
}

/** True when the user's role has `action` on more than their own person (a team, a unit, everyone). */
export function userReachesBeyondSelf(user: UserT, action: Action): boolean {
  return PERMISSIONS[action].roles[user.role].some((r) => r !== 'self');
}

/** A KPI's company scope as a permission target (for `kpi-subtree` and `responsible`). */
export function kpiCompanyTarget(kpi: { ownerId: number | null; measurerId: number | null; ownerUnitId: number | null }): Target {
  return { scope: 'company', kpi: { ownerId: kpi.ownerId, measurerId: kpi.measurerId, ownerUnitId: kpi.ownerUnitId } };
}

export function unitOrCompany(unitId: number | null): Target {
  return unitId === null ? { scope: 'company' } : { scope: 'unit', unitId };
}
