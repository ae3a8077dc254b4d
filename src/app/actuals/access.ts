import { DomainError } from '../../core/errors';
import type { Actor } from '../actor';
import { forbidden, policy } from '../policy';
import type { KpiRecord } from '../ports';
import type { ScopeTarget } from '../scope';

function ownsOrMeasures(actor: Actor, kpi: Pick<KpiRecord, 'ownerId' | 'measurerId'>): boolean {
  const me = actor.person?.id;
  return me !== undefined && (kpi.ownerId === me || kpi.measurerId === me);
}

/**
 * Who may read actuals: everyone signed in for the company scope; unit and person scopes follow the org
 * policy; and whoever may check in a scope may read it.
 */
export function canReadActuals(actor: Actor, kpi: Pick<KpiRecord, 'ownerId' | 'measurerId'>, target: ScopeTarget): boolean {
  if (target.scope.type === 'company') return true;
  if (canWriteActuals(actor, kpi, target)) return true;
  if (target.person) return policy.canSeePerson(actor, target.person);
  return policy.canReadUnitNumbers(actor, target.unitId!);
}

/**
 * Who may check in: admins; the KPI's owner or measurer; managers for unit and person scopes in their
 * unit subtree; a person for their own person scope. The company scope is for admins, owner and measurer only.
 */
export function canWriteActuals(actor: Actor, kpi: Pick<KpiRecord, 'ownerId' | 'measurerId'>, target: ScopeTarget): boolean {
  if (actor.user.role === 'admin') return true;
  if (ownsOrMeasures(actor, kpi)) return true;
  if (target.scope.type === 'company') return false;
  if (target.person && actor.person?.id === target.person.id) return true;
  return actor.user.role === 'manager' && policy.canSeeUnit(actor, target.unitId!);
}

export function requireReadActuals(actor: Actor, kpi: KpiRecord, target: ScopeTarget): void {
  if (!canReadActuals(actor, kpi, target)) throw forbidden();
}

export function requireWriteActuals(actor: Actor, kpi: KpiRecord, target: ScopeTarget): void {
  if (!canWriteActuals(actor, kpi, target)) throw forbidden();
}

export const ACTUAL_ENTITY = { vi: 'số liệu thực hiện', en: 'Actual' };


/** Formula KPIs are computed; archived KPIs take no new numbers. */
export function requireEnterable(kpi: KpiRecord): void {
  if (kpi.source === 'formula') {
    throw new DomainError('KPI_COMPUTED', {
      vi: `KPI ${kpi.code} được tính bằng công thức nên không cập nhật kết quả trực tiếp.`,
      en: `KPI ${kpi.code} is computed by a formula, so it takes no check-ins.`,
    });
  }
  if (kpi.status === 'archived') {
    throw new DomainError('KPI_ARCHIVED', { vi: `KPI ${kpi.code} đã lưu trữ.`, en: `KPI ${kpi.code} is archived.` });
  }
}
