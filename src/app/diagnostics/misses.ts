import type { Suggestion } from '../../core/diagnostics';
import type { Actor } from '../actor';
import { requireReadScope } from '../evaluation/scope';
import { kpiResponsibility, policy, scopeTargetOf } from '../policy';
import type { KpiRecord, Store, TargetScope } from '../ports';
import { resolveScope, type ScopeTarget } from '../scope';
import { productShapeOf } from '../../core/diagnostics';
import { evaluateSlot, type SlotEvaluation } from './evaluate-slot';
import { suggestionsFor } from './facts';
import type { ActionPlanRecord, MissReasonRecord } from './ports';

export interface RecordedReasonView extends Omit<MissReasonRecord, 'kpiId' | 'scope' | 'period' | 'updatedAt'> {
  plans: ActionPlanRecord[];
}

export interface MissItem {
  code: string;
  name: string;
  nameEn: string | null;
  unit: string | null;
  direction: string;
  target: number | null;
  actual: number | null;
  achievement: number | null;
  score: number | null;
  reasons: RecordedReasonView[];
  suggestions: Suggestion[];
  canExplain: boolean;
  hasDrivers: boolean;
}

export interface Misses {
  period: { key: string; start: string; end: string; ended: boolean };
  scope: TargetScope;
  items: MissItem[];
}

/** The KPIs that ended the period red for the scope (none while it runs), with recorded reasons, plans and suggestions. */
export async function listMisses(store: Store, actor: Actor, q: { period: string; scope: TargetScope; now: Date }): Promise<Misses> {
  await requireReadScope(store, actor, q.scope);
  const slot = await evaluateSlot(store, q.period, q.scope, q.now);
  const red = slot.ended ? slot.kpis.filter((k) => slot.rows.get(k.code)?.status === 'red') : [];
  return {
    period: { key: slot.period.key, start: slot.period.start, end: slot.period.end, ended: slot.ended },
    scope: q.scope,
    items: await missItems(store, actor, slot, await resolveScope(store, q.scope), red),
  };
}

export async function missItems(store: Store, actor: Actor, slot: SlotEvaluation, target: ScopeTarget, kpis: KpiRecord[]): Promise<MissItem[]> {
  const scope = target.scope;
  const [reasons, suggestions] = await Promise.all([
    store.diagnostics.reasons({ period: slot.period.key, scope, kpiIds: kpis.map((k) => k.id) }),
    suggestionsFor(store, slot, scope, kpis),
  ]);
  const plans = await store.diagnostics.plans(reasons.map((r) => r.id));
  const formulas = slot.kpis.map((k) => ({ code: k.code, formula: k.formula }));
  return kpis.map((k) => {
    const row = slot.rows.get(k.code);
    return {
      code: k.code,
      name: k.name,
      nameEn: k.nameEn ?? null,
      unit: k.unit,
      direction: k.direction,
      target: row?.target?.value ?? null,
      actual: row?.actual?.value ?? null,
      achievement: row?.achievement ?? null,
      score: row?.score ?? null,
      reasons: reasons
        .filter((r) => r.kpiId === k.id)
        .map((r) => ({
          id: r.id,
          reason: r.reason,
          comment: r.comment,
          controllable: r.controllable,
          fromSuggestion: r.fromSuggestion,
          plans: plans.filter((p) => p.missReasonId === r.id),
        })),
      suggestions: suggestions.get(k.id) ?? [],
      canExplain: policy.can(actor, 'miss.explain', scopeTargetOf(target, kpiResponsibility(k))),
      hasDrivers: productShapeOf(k.code, k.formula, formulas) !== null,
    };
  });
}
