import type { OrgUnitT } from '../../api';
import type { ScopeRef } from './types';

/**
 * Mirrors the API's rule so the UI only offers what will be accepted: admins set every target;
 * managers the company's and those of units (and their people) inside their subtree.
 */
export function canSetTarget(role: string, scope: ScopeRef, unitId: number | null, units: ReadonlyMap<number, OrgUnitT>): boolean {
  if (role === 'admin') return true;
  if (role !== 'manager') return false;
  if (scope.type === 'company') return true;
  return unitId !== null && (units.get(unitId)?.inScope ?? false);
}
