import { ValueLocks } from '../../core/appraisal/value-lock';
import { planBinding, type KpiBinding } from '../../core/kpi-binding';
import { parsePeriod, periodContaining } from '../../core/period';
import { periodKindOf } from '../../core/actuals';
import { isValueInRange, MAX_ABS_VALUE } from '../../core/limits';
import { recordActuals } from '../actuals/record-actuals';
import { getCompany } from '../company/company';
import type { ActualWrite, KpiRecord, Store, TargetScope } from '../ports';
import { scopeKey } from '../scope';
import type { DateRange } from './ports';

export type By = { userId: number | null; name: string };

/** A period and scope left as it was because a locked review cycle holds it. */
export interface SkippedSlot {
  period: string;
  scope: TargetScope;
  cycle: string;
}

export interface RecomputeResult {
  code: string;
  /** The periods recomputed (null = all), as whole periods of the KPI's frequency. */
  range: DateRange | null;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Values the data no longer gives (no rows left there), removed. */
  removed: number;
  skipped: SkippedSlot[];
  /** Periods and scopes whose value is beyond ±10^15 (the range of every stored value): not written. */
  outOfRange: { period: string; scope: TargetScope }[];
}

/**
 * Recomputes a bound KPI's actuals from its dataset: one grouped statement gives every period and scope in
 * `range` (widened to whole periods; null = all), the values go through the normal actuals path (history of
 * replaced values, formula KPIs that depend on this one, review sheets kept fresh). A slot in a locked review
 * cycle is skipped and reported, not an error for the whole recompute. Runs in the caller's transaction.
 */
export async function recomputeBinding(store: Store, by: By, kpi: KpiRecord, binding: KpiBinding, touched: DateRange | null): Promise<RecomputeResult> {
  const { timezone } = await getCompany(store);
  const plan = planBinding(await store.datasets.get(binding.dataset), binding, kpi.frequency, timezone);
  const kind = periodKindOf(kpi.frequency!);
  const range = touched && {
    from: periodContaining(touched.from, kind).start,
    to: periodContaining(touched.to, kind).end,
  };
  const groups = await store.kpiBindings.values(plan, range);

  const writes: ActualWrite[] = [];
  const outOfRange: RecomputeResult['outOfRange'] = [];
  for (const g of groups) {
    if (g.value === null) continue; // no value (e.g. a ratio over a zero denominator): removed below if stored
    const period = parsePeriod(g.period);
    const scope: TargetScope = g.scope === null ? { type: 'company', id: null } : scopeOf(g.scope);
    if (!isValueInRange(Number(g.value))) {
      outOfRange.push({ period: period.key, scope });
      continue;
    }
    // Parts are kept when they fit what a stored ratio allows (a positive denominator up to 10^15).
    const [n, d] = [Number(g.numerator), Number(g.denominator)];
    const ratio = g.numerator !== null && g.denominator !== null && isValueInRange(n) && d > 0 && d <= MAX_ABS_VALUE;
    writes.push({
      kpiId: kpi.id,
      period: period.key,
      kind: period.kind,
      start: period.start,
      end: period.end,
      scope,
      value: Number(g.value),
      numerator: ratio ? n : null,
      denominator: ratio ? d : null,
      source: 'dataset',
      comment: null,
      late: false,
    });
  }

  const stored = (await store.actuals.list({ kpiIds: [kpi.id], kind, from: range?.from, to: range?.to })).filter((a) => a.source === 'dataset');
  const locks = await lockedSlots(store, kpi.id, [...writes, ...stored]);
  const skipped: SkippedSlot[] = [];
  const open = (w: { period: string; start: string; end: string; scope: TargetScope }) => {
    const lock = w.scope.type === 'person' ? locks.lockOf({ personId: w.scope.id, kpiId: kpi.id, start: w.start, end: w.end }) : undefined;
    if (lock) skipped.push({ period: w.period, scope: w.scope, cycle: lock.cycleName });
    return !lock;
  };
  const toWrite = writes.filter(open);
  const given = new Set([...writes, ...outOfRange].map((w) => `${w.period}|${scopeKey(w.scope)}`));
  const stale = stored.filter((a) => !given.has(`${a.period}|${scopeKey(a.scope)}`)).filter(open);
  // A whole recompute also replaces the values of another period kind (the KPI's frequency changed since).
  if (range === null) stale.push(...(await otherKindValues(store, kpi.id, kind)).filter(open));

  const written = await recordActuals(store, by, toWrite);
  const removed = await store.kpiBindings.removeValues(stale.map((a) => ({ kpiId: kpi.id, kind: a.kind, start: a.start, scope: a.scope })));
  return { code: kpi.code, range, inserted: written.inserted, updated: written.updated, unchanged: written.unchanged, removed, skipped, outOfRange };
}

async function otherKindValues(store: Store, kpiId: number, kind: string) {
  return (await store.actuals.list({ kpiIds: [kpiId] })).filter((a) => a.source === 'dataset' && a.kind !== kind);
}

function scopeOf(key: string): TargetScope {
  const [type, id] = key.split(':');
  return { type: type as 'unit' | 'person', id: Number(id) };
}

async function lockedSlots(store: Store, kpiId: number, slots: { scope: TargetScope }[]): Promise<ValueLocks> {
  const personIds = [...new Set(slots.flatMap((s) => (s.scope.type === 'person' ? [s.scope.id] : [])))];
  if (personIds.length === 0) return new ValueLocks([]);
  return new ValueLocks(await store.appraisal.results.lockedKpis({ personIds, kpiIds: [kpiId] }));
}
