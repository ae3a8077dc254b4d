import { bindingInvalid, planBinding, type KpiBinding } from '../../core/kpi-binding';
import { DomainError, issue, type Issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { getCompany } from '../company/company';
import { findKpiByCode } from '../kpi/find-kpi';
import { COMPANY, policy, unitTarget } from '../policy';
import type { KpiRecord, Store } from '../ports';
import { recomputeBinding, type RecomputeResult } from './recompute';

export interface BindingCheck {
  /** The company totals the binding gives for its latest periods (at most 12), newest last. */
  preview: { period: string; value: number | null }[];
}

/** A KPI's binding, for those who may read the KPI library; null when it has none. */
export async function getBinding(store: Store, actor: Actor, code: string): Promise<KpiBinding | null> {
  const kpi = await findKpiByCode(store, code);
  policy.require(actor, 'kpi.read', COMPANY);
  return store.kpiBindings.get(kpi.id);
}

/**
 * The live check of the KPI form: the binding against the dataset catalogue and the org chart, with every problem
 * at its field path (422 KPI_BINDING_INVALID), and a preview of the values it gives. Nothing is written.
 */
export async function checkBinding(store: Store, actor: Actor, code: string, binding: KpiBinding): Promise<BindingCheck> {
  const kpi = await editableKpi(store, actor, code);
  const plan = await validBinding(store, kpi, binding);
  const rows = (await store.kpiBindings.values(plan, null)).filter((r) => r.scope === null);
  return { preview: rows.slice(-12).map((r) => ({ period: r.period, value: r.value === null ? null : Number(r.value) })) };
}

/** Saves the binding of a KPI with source `dataset` and computes its actuals for every period, in one transaction. */
export async function saveBinding(store: Store, actor: Actor, code: string, binding: KpiBinding): Promise<{ binding: KpiBinding; recompute: RecomputeResult }> {
  return store.transaction(async (tx) => {
    const kpi = await editableKpi(tx, actor, code);
    if (kpi.source !== 'dataset') {
      throw new DomainError('KPI_NOT_DATASET', {
        vi: `KPI ${code} không lấy số liệu từ tập dữ liệu: hãy chọn nguồn "Từ tập dữ liệu" trước.`,
        en: `KPI ${code} does not take its values from a dataset: choose the source "From a dataset" first.`,
      });
    }
    await validBinding(tx, kpi, binding);
    const before = await tx.kpiBindings.get(kpi.id);
    await tx.kpiBindings.save(kpi.id, binding, actor.user.id || null);
    await tx.audit.record([{ ...auditActor(actor), action: before ? 'update' : 'create', entity: 'kpi_binding', entityId: code, before, after: binding }]);
    const recompute = await recomputeBinding(tx, { userId: actor.user.id || null, name: actor.user.name }, kpi, binding, null);
    return { binding, recompute };
  });
}

/** Recomputes every period of a bound KPI now (after the dataset was changed outside an import, or to check). */
export async function recomputeKpi(store: Store, actor: Actor, code: string): Promise<RecomputeResult> {
  return store.transaction(async (tx) => {
    const kpi = await editableKpi(tx, actor, code);
    const binding = kpi.source === 'dataset' ? await tx.kpiBindings.get(kpi.id) : null;
    if (!binding) {
      throw new DomainError('KPI_NOT_BOUND', {
        vi: `KPI ${code} chưa được liên kết với tập dữ liệu nào.`,
        en: `KPI ${code} is not bound to a dataset.`,
      });
    }
    return recomputeBinding(tx, { userId: actor.user.id || null, name: actor.user.name }, kpi, binding, null);
  });
}

async function editableKpi(store: Store, actor: Actor, code: string): Promise<KpiRecord> {
  const kpi = await findKpiByCode(store, code);
  policy.require(actor, 'kpi.edit', unitTarget(kpi.ownerUnitId));
  return kpi;
}

/** The binding compiled against the dataset, its mapped units and people checked: every problem at once. */
async function validBinding(store: Store, kpi: KpiRecord, binding: KpiBinding) {
  const [dataset, { timezone }, units] = await Promise.all([store.datasets.get(binding.dataset), getCompany(store), store.units.list()]);
  const issues: Issue[] = [];
  const unitIds = new Set(units.filter((u) => !u.archived).map((u) => u.id));
  const personIds = binding.scopes.flatMap((m) => (m.scope.type === 'person' ? [m.scope.id] : []));
  const people = personIds.length ? (await store.people.query({ personIds, limit: personIds.length, offset: 0 })).items : [];
  const known = new Set(people.filter((p) => p.active).map((p) => p.id));
  binding.scopes.forEach((m, i) => {
    const exists = m.scope.type === 'unit' ? unitIds.has(m.scope.id) : known.has(m.scope.id);
    if (!exists) {
      const what = m.scope.type === 'unit' ? { vi: 'phòng ban', en: 'unit' } : { vi: 'nhân sự', en: 'person' };
      issues.push(issue(`binding.scopes.${i}.scope`, 'UNKNOWN_SCOPE', `Không có ${what.vi} #${m.scope.id}.`, `There is no ${what.en} #${m.scope.id}.`));
    }
  });
  try {
    const plan = planBinding(dataset, binding, kpi.frequency, timezone);
    if (issues.length > 0) throw bindingInvalid(issues);
    return plan;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'KPI_BINDING_INVALID' && issues.length > 0 && error.issues !== issues) throw bindingInvalid([...error.issues, ...issues]);
    throw error;
  }
}

