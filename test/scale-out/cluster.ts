import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/config';

export interface Cluster {
  /** The app's DATABASE_URL: PgBouncer (transaction mode) in front of the primary. */
  databaseUrl: string;
  /** The app's DATABASE_READ_URL: the streaming replica. */
  readUrl: string;
  /** The primary itself, for checks that must not go through PgBouncer. */
  primaryUrl: string;
  stop(): void;
}

const SCRIPT = join(ROOT, 'scripts/pg-cluster.sh');

/** Starts scripts/pg-cluster.sh in a fresh folder (not made by mkdtemp: as root the postgres user must reach it). */
export function startCluster(): Cluster {
  const dir = join(tmpdir(), `okpi-cluster-${randomBytes(4).toString('hex')}`);
  const out = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' });
  const env = new Map([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  const get = (name: string) => env.get(name) ?? (() => { throw new Error(`pg-cluster.sh printed no ${name}:\n${out}`); })();
  return {
    databaseUrl: get('DATABASE_URL'),
    readUrl: get('DATABASE_READ_URL'),
    primaryUrl: get('PG_PRIMARY_URL'),
    stop: () => execFileSync('bash', [SCRIPT, 'stop', dir]),
  };
}
