import type { Issue } from '../errors';
import { analyseKpiFile } from './parse';
import type { IndexedKpi } from './cross-check';
import { blockingFindings, smartFindings, smartPeople, type KpiFindings } from './smart';
import { formatPath, type KnownRefs, type KpiFile } from './types';

export interface KpiFileLint {
  doc: KpiFile | null;
  /** Format and reference errors, with line numbers. */
  issues: Issue[];
  /** SMART findings of every KPI whose fields are valid. */
  kpis: KpiFindings[];
  /** SMART errors of active KPIs, as issues (they block applying the file). */
  smartErrors: Issue[];
  /** True when there is nothing blocking: no issue and no SMART error on an active KPI. */
  ok: boolean;
}

/** Everything `openkpi lint` reports for one file. */
export function lintKpiFile(text: string, known: KnownRefs = {}): KpiFileLint {
  const analysis = analyseKpiFile(text, known);
  const codes = analysis.kpis.map((k) => k.def.code);
  const people = smartPeople(analysis.partial ?? {}, known);
  const kpis = smartFindings(analysis.kpis, people, codes);
  const smartErrors = kpis.flatMap(asIssues);
  return { doc: analysis.doc, issues: analysis.issues, kpis, smartErrors, ok: analysis.issues.length === 0 && smartErrors.length === 0 };
}

function asIssues(k: KpiFindings): Issue[] {
  return blockingFindings(k).map((f) => ({
    path: formatPath(['kpis', k.index]),
    code: f.code,
    message: { vi: `KPI ${k.code} (đang hoạt động) chưa đạt SMART: ${f.message.vi}`, en: `KPI ${k.code} (active) is not SMART: ${f.message.en}` },
  }));
}

/** SMART errors of the active KPIs of a document model (checked again right before applying). */
export function smartErrorsOf(doc: KpiFile, known: KnownRefs = {}): Issue[] {
  const kpis: IndexedKpi[] = (doc.kpis ?? []).map((def, index) => ({ index, def }));
  return smartFindings(kpis, smartPeople(doc, known), kpis.map((k) => k.def.code)).flatMap(asIssues);
}
