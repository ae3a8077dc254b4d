import type { Actor } from '../actor';
import type { Store } from '../ports';
import type { PeriodView } from './present';
import { getUnitDashboard, type UnitKpiView } from './unit-dashboard';

export interface UnitKpis {
  period: PeriodView & { inProgress: boolean };
  unit: { id: number; code: string; name: string };
  kpis: UnitKpiView[];
}

/**
 * One unit's KPI rows for the period, exactly as the unit dashboard shows them: the page loads the tree
 * without rows (`kpis: 'none'`) and a unit's rows when it is opened, instead of every unit's rows at once.
 * Same access as the dashboard: 404 for an unknown or archived unit, 403 outside what the actor reads.
 */
export async function getUnitKpis(store: Store, actor: Actor, q: { unitId: number; period?: string | undefined; now?: Date | undefined }): Promise<UnitKpis> {
  const dashboard = await getUnitDashboard(store, actor, q);
  const row = dashboard.units.find((u) => u.id === q.unitId)!;
  return { period: dashboard.period, unit: { id: row.id, code: row.code, name: row.name }, kpis: row.kpis };
}
