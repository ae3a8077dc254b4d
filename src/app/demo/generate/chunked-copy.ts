import type { Kysely } from 'kysely';
import { copyInto, CopyRows } from '../../../db/copy';

/** Rows of one table sent by COPY every `chunk` rows (so a few million rows never sit in one buffer). */
export class ChunkedCopy {
  private rows = new CopyRows();
  private pending = 0;
  written = 0;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly chunk = 100_000,
  ) {}

  /** The buffer to write the next row into (field methods, then `endRow()`); call `added()` after. */
  get row(): CopyRows {
    return this.rows;
  }

  added(): void {
    this.pending++;
    this.written++;
  }

  get full(): boolean {
    return this.pending >= this.chunk;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const rows = this.rows;
    this.rows = new CopyRows();
    this.pending = 0;
    await copyInto(this.db, this.table, this.columns, rows);
  }
}
