import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../src/config';
import { databaseUrl, withClient, type PostgresDatabase } from '../helpers/db';

const run = promisify(execFile);

/** The script that turns a migrated OpenKPI database into reference and distributed tables (docs/scaling.md, section 5). */
export const DISTRIBUTE_SQL = join(ROOT, 'scripts/citus-distribute.sql');

/** The workers of the cluster CITUS_URL points at (its coordinator), as `pg_dist_node` lists them. */
async function workers(adminUrl: string): Promise<{ host: string; port: number }[]> {
  return withClient(adminUrl, async (c) =>
    (await c.query<{ host: string; port: number }>(`SELECT nodename AS host, nodeport AS port FROM pg_dist_node WHERE groupid > 0 AND isactive ORDER BY nodeid`)).rows,
  );
}

/**
 * A new database on every node of the cluster with the citus extension, the coordinator registered and the workers
 * added: what `scripts/citus-cluster.sh start` does for its own database, here with a fresh name per test run.
 */
export async function createCitusDatabase(adminUrl: string, prefix = 'okpi_citus'): Promise<PostgresDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const nodes = await workers(adminUrl);
  const coordinator = new URL(adminUrl);
  const nodeUrl = (host: string, port: number, db: string) => {
    const u = new URL(adminUrl);
    u.hostname = host;
    u.port = String(port);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const all = [{ host: coordinator.hostname, port: Number(coordinator.port || 5432) }, ...nodes];
  for (const n of all) {
    await withClient(nodeUrl(n.host, n.port, 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
    await withClient(nodeUrl(n.host, n.port, name), (c) => c.query('CREATE EXTENSION citus'));
  }
  const url = databaseUrl(adminUrl, name);
  await withClient(url, async (c) => {
    await c.query('SELECT citus_set_coordinator_host($1, $2)', [all[0]!.host, all[0]!.port]);
    for (const w of nodes) await c.query('SELECT citus_add_node($1, $2)', [w.host, w.port]);
  });
  return {
    url,
    async drop() {
      for (const n of [...all].reverse()) {
        await withClient(nodeUrl(n.host, n.port, 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    },
  };
}

/** Runs scripts/citus-distribute.sql with psql, the way an operator does; returns psql's output. */
export async function distribute(url: string): Promise<string> {
  const { stdout, stderr } = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', DISTRIBUTE_SQL, url], { maxBuffer: 16 * 1024 * 1024 });
  return stdout + stderr;
}
