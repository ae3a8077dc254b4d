import type { ActualRecord, EvidenceFile, KpiRecord, Store } from '../ports';

export interface ActualView extends ActualRecord {
  kpiCode: string;
  evidence: EvidenceFile[];
}

/**
 * Actuals as the API shows them: with their evidence files and who changed them last. Rows written by an
 * integration or import have no user; their name comes from the last version.
 */
export async function presentActuals(store: Store, kpi: Pick<KpiRecord, 'code'>, records: ActualRecord[]): Promise<ActualView[]> {
  return Promise.all(
    records.map(async (r) => ({
      ...r,
      kpiCode: kpi.code,
      updatedByName: r.updatedByName ?? (await store.actuals.versions(r.id))[0]?.changedByName ?? null,
      evidence: await store.evidence.list(r.id),
    })),
  );
}
