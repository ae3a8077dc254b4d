import type { Actor } from '../actor';
import { notFound } from '../policy';
import type { ActualRecord, ActualVersion, KpiRecord, Store, TargetScope } from '../ports';
import { findKpiByCode } from '../kpi/find-kpi';
import { ACTUAL_ENTITY, requireReadActuals } from './access';
import { resolveScope } from '../scope';
import { presentActuals, type ActualView } from './present';

/** Actuals of one KPI and scope, optionally limited to periods overlapping [from, to]. */
export async function listActuals(
  store: Store,
  actor: Actor,
  code: string,
  q: { scope: TargetScope; from?: string | undefined; to?: string | undefined },
): Promise<ActualView[]> {
  const kpi = await findKpiByCode(store, code);
  requireReadActuals(actor, kpi, await resolveScope(store, q.scope));
  const records = await store.actuals.list({ kpiIds: [kpi.id], scope: q.scope, from: q.from, to: q.to });
  return presentActuals(store, kpi, records);
}

/** An actual with its KPI; 404 when it does not exist, 403 when the actor may not see it. */
export async function readableActual(store: Store, actor: Actor, actualId: number): Promise<{ actual: ActualRecord; kpi: KpiRecord }> {
  const actual = await store.actuals.findById(actualId);
  if (!actual) throw notFound(ACTUAL_ENTITY, actualId);
  const kpi = (await store.kpis.findById(actual.kpiId))!;
  requireReadActuals(actor, kpi, await resolveScope(store, actual.scope));
  return { actual, kpi };
}

/** Every version of an actual, newest first: who, when, value, comment. */
export async function actualVersions(store: Store, actor: Actor, actualId: number): Promise<ActualVersion[]> {
  await readableActual(store, actor, actualId);
  return store.actuals.versions(actualId);
}
