import { DomainError, issue, type Issue } from '../../core/errors';
import { findCycle, formulaIssues, parse, validateFormulaSet } from '../../core/formula';
import { validateKpi, type KpiDefinition } from '../../core/kpi';
import { checkSmart, type Finding, type SmartContext } from '../../core/smart';
import type { Store } from '../ports';

/** The KPI as the core rules see it: people as id strings (the SMART check only needs references). */
export function definitionOf(
  k: Omit<KpiDefinition, 'owner' | 'measurer'> & { ownerId: number | null; measurerId: number | null },
): KpiDefinition {
  const { ownerId, measurerId, ...rest } = k;
  return { ...rest, owner: ownerId === null ? null : String(ownerId), measurer: measurerId === null ? null : String(measurerId) };
}

/** People and KPI codes the SMART check looks up, plus the formula checker. */
export async function smartContext(store: Store, selfCode: string): Promise<SmartContext> {
  const [people, codes] = await Promise.all([store.people.query({ limit: 100_000, offset: 0 }), store.kpis.codes()]);
  const known = codes.filter((c) => c.status !== 'archived').map((c) => c.code);
  return {
    people: people.items.map((p) => ({ ref: String(p.id), active: p.active })),
    knownKpiCodes: known,
    formulaValid: (formula) => {
      const parsed = parse(formula, { context: 'kpi' });
      if (!parsed.ok) return formulaIssues(parsed.errors);
      const set = validateFormulaSet([{ code: selfCode, formula }], known);
      return set.ok ? null : formulaIssues(set.issues);
    },
  };
}

export async function findingsFor(store: Store, def: KpiDefinition): Promise<Finding[]> {
  return checkSmart(def, await smartContext(store, def.code));
}

/**
 * Rules that need the other KPIs: parents exist, no cycle through parents, formulas refer to known
 * KPIs and do not loop through other computed KPIs. Throws with every issue at once.
 */
export async function checkKpiReferences(store: Store, def: KpiDefinition): Promise<Map<string, number>> {
  const issues: Issue[] = [...validateKpi(def)];
  const all = await store.kpis.list();
  const idByCode = new Map(all.map((k) => [k.code, k.id]));
  def.parents.forEach((p, i) => {
    const parent = all.find((k) => k.code === p.code);
    if (!parent) issues.push(issue(`parents.${i}.code`, 'not_found', `KPI cha "${p.code}" không tồn tại.`, `Parent KPI "${p.code}" does not exist.`));
    else if (parent.status === 'archived') issues.push(issue(`parents.${i}.code`, 'archived', `KPI cha "${p.code}" đã lưu trữ.`, `Parent KPI "${p.code}" is archived.`));
  });

  const graph: Record<string, string[]> = {};
  for (const k of all) graph[k.code] = k.parents.map((p) => p.code);
  graph[def.code] = def.parents.map((p) => p.code);
  const cycle = findCycle(graph);
  if (cycle?.includes(def.code)) {
    // Start the path at the KPI being saved: that is the link the user just made.
    const at = cycle.indexOf(def.code);
    const path = [...cycle.slice(at, -1), ...cycle.slice(0, at), def.code].join(' → ');
    issues.push(issue('parents', 'cycle', `Liên kết KPI cha bị vòng lặp: ${path}.`, `Parent links form a cycle: ${path}.`));
  }

  if (def.source === 'formula' && def.formula) {
    const computed = all.filter((k) => k.source === 'formula' && k.formula && k.code !== def.code).map((k) => ({ code: k.code, formula: k.formula! }));
    const known = all.filter((k) => k.status !== 'archived').map((k) => k.code);
    const result = validateFormulaSet([...computed, { code: def.code, formula: def.formula }], known);
    issues.push(...formulaIssues(result.issues.filter((i) => i.kpi === def.code)));
  }
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'KPI có dữ liệu không hợp lệ.', en: 'The KPI has invalid fields.' }, { issues });
  }
  return idByCode;
}
