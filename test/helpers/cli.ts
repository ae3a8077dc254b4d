import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { connect } from '../../src/db/connect';
import type { DB } from '../../src/db/schema';
import { migratedPgliteDump } from './db';

export interface CliRun {
  out: string;
  err: string;
  exitCode: number | undefined;
}

/**
 * Runs CLI commands in-process: a fresh program with the given `register` functions, stdout and stderr
 * captured. Reset `process.exitCode` after each test (the commands set it on errors).
 */
export async function runCli(registers: ((program: Command) => void)[], args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    for (const register of registers) register(program);
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: process.exitCode === undefined ? undefined : Number(process.exitCode) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/**
 * Points the CLI at a fresh, migrated PGlite data folder for the tests of this file (`fill` writes the
 * fixtures), with DATABASE_URL cleared, and puts both variables back afterwards; `process.exitCode` is reset
 * after each test. Returns the folder's path (known once `beforeAll` has run).
 */
export function useCliDataFolder(prefix: string, fill: (db: Kysely<DB>) => Promise<void> = async () => {}): { readonly dataDir: string } {
  const saved = { dataDir: process.env.OPENKPI_DATA_DIR, url: process.env.DATABASE_URL };
  const folder = { dataDir: '' };
  beforeAll(async () => {
    folder.dataDir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
    const database = await connect({ dataDir: folder.dataDir, loadDataDir: await migratedPgliteDump() });
    await fill(database.db);
    await database.close();
    process.env.OPENKPI_DATA_DIR = folder.dataDir;
    process.env.DATABASE_URL = '';
  }, 60_000);
  afterAll(() => {
    restore('OPENKPI_DATA_DIR', saved.dataDir);
    restore('DATABASE_URL', saved.url);
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  return folder;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
