import type { DatasetInfo } from '../../core/dataset/types';
import type { DatasetBatch, DatasetEncoder, DatasetsStore } from './ports';

/** Rows per COPY: bounds the memory of one round trip. */
export const DATASET_CHUNK = 50_000;

/**
 * Encodes rows as they come and sends each full chunk by COPY while the next rows are being parsed, inside the
 * caller's transaction: the database and the parser work at the same time. Once `discard()` is called (a bad row
 * was found) nothing more is sent: the import will be rolled back. Call `settle()` before the transaction ends,
 * whatever happened.
 */
export class DatasetWriter {
  private readonly encoder: DatasetEncoder;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private discarded = false;
  private pending = 0;
  written = 0;

  constructor(
    private readonly store: DatasetsStore,
    private readonly dataset: DatasetInfo,
    private readonly into: 'table' | 'staging',
  ) {
    this.encoder = store.encoder(dataset, into);
  }

  /** `values` in the dataset's column order; they are encoded at once, so the caller may reuse the array. */
  add(row: number, values: readonly (string | null)[]): void {
    if (this.failure) throw this.failure;
    if (this.discarded) return;
    this.encoder.add(row, values);
    if (this.encoder.rows >= DATASET_CHUNK) this.send();
  }

  discard(): void {
    this.discarded = true;
    this.encoder.take();
  }

  async finish(): Promise<number> {
    if (this.encoder.rows > 0) this.send();
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
    const batch: DatasetBatch = this.encoder.take();
    this.pending++;
    this.inFlight = this.inFlight.then(async () => {
      try {
        if (this.failure || this.discarded) return;
        await this.store.copy(this.dataset, batch, this.into);
        this.written += batch.rows;
      } catch (e) {
        this.failure = e;
      } finally {
        this.pending--;
      }
    });
  }
}
