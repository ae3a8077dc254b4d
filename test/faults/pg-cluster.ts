import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/config';

/** A PostgreSQL cluster of its own (scripts/pg-throwaway.sh), which a test may stop and start again. */
export interface PgCluster {
  url: string;
  stop(): void;
  start(): void;
  remove(): void;
}

const bin = () => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
};

/** pg_ctl as the postgres user when we are root (PostgreSQL refuses to run as root), as ourselves otherwise. */
function pgCtl(args: string[]): void {
  const cmd = join(bin(), 'pg_ctl');
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' });
  else execFileSync(cmd, args, { stdio: 'ignore' });
}

export function startCluster(dir: string): PgCluster {
  const out = execFileSync('bash', [join(ROOT, 'scripts/pg-throwaway.sh'), 'start', dir], { encoding: 'utf8' });
  const url = /DATABASE_URL=(\S+)/.exec(out)![1]!;
  // No options on start: pg-throwaway.sh wrote its port and settings into the cluster's postgresql.conf.
  return {
    url,
    stop: () => pgCtl(['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']),
    start: () => pgCtl(['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', 'start']),
    remove: () => execFileSync('bash', [join(ROOT, 'scripts/pg-throwaway.sh'), 'stop', dir], { stdio: 'ignore' }),
  };
}
