import type { ImportedActual } from '../../core/import';
import type { NewAuditEntry, Store } from '../ports';
import { recordActuals } from './record-actuals';

export const WRITE_CHUNK = 10_000;

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  recomputed: number;
}

class DryRunRollback extends Error {
  constructor(readonly counts: WriteCounts) {
    super('dry run: rolled back');
  }
}

/**
 * Writes validated rows in ONE transaction (all or nothing), ~10,000 rows per `recordActuals` call so
 * progress can be shown. Chunks end where a (period, scope) ends, so each formula KPI is recomputed once
 * per period and scope, with all of its inputs from the file already written.
 * A dry run does the same writes and rolls them back.
 */
export async function writeImportedActuals(
  store: Store,
  by: { userId: number | null; name: string },
  rows: ImportedActual[],
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void; audit: NewAuditEntry },
): Promise<WriteCounts> {
  const chunks = chunkBySlot(rows, WRITE_CHUNK);
  try {
    return await store.transaction(async (tx) => {
      await keepFirstLateness(tx, rows);
      const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, recomputed: 0 };
      let done = 0;
      options.onProgress?.(0, rows.length);
      for (const chunk of chunks) {
        const r = await recordActuals(tx, by, chunk);
        counts.inserted += r.inserted;
        counts.updated += r.updated;
        counts.unchanged += r.unchanged;
        counts.recomputed += r.recomputed;
        done += chunk.length;
        options.onProgress?.(done, rows.length);
      }
      if (counts.inserted + counts.updated > 0) {
        await tx.audit.record([{ ...options.audit, after: { ...(options.audit.after as object), ...counts } }]);
      }
      if (options.dryRun) throw new DryRunRollback(counts);
      return counts;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.counts;
    throw e;
  }
}

const slotOf = (r: ImportedActual) => `${r.period}|${r.scope.type}|${r.scope.id ?? ''}`;

/** Groups rows by (period, scope) and packs whole groups into chunks of at least `size` rows. */
export function chunkBySlot(rows: ImportedActual[], size: number): ImportedActual[][] {
  const groups = new Map<string, ImportedActual[]>();
  for (const r of rows) {
    const key = slotOf(r);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const chunks: ImportedActual[][] = [];
  let current: ImportedActual[] = [];
  for (const g of groups.values()) {
    for (const r of g) current.push(r);
    if (current.length >= size) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Lateness is decided by the first report; a correction keeps it. Being late only ever grows with time,
 * so only rows that are late now can differ from what is stored: look those up, one KPI at a time.
 */
async function keepFirstLateness(store: Store, rows: ImportedActual[]): Promise<void> {
  const lateByKpi = new Map<number, ImportedActual[]>();
  for (const r of rows) {
    if (!r.late) continue;
    const list = lateByKpi.get(r.kpiId);
    if (list) list.push(r);
    else lateByKpi.set(r.kpiId, [r]);
  }
  for (const [kpiId, list] of lateByKpi) {
    let from = list[0]!.start;
    let to = list[0]!.end;
    for (const r of list) {
      if (r.start < from) from = r.start;
      if (r.end > to) to = r.end;
    }
    const stored = await store.actuals.list({ kpiIds: [kpiId], from, to });
    if (stored.length === 0) continue;
    const lateOf = new Map(stored.map((a) => [`${a.period}|${a.scope.type}|${a.scope.id ?? ''}`, a.late]));
    for (const r of list) {
      const late = lateOf.get(slotOf(r));
      if (late !== undefined) r.late = late;
    }
  }
}
