import type { Period } from '../period';
import type { ImportScope } from './validate-row';

/**
 * The first row of each (KPI, period, scope) in a file. Periods and scopes are shared objects, so they key
 * the maps by identity: no key string per row. Rows of one period and scope usually follow each other.
 */
export class DuplicateIndex {
  /** Period → scope → KPI id → first row. */
  private readonly seen = new Map<Period, Map<ImportScope, Map<number, number>>>();
  private lastPeriod: Period | null = null;
  private lastScope: ImportScope | null = null;
  private lastKpis: Map<number, number> | null = null;

  /** The row that already has this KPI, period and scope, or undefined after recording `row` as the first. */
  firstRowOf(kpiId: number, period: Period, scope: ImportScope, row: number): number | undefined {
    let kpis = this.lastKpis;
    if (kpis === null || period !== this.lastPeriod || scope !== this.lastScope) {
      let byScope = this.seen.get(period);
      if (!byScope) this.seen.set(period, (byScope = new Map()));
      kpis = byScope.get(scope) ?? null;
      if (!kpis) byScope.set(scope, (kpis = new Map()));
      this.lastPeriod = period;
      this.lastScope = scope;
      this.lastKpis = kpis;
    }
    const first = kpis.get(kpiId);
    if (first === undefined) kpis.set(kpiId, row);
    return first;
  }
}
