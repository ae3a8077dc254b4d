import type pg from 'pg';

/**
 * Sessions and locks (advisory ones included) of this database other than the reader's. A killed process's backend
 * ends once PostgreSQL sees its socket close, so this waits up to 5 s for both to reach 0 before answering.
 */
export async function leftovers(c: pg.Client): Promise<{ sessions: number; locks: number }> {
  const n = async (text: string) => Number((await c.query(text)).rows[0].n);
  for (let i = 0; ; i++) {
    const sessions = await n(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    const locks = await n(`SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.pid <> pg_backend_pid()`);
    if ((sessions === 0 && locks === 0) || i >= 100) return { sessions, locks };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
