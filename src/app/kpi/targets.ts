import { DomainError } from '../../core/errors';
import type { KpiTarget } from '../../core/kpi';
import { tryParsePeriod } from '../../core/period';
import { cascadeToChildren, checkCascadeSums, type SumMismatch } from '../../core/target';
import { sumCheckTree, type PlacedTarget } from '../../core/target/sum-check-tree';
import { auditActor, type Actor } from '../actor';
import { kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { KpiRecord, Store, TargetRecord, TargetScope } from '../ports';
import { resolveScope, resolveScopes, scopeKey, type ScopeTarget } from '../scope';
import { findKpiByCode } from './find-kpi';
import { targetIssues, targetWrites } from './save-kpi';
import { assertValuesOpen } from '../appraisal/results/value-hooks';

/** `target.set` of the permission table; a KPI's company targets go with the KPI's owning unit. */
function requireSetTargets(actor: Actor, kpi: KpiRecord, target: ScopeTarget): void {
  policy.require(actor, 'target.set', scopeTargetOf(target, kpiResponsibility(kpi)));
}

function canRead(actor: Actor, target: ScopeTarget): boolean {
  return policy.can(actor, 'numbers.read', scopeTargetOf(target));
}

/** Every target of a KPI the actor may see (company, units, people), optionally for one period. */
export async function listKpiTargets(store: Store, actor: Actor, code: string, q: { period?: string | undefined }): Promise<TargetRecord[]> {
  policy.requireAtAll(actor, 'numbers.read');
  const kpi = await findKpiByCode(store, code);
  const all = (await store.targets.list({ kpiId: kpi.id })).filter((t) => !q.period || t.period === q.period);
  const scopes = await resolveScopes(store, all.map((t) => t.scope));
  return all.filter((t) => {
    const target = scopes.get(scopeKey(t.scope));
    return target !== undefined && canRead(actor, target);
  });
}

/** Sets the targets of one scope (replacing that scope's targets for the periods given). */
export async function setScopeTargets(store: Store, actor: Actor, code: string, scope: TargetScope, targets: KpiTarget[]): Promise<TargetRecord[]> {
  return store.transaction(async (tx) => {
    const kpi = await findKpiByCode(tx, code);
    requireSetTargets(actor, kpi, await resolveScope(tx, scope));
    const issues = targetIssues(targets, kpi.direction);
    if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', { vi: 'Chỉ tiêu không hợp lệ.', en: 'Invalid targets.' }, { issues });
    const before = await tx.targets.list({ kpiId: kpi.id, scope });
    await assertValuesOpen(tx, targetWrites(kpi.id, scope, targets));
    await tx.targets.upsert(targetWrites(kpi.id, scope, targets));
    const after = await tx.targets.list({ kpiId: kpi.id, scope });
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'kpi_targets', entityId: `${code}|${scopeKey(scope)}`, before, after }]);
    return after;
  });
}

export interface CascadeInput {
  period: string;
  from: TargetScope;
  to: { scope: TargetScope; weight: number }[];
  /** Rounding step, e.g. 1,000,000 ₫; default 1. */
  step?: number | undefined;
}

/**
 * Splits the `from` scope's target for `period` over the `to` scopes by weight (largest remainder, so
 * the parts add up exactly) and writes them as their targets.
 */
