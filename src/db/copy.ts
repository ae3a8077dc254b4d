import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';

/** Rows in PostgreSQL's COPY text format (tab-separated, `\N` for null), sent as a COPY statement's only parameter. */
export class CopyInData {
  constructor(readonly data: Buffer) {}
}

const TAB = 9;
const NEWLINE = 10;
const NULL_FIELD = '\\N';

/**
 * Builds COPY text rows straight into a growing buffer: concatenating a million short strings costs
 * several times more than writing their bytes. Call a field method per column, then `endRow()`.
 */
export class CopyRows {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  /** Text known to be ASCII with nothing to escape: keys, ISO dates, numbers. */
  ascii(value: string | number | null | undefined): this {
    if (value === null || value === undefined) return this.ascii(NULL_FIELD);
    const s = typeof value === 'number' ? String(value) : value;
    this.room(s.length + 1);
    this.at += this.buf.write(s, this.at, 'latin1');
    this.buf[this.at++] = TAB;
    return this;
  }

  /** Any text, escaped; null is `\N`. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.ascii(NULL_FIELD);
    const s = copyText(value);
    this.room(Buffer.byteLength(s) + 1);
    this.at += this.buf.write(s, this.at, 'utf8');
    this.buf[this.at++] = TAB;
    return this;
  }

  endRow(): void {
    this.buf[this.at - 1] = NEWLINE;
  }

  done(): CopyInData {
    return new CopyInData(this.buf.subarray(0, this.at));
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/**
 * `COPY table (columns) FROM STDIN` on the connection `db` runs on (inside its transaction, if any): the
 * fastest way to move many rows into PostgreSQL. Each engine gets the data its own way (see `connect.ts`).
 */
export async function copyInto(db: Kysely<unknown>, table: string, columns: readonly string[], rows: CopyRows): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, [rows.done()]));
}

/** Escapes one text value for the COPY text format. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

type CopyRunner = (client: pg.Client, sql: string, data: CopyInData) => Promise<Partial<pg.QueryResult>>;

/** A pg client class whose `query(sql, [CopyInData])` runs a COPY; every other call is pg's own. */
export function clientWithCopy(run: CopyRunner): typeof pg.Client {
  return class CopyAwareClient extends pg.Client {
    // pg's overloads cannot be restated one by one; the arguments pass through untouched.
    override query(...args: unknown[]): never {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length === 1 && values[0] instanceof CopyInData) {
        return run(this, text, values[0]) as never;
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  };
}

/** PostgreSQL: the COPY sub-protocol, driven by a query object pg's client submits (no extra package). */
export const copyFromStdin: CopyRunner = (client, sql, data) => {
  const copy = new CopyFromStdin(sql, data.data);
  (pg.Client.prototype.query as (this: pg.Client, submittable: unknown) => unknown).call(client, copy);
  return copy.done;
};

/** PGlite has one session, shared by its single pg client: its own COPY reads the rows from a blob. */
export const copyFromBlob =
  (pglite: PGlite): CopyRunner =>
  async (_client, sql, data) => {
    const result = await pglite.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([data.data as Uint8Array<ArrayBuffer>]) });
    return { command: 'COPY', rowCount: result.affectedRows ?? 0, rows: [] };
  };

const CHUNK_BYTES = 1 << 16;

class CopyFromStdin {
  private resolve!: (r: Partial<pg.QueryResult>) => void;
  private reject!: (e: unknown) => void;
  private rowCount = 0;
  readonly done = new Promise<Partial<pg.QueryResult>>((res, rej) => ((this.resolve = res), (this.reject = rej)));

  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: { query(text: string): void }) {
    connection.query(this.sql);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    for (let o = 0; o < this.data.length; o += CHUNK_BYTES) connection.sendCopyFromChunk(this.data.subarray(o, o + CHUNK_BYTES));
    connection.endCopyFrom();
  }
  handleCommandComplete(message: { text?: string }) {
    this.rowCount = Number(/\d+$/.exec(message.text ?? '')?.[0] ?? 0);
  }
  // pg detaches a query on its error (the ReadyForQuery that follows never reaches it): settle here.
  handleError(error: unknown) {
    this.reject(error);
  }
  handleReadyForQuery() {
    this.resolve({ command: 'COPY', rowCount: this.rowCount, rows: [] });
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}
