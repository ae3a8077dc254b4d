/**
 * The first entry of each slot (KPI, period, scope) in one request or file, to report the same slot twice.
 * Periods and scopes are keys of any type: the import passes shared objects (so the maps key by identity and
 * no key string is built per row), a push passes the period key and a scope key. Entries of one period and
 * scope usually follow each other, so the last look-up is tried first.
 */
export class DuplicateSlots<P, S> {
  /** Period → scope → KPI id → first entry. */
  private readonly seen = new Map<P, Map<S, Map<number, number>>>();
  private lastPeriod: P | null = null;
  private lastScope: S | null = null;
  private lastKpis: Map<number, number> | null = null;

  /** The entry that already has this KPI, period and scope, or undefined after recording `at` as the first. */
  firstOf(kpiId: number, period: P, scope: S, at: number): number | undefined {
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
    if (first === undefined) kpis.set(kpiId, at);
    return first;
  }
}