export async function cascadeTarget(store: Store, actor: Actor, code: string, input: CascadeInput): Promise<{ parent: number; parts: TargetRecord[] }> {
  return store.transaction(async (tx) => {
    const kpi = await findKpiByCode(tx, code);
    if (kpi.aggregation !== 'sum') {
      throw new DomainError('CASCADE_NOT_ADDITIVE', {
        vi: `KPI ${code} tổng hợp kiểu "${kpi.aggregation}": chỉ tiêu không cộng dồn nên không phân bổ theo tỷ trọng; hãy đặt chỉ tiêu cho từng đơn vị.`,
        en: `KPI ${code} aggregates as "${kpi.aggregation}": its targets do not add up, so they are not split by weight; set each unit's target instead.`,
      });
    }
    const period = tryParsePeriod(input.period);
    if (!period) throw new DomainError('PERIOD_INVALID', { vi: `Kỳ "${input.period}" không hợp lệ.`, en: `Invalid period "${input.period}".` });
    // Permissions before any look-up of the source target, so a refusal says nothing about whether it exists.
    requireSetTargets(actor, kpi, await resolveScope(tx, input.from));
    for (const child of input.to) requireSetTargets(actor, kpi, await resolveScope(tx, child.scope));
    const own = (await tx.targets.list({ kpiId: kpi.id, scope: input.from })).find((t) => t.period === period.key);
    if (!own) {
      throw new DomainError('TARGET_MISSING', {
        vi: `Chưa có chỉ tiêu ${code} kỳ ${period.key} để phân bổ.`,
        en: `There is no ${code} target for ${period.key} to cascade.`,
      });
    }
    const values = cascadeToChildren(
      own.value,
      input.to.map((c, i) => ({ id: i, weight: c.weight })),
      input.step !== undefined ? { step: input.step } : {},
    );
    const rows = input.to.map((c, i) => ({
      kpiId: kpi.id,
      period: period.key,
      kind: period.kind,
      start: period.start,
      end: period.end,
      scope: c.scope,
      value: values[i]!.value,
    }));
    await assertValuesOpen(tx, rows);
    await tx.targets.upsert(rows);
    const parts = (await tx.targets.list({ kpiId: kpi.id, from: period.start, to: period.end })).filter(
      (t) => t.period === period.key && input.to.some((c) => scopeKey(c.scope) === scopeKey(t.scope)),
    );
    await tx.audit.record([
      { ...auditActor(actor), action: 'update', entity: 'kpi_targets', entityId: `${code}|${period.key}|cascade`, before: null, after: { from: input.from, parent: own.value, parts: rows.map((r) => ({ scope: r.scope, value: r.value })) } },
    ]);
    return { parent: own.value, parts };
  });
}

export interface SumCheckView {
  applicable: boolean;
  mismatches: (Omit<SumMismatch<string>, 'message'> & { message: { vi: string; en: string }; children: string[] })[];
}

/**
 * For sum KPIs: for one period, does every target's children (company → top units → sub-units, a unit →
 * its people) add up to it? Lists each parent whose children do not, with the difference — only where the
 * actor may read the parent and every child: a gap over rows one cannot see would mislead and tell too much.
 */
export async function checkTargetSums(store: Store, actor: Actor, code: string, periodKey: string): Promise<SumCheckView> {
  policy.requireAtAll(actor, 'numbers.read');
  const kpi = await findKpiByCode(store, code);
  const targets = (await store.targets.list({ kpiId: kpi.id })).filter((t) => t.period === periodKey);
  const [units, scopes] = await Promise.all([store.units.list(), resolveScopes(store, targets.map((t) => t.scope))]);
  const parentOfUnit = new Map(units.map((u) => [u.id, u.parentId]));
  const placed: PlacedTarget[] = [];
  const readable = new Set<string>();
  for (const t of targets) {
    const key = scopeKey(t.scope);
    const resolved = scopes.get(key);
    if (!resolved) continue;
    if (canRead(actor, resolved)) readable.add(key);
    placed.push({ key, type: t.scope.type, unitId: resolved.unitId, value: t.value });
  }
  const nodes = sumCheckTree(placed, parentOfUnit);
  const result = checkCascadeSums(kpi.aggregation, nodes);
  if (!result.applicable) return { applicable: false, mismatches: [] };
  const childrenOf = (id: string) => nodes.filter((n) => n.parentId === id).map((n) => n.id);
  return {
    applicable: true,
    mismatches: result.mismatches
      .map((m) => ({ ...m, children: childrenOf(m.id) }))
      .filter((m) => readable.has(m.id) && m.children.every((c) => readable.has(c))),
  };
}
