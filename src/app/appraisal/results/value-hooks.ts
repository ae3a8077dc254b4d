import { ValueLocks, type PersonWrite } from '../../../core/appraisal/value-lock';
import type { Store, TargetScope } from '../../ports';
import { refreshForWrites } from './refresh';

/** A value or target written for a KPI, period and scope (actuals and targets both have these). */
export interface ScopedWrite {
  kpiId: number;
  start: string;
  end: string;
  scope: TargetScope;
}

/** The person-scope writes among these, one per person and KPI spanning their periods (the set-based form). */
function personWrites(rows: Iterable<ScopedWrite>): PersonWrite[] {
  const out = new Map<string, PersonWrite>();
  for (const r of rows) {
    if (r.scope.type !== 'person') continue;
    const key = `${r.scope.id}:${r.kpiId}`;
    const w = out.get(key);
    if (!w) out.set(key, { personId: r.scope.id, kpiId: r.kpiId, start: r.start, end: r.end });
    else {
      if (r.start < w.start) w.start = r.start;
      if (r.end > w.end) w.end = r.end;
    }
  }
  return [...out.values()];
}

/**
 * Lock guard (issue 11 §3): refuses with 409 CYCLE_LOCKED, before anything is written, a person-scope value or
 * target for a period inside a locked cycle's dates when the person's sheet there has an item for the KPI.
 * Every writer of values and targets calls it (check-in, API push, formula recompute, person targets); the
 * import checks row by row with `valueLocks`.
 */
export async function assertValuesOpen(store: Store, rows: readonly ScopedWrite[]): Promise<void> {
  const persons = rows.filter((r): r is ScopedWrite & { scope: { type: 'person'; id: number } } => r.scope.type === 'person');
  if (persons.length === 0) return;
  const locks = await store.appraisal.results.lockedKpis({ personIds: [...new Set(persons.map((r) => r.scope.id))], kpiIds: [...new Set(persons.map((r) => r.kpiId))] });
  if (locks.length === 0) return;
  new ValueLocks(locks).assertOpen(persons.map((r) => ({ personId: r.scope.id, kpiId: r.kpiId, start: r.start, end: r.end })));
}

/** Every lock, for checking the rows of a file one by one. */
export async function valueLocks(store: Store): Promise<ValueLocks> {
  return new ValueLocks(await store.appraisal.results.lockedKpis({}));
}

/** The import's issue for a row whose person-scope value is locked, or null. */
export function lockedRowIssue(locks: ValueLocks, row: { row: number } & ScopedWrite, column: string) {
  if (locks.size === 0 || row.scope.type !== 'person') return null;
  return locks.rowIssue({ personId: row.scope.id, kpiId: row.kpiId, start: row.start, end: row.end }, row.row, column);
}

/**
 * Freshness hook: after person-scope values are written, refreshes the sheets of those people in cycles that
 * are not locked, whose dates overlap the values' periods and that have an item for the KPI — those sheets
 * and their units only, once for the whole batch.
 */
export async function refreshAfterValues(store: Store, rows: Iterable<ScopedWrite>): Promise<void> {
  await refreshForWrites(store, personWrites(rows));
}

/** The import's form: the periods and scopes written (`ImportWriter.slots()`) and the KPIs written. */
export async function refreshAfterImport(store: Store, slots: Iterable<Omit<ScopedWrite, 'kpiId'>>, kpiIds: ReadonlySet<number>): Promise<void> {
  const spans = personWrites([...slots].map((s) => ({ ...s, kpiId: 0 })));
  await refreshAfterValues(
    store,
    spans.flatMap((s) => [...kpiIds].map((kpiId) => ({ kpiId, start: s.start, end: s.end, scope: { type: 'person' as const, id: s.personId } }))),
  );
}
