import type { Target } from '../../session';
import { kpiCompanyTarget } from '../../session';
import type { ScopeRef } from './types';

/** A row of the targets table as a permission target: a KPI's company row carries the KPI (its owner decides who may set it). */
export function targetOfRow(
  scope: ScopeRef,
  unitId: number | null,
  kpi: { ownerId: number | null; measurerId: number | null; ownerUnitId: number | null },
): Target {
  if (scope.type === 'company' || scope.id === null) return kpiCompanyTarget(kpi);
  if (scope.type === 'unit') return { scope: 'unit', unitId: scope.id };
  return { scope: 'person', personId: scope.id, unitId: unitId ?? -1 };
}
