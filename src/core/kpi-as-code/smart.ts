import type { Issue } from '../errors';
import { formulaIssues, validateFormulaSet } from '../formula';
import { checkSmart, type Finding, type SmartPerson } from '../smart';
import type { IndexedKpi } from './cross-check';
import { normEmail, type KnownRefs, type KpiFile } from './types';

export interface KpiFindings {
  code: string;
  /** Place of the KPI in the file's `kpis` list. */
  index: number;
  status: string;
  findings: Finding[];
}

/** The people directory the SMART check sees: the file's people (active) and the known ones. */
export function smartPeople(file: Pick<KpiFile, 'people'>, known: KnownRefs = {}): SmartPerson[] {
  const byEmail = new Map<string, SmartPerson>();
  for (const p of known.people ?? []) byEmail.set(normEmail(p.email), { ref: p.email, active: p.active !== false });
  for (const p of file.people ?? []) byEmail.set(normEmail(p.email), { ref: p.email, active: true });
  return [...byEmail.values()];
}

/** SMART findings of each KPI, with the file's people, KPI codes and the formula checker as context. */
export function smartFindings(kpis: readonly IndexedKpi[], people: readonly SmartPerson[], kpiCodes: readonly string[]): KpiFindings[] {
  const formulaValid = (formula: string): Issue[] => {
    const result = validateFormulaSet([{ code: '__FORMULA__', formula }], kpiCodes);
    return formulaIssues(result.issues);
  };
  return kpis.map(({ index, def }) => ({
    code: def.code,
    index,
    status: def.status,
    findings: checkSmart(def, { people, knownKpiCodes: kpiCodes, formulaValid }),
  }));
}

/** SMART errors block only KPIs that are meant to be active; drafts may be incomplete. */
export function blockingFindings(k: KpiFindings): Finding[] {
  return k.status === 'active' ? k.findings.filter((f) => f.severity === 'error') : [];
}
