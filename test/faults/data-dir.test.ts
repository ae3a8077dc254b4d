import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FREE_BYTES } from '../../src/db/check-data-dir';
import { connect } from '../../src/db/connect';
import { runCli, runServer } from './cli-process';

/** Read-only bind mounts and a small tmpfs need root (CI runs as root); elsewhere these tests are skipped. */
function canMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'okpi-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const MOUNTS = canMount();
if (!MOUNTS) console.warn('data-dir fault tests skipped: mounting a read-only bind mount or a tmpfs is not permitted here (needs root)');

/** Every file of the folder and its SHA-256: equal before and after means the failed start wrote nothing. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function keptCodes(dataDir: string): Promise<string[]> {
  const database = await connect({ dataDir });
  try {
    return (await sql<{ code: string }>`SELECT code FROM kept ORDER BY code`.execute(database.db)).rows.map((r) => r.code);
  } finally {
    await database.close();
  }
}

describe.skipIf(!MOUNTS)('a PGlite data folder the server cannot write to', () => {
  const root = mkdtempSync(join(tmpdir(), 'okpi-datadir-fault-'));
  const template = join(root, 'template');
  const mounts: string[] = [];
  beforeAll(async () => {
    // All on a tmpfs of its own: PGlite creates its ~40 MB folder of small files several times faster there.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', root]);
    mounts.push(root);
    const database = await connect({ dataDir: template });
    await sql`CREATE TABLE kept (code text PRIMARY KEY)`.execute(database.db); // no migrations needed: any committed row will do
    await sql`INSERT INTO kept VALUES ('KEEP')`.execute(database.db);
    await database.close();
  });
  afterAll(() => {
    for (const m of mounts.reverse()) execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  });

  it('read-only (a read-only bind mount, which stops root too): exit code 1, a message naming the folder and the fix, the folder untouched and fine once writable', async () => {
    const dataDir = join(root, 'readonly');
    cpSync(template, dataDir, { recursive: true });
    execFileSync('mount', ['--bind', dataDir, dataDir]);
    mounts.push(dataDir);
    execFileSync('mount', ['-o', 'remount,ro,bind', dataDir]);
    const before = fingerprint(dataDir);

    const run = runServer({ OPENKPI_DATA_DIR: dataDir });
    const cli = runCli(['backup', join(root, 'never-written.okpi.gz')], { OPENKPI_DATA_DIR: dataDir }); // the CLI checks the folder the same way
    expect(await cli.exited, cli.output()).toBe(1);
    expect(cli.output()).toContain(`✖ Cannot write to the data folder ${dataDir} (EROFS: read-only file system)`);
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toContain(`Cannot write to the data folder ${dataDir} (EROFS: read-only file system)`);
    expect(run.output()).toContain('OPENKPI_DATA_DIR');
    expect(run.output()).not.toMatch(/\n\s+at /); // a message for an operator, not a stack trace

    expect(fingerprint(dataDir)).toEqual(before);
    execFileSync('umount', [dataDir]);
    mounts.pop();
    expect(await keptCodes(dataDir)).toEqual(['KEEP']);
  });

  it('full (a tmpfs filled to the last megabyte): exit code 1, a message naming the folder, free space and the fix, the folder untouched and fine once space is freed', async () => {
    const disk = join(root, 'small-disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', disk]);
    mounts.push(disk);
    const dataDir = join(disk, 'data');
    cpSync(template, dataDir, { recursive: true });
    const { bavail, bsize } = statfsSync(disk);
    const filler = join(disk, 'filler');
    writeFileSync(filler, Buffer.alloc(bavail * bsize - 1024 * 1024)); // leaves 1 MB, below what PGlite needs
    expect(statfsSync(disk).bavail * bsize).toBeLessThan(MIN_FREE_BYTES);
    const before = fingerprint(dataDir);

    const run = runServer({ OPENKPI_DATA_DIR: dataDir });
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toMatch(new RegExp(`The disk of the data folder ${dataDir} is full \\(1\\.0 MB free; OpenKPI needs at least 32\\.0 MB to start\\)`));
    expect(run.output()).toContain('Free some space');

    expect(fingerprint(dataDir)).toEqual(before);
    rmSync(filler);
    expect(await keptCodes(dataDir)).toEqual(['KEEP']);
  });
});
