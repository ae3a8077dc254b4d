import type { ActualRecord, EvidenceFile, KpiRecord, Store } from '../ports';

export interface ActualView extends ActualRecord {
  kpiCode: string;
  evidence: EvidenceFile[];
}

/** Actuals as the API shows them: with their evidence files (one query for all rows). */
export async function presentActuals(store: Store, kpi: Pick<KpiRecord, 'code'>, records: ActualRecord[]): Promise<ActualView[]> {
  const evidence = await store.evidence.listFor(records.map((r) => r.id));
  return records.map((r) => ({ ...r, kpiCode: kpi.code, evidence: evidence.get(r.id) ?? [] }));
}
