import type { Issue } from '../../core/errors';
import { lintKpiFile, planChanges, type Change, type KpiFile } from '../../core/kpi-as-code';
import type { Store } from '../ports';
import { knownRefs, loadState } from './snapshot';

export interface KpiFilePlan {
  /** Null when the file has problems. */
  doc: KpiFile | null;
  /** Format, reference (against the database too) and SMART errors, with line numbers. */
  issues: Issue[];
  changes: Change[];
}

/** Reads a KPI-as-code text against the database: its problems, or the changes applying it would make. */
export async function planKpiFile(store: Store, text: string): Promise<KpiFilePlan> {
  const state = await loadState(store);
  const lint = lintKpiFile(text, knownRefs(state));
  const issues = [...lint.issues, ...lint.smartErrors];
  if (!lint.doc || issues.length > 0) return { doc: null, issues, changes: [] };
  return { doc: lint.doc, issues: [], changes: planChanges(lint.doc, state.snapshot) };
}
