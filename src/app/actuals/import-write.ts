import type { ImportedActual, ImportScope } from '../../core/import';
import type { Store } from '../ports';
import type { Slot } from './record-actuals';

/** Rows per database round trip (COPY + one upsert). */
export const WRITE_CHUNK = 20_000;

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes validated rows while the rest of the file is still being checked: each full chunk goes to the
 * database (inside the caller's transaction) while the next one is validated, so the database and the
 * validator work at the same time. Remembers the KPIs and the periods × scopes written, so formula KPIs
 * are recomputed once at the end. Call `settle()` before the transaction ends, whatever happened.
 */
export class ImportWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  readonly kpiIds = new Set<number>();
  private chunk: ImportedActual[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private written = 0;
  // Period key → scope (a shared object, see the validator) → the period and scope written.
  private readonly slotMap = new Map<string, Map<ImportScope, Slot>>();

  constructor(
    private readonly store: Store,
    private readonly by: { userId: number | null; name: string },
    private readonly onWritten: (rows: number) => void,
  ) {}

  add(row: ImportedActual): void {
    if (this.failure) throw this.failure;
    this.chunk.push(row);
    this.kpiIds.add(row.kpiId);
    let scopes = this.slotMap.get(row.period);
    if (!scopes) this.slotMap.set(row.period, (scopes = new Map()));
    if (!scopes.has(row.scope)) scopes.set(row.scope, row);
    if (this.chunk.length >= WRITE_CHUNK) this.send();
  }

  /** Rows not sent yet are dropped (the import will be rolled back). */
  discard(): void {
    this.chunk = [];
  }

  *slots(): Iterable<Slot> {
    for (const scopes of this.slotMap.values()) yield* scopes.values();
  }

  /** Sends what is left and waits for every write; throws the first write error. */
  async finish(): Promise<WriteCounts> {
    if (this.chunk.length > 0) this.send();
    await this.inFlight;
    if (this.failure) throw this.failure;
    return this.counts;
  }

  /** Waits for writes already sent, ignoring their errors: no statement may outlive its transaction. */
  async settle(): Promise<void> {
    await this.inFlight;
  }

  private send(): void {
    const rows = this.chunk;
    this.chunk = [];
    this.inFlight = this.inFlight.then(async () => {
      if (this.failure) return;
      try {
        const r = await this.store.actuals.upsert(rows, this.by);
        this.counts.inserted += r.inserted;
        this.counts.updated += r.updated;
        this.counts.unchanged += r.unchanged;
        this.written += rows.length;
        this.onWritten(this.written);
      } catch (e) {
        this.failure = e;
      }
    });
  }
}
