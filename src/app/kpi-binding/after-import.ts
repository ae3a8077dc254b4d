import type { DatasetInfo } from '../../core/dataset/types';
import { DomainError } from '../../core/errors';
import type { KpiBinding } from '../../core/kpi-binding';
import type { Store } from '../ports';
import type { DateRange, ImportMark } from './ports';
import { recomputeBinding, type By, type RecomputeResult } from './recompute';

/** What an import did to the KPIs bound to its dataset: each recomputed, or why not (a binding the new columns break). */
export interface BoundKpisResult {
  recomputed: RecomputeResult[];
  failed: { code: string; error: { code: string; message: { vi: string; en: string } } }[];
}

/**
 * The KPIs bound to a dataset, followed through one import (inside its transaction): `start` before rows are
 * written, `beforeMerge` for a keyed import (the stored rows it replaces lose their dates), `finish` after.
 * Append recomputes the periods between the min and max date of the rows written; replace recomputes all.
 */
export class BoundKpis {
  private readonly ranges = new Map<string, DateRange | null>();

  private constructor(
    private readonly store: Store,
    private readonly bindings: { kpiId: number; binding: KpiBinding }[],
    private readonly mark: ImportMark | null,
    private readonly timeZone: string,
  ) {}

  static async start(store: Store, dataset: DatasetInfo, action: 'define' | 'replace' | 'append', timeZone: string): Promise<BoundKpis> {
    const bindings = await store.kpiBindings.forDataset(dataset.name);
    const mark = action === 'append' && bindings.length > 0 ? await store.kpiBindings.mark(dataset) : null;
    return new BoundKpis(store, bindings, mark, timeZone);
  }

  async beforeMerge(dataset: DatasetInfo): Promise<void> {
    if (!this.mark) return;
    for (const column of this.dateColumns()) this.ranges.set(column, await this.store.kpiBindings.touchedDates(dataset, column, this.timeZone, 'staged'));
  }

  async finish(dataset: DatasetInfo, by: By): Promise<BoundKpisResult> {
    const result: BoundKpisResult = { recomputed: [], failed: [] };
    if (this.bindings.length === 0) return result;
    if (this.mark && dataset.keyColumns.length === 0) {
      for (const column of this.dateColumns()) this.ranges.set(column, await this.store.kpiBindings.touchedDates(dataset, column, this.timeZone, this.mark));
    }
    for (const { kpiId, binding } of this.bindings) {
      const kpi = await this.store.kpis.findById(kpiId);
      if (!kpi) continue;
      const range = this.mark ? this.ranges.get(binding.dateColumn) : null;
      if (range === null && this.mark) continue; // the appended rows have no date in this column: nothing touched
      try {
        result.recomputed.push(await recomputeBinding(this.store, by, kpi, binding, range ?? null));
      } catch (error) {
        // A replace may drop a column a binding uses: the import stands, the KPI keeps its values and says why.
        if (!(error instanceof DomainError) || error.code !== 'KPI_BINDING_INVALID') throw error;
        result.failed.push({ code: kpi.code, error: { code: error.code, message: error.localized } });
      }
    }
    return result;
  }

  private dateColumns(): string[] {
    return [...new Set(this.bindings.map((b) => b.binding.dateColumn))];
  }
}
