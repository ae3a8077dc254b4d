import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import { connect, type Database } from '../../src/db/connect';

const DIR = join(ROOT, '.tmp', 'pglite-templates');
const PGLITE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * A fresh in-memory PGlite database that starts as a copy of a template. Creating a PGlite cluster (initdb) and
 * migrating it takes ~2.5 s and seeding the demo company ~8 s more; loading a saved dump takes ~0.6 s. The template is
 * built once by `build` and saved under .tmp/pglite-templates/<name>-<hash>.tar, where the hash covers the PGlite
 * version and every source file in `sources` — an edited migration or seed never reuses a stale template. Saved with
 * an atomic rename, so test files running in parallel never read half a dump.
 */
export async function pgliteFromTemplate(name: string, sources: string[], build: (database: Database) => Promise<void>): Promise<Database> {
  const file = templateFile(name, sources);
  if (existsSync(file)) return connect({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
  const database = await connect({ dataDir: 'memory://' });
  await build(database);
  await save(file, name, await database.dump!());
  return database;
}

/** The template as a dump (built and saved first when missing), e.g. to start a PGlite data folder on disk from it. */
export async function templateDump(name: string, sources: string[], build: (database: Database) => Promise<void>): Promise<Blob> {
  const file = templateFile(name, sources);
  if (!existsSync(file)) await (await pgliteFromTemplate(name, sources, build)).close();
  return new Blob([readFileSync(file)]);
}

function templateFile(name: string, sources: string[]): string {
  return join(DIR, `${name}-${sourceHash(sources)}.tar`);
}

async function save(file: string, name: string, dump: Blob): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  // Older templates of this name go; another worker's `.partial` file (it may be saving the same template now) stays.
  for (const old of readdirSync(DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.tar'))) {
    if (join(DIR, old) !== file) rmSync(join(DIR, old), { force: true });
  }
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

const hashes = new Map<string, string>();

/** One hash of the PGlite version and the paths and contents of the given files and every file under the given folders (relative to the repo). */
export function sourceHash(folders: string[]): string {
  const key = folders.join('\n');
  let hash = hashes.get(key);
  if (!hash) {
    const h = createHash('sha256').update(PGLITE_VERSION);
    for (const folder of folders) for (const file of filesUnder(join(ROOT, folder))) h.update(file).update(readFileSync(file));
    hashes.set(key, (hash = h.digest('hex').slice(0, 16)));
  }
  return hash;
}

function filesUnder(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
