import type { Actor } from '../actor';
import { forbidden, kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { KpiRecord } from '../ports';
import type { ScopeTarget } from '../scope';

type KpiRef = Pick<KpiRecord, 'ownerId' | 'measurerId' | 'ownerUnitId'>;

/** Reading actuals and evidence of a scope: `numbers.read`, the same rule as targets and scores. */
export function canReadActuals(actor: Actor, _kpi: KpiRef, target: ScopeTarget): boolean {
  return policy.can(actor, 'numbers.read', scopeTargetOf(target));
}

/** Checking in (and evidence, API push, import rows): `actual.write` of the permission table. */
export function canWriteActuals(actor: Actor, kpi: KpiRef, target: ScopeTarget): boolean {
  return policy.can(actor, 'actual.write', scopeTargetOf(target, kpiResponsibility(kpi)));
}

export function requireReadActuals(actor: Actor, kpi: KpiRef, target: ScopeTarget): void {
  if (!canReadActuals(actor, kpi, target)) throw forbidden();
}

export function requireWriteActuals(actor: Actor, kpi: KpiRef, target: ScopeTarget): void {
  if (!canWriteActuals(actor, kpi, target)) throw forbidden();
}

export const ACTUAL_ENTITY = { vi: 'số liệu thực hiện', en: 'Actual' };
