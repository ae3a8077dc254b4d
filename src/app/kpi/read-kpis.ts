import { checkSmart, smartSummary, type Finding, type SmartSummary } from '../../core/smart';
import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import { findKpiByCode } from './find-kpi';
import type { KpiFilter, KpiRecord, Store } from '../ports';
import { definitionOf, findingsFor, smartContext } from './kpi-checks';
import type { KpiInput } from './save-kpi';

export interface KpiListItem extends KpiRecord {
  smart: SmartSummary;
  children: string[];
}

/** KPIs are visible to every signed-in person: shared goals are the point. */
export async function listKpis(store: Store, actor: Actor, filter: KpiFilter): Promise<KpiListItem[]> {
  policy.require(actor, 'kpi.read', COMPANY);
  const all = await store.kpis.list();
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const kpis = filtered ? await store.kpis.list(filter) : all;
  const childrenOf = new Map<string, string[]>();
  for (const k of all) for (const p of k.parents) childrenOf.set(p.code, [...(childrenOf.get(p.code) ?? []), k.code]);
  const ctx = await smartContext(store, '');
  return kpis.map((k) => ({
    ...k,
    smart: smartSummary(checkSmart(definitionOf(k), { ...ctx, formulaValid: undefined })),
    children: childrenOf.get(k.code) ?? [],
  }));
}

export async function getKpi(store: Store, actor: Actor, code: string): Promise<{ kpi: KpiRecord; findings: Finding[]; children: string[] }> {
  policy.require(actor, 'kpi.read', COMPANY);
  const kpi = await findKpiByCode(store, code);
  const children = (await store.kpis.list()).filter((k) => k.parents.some((p) => p.code === code)).map((k) => k.code);
  return { kpi, findings: await findingsFor(store, definitionOf(kpi)), children };
}

/** The live SMART panel: findings for a KPI being edited, nothing saved. */
export async function previewSmart(store: Store, input: KpiInput): Promise<{ findings: Finding[]; summary: SmartSummary }> {
  const def = definitionOf({ ...input, targets: input.targets ?? [] });
  const findings = await findingsFor(store, def);
  return { findings, summary: smartSummary(findings) };
}
