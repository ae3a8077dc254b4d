import type { DatasetInfo } from '../../core/dataset/types';
import type { DatasetRow, DatasetsStore } from './ports';

/** Rows per COPY: bounds the memory of one round trip. */
export const DATASET_CHUNK = 50_000;

/**
 * Sends full chunks of rows by COPY while the next rows are being parsed, inside the caller's transaction:
 * the database and the parser work at the same time. Once `discard()` is called (a bad row was found) nothing
 * more is sent: the import will be rolled back. Call `settle()` before the transaction ends, whatever happened.
 */
export class DatasetWriter {
  private chunk: DatasetRow[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private discarded = false;
  private pending = 0;
  written = 0;

  constructor(
    private readonly store: DatasetsStore,
    private readonly dataset: DatasetInfo,
    private readonly into: 'table' | 'staging',
  ) {}

  add(row: DatasetRow): void {
    if (this.failure) throw this.failure;
    if (this.discarded) return;
    this.chunk.push(row);
    if (this.chunk.length >= DATASET_CHUNK) this.send();
  }

  discard(): void {
    this.discarded = true;
    this.chunk = [];
  }

  async finish(): Promise<number> {
    if (this.chunk.length > 0) this.send();
    await this.inFlight;
    if (this.failure) throw this.failure;
    return this.written;
  }

  /** Waits while two chunks are already on their way, so a fast parser does not pile the file up in memory. */
  async drain(): Promise<void> {
    while (this.pending >= 2) await this.inFlight;
  }

  async settle(): Promise<void> {
    await this.inFlight;
  }

  private send(): void {
    const rows = this.chunk;
    this.chunk = [];
    this.pending++;
    this.inFlight = this.inFlight.then(async () => {
      try {
        if (this.failure || this.discarded) return;
        await this.store.copy(this.dataset, rows, this.into);
        this.written += rows.length;
      } catch (e) {
        this.failure = e;
      } finally {
        this.pending--;
      }
    });
  }
}
