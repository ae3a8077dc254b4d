// Production build of OpenKPI, and the check whether it is still up to date with the sources.
//   node scripts/build-server.mjs                  compile the server and CLI to dist/server (npm run build:server)
//   node scripts/build-server.mjs --web            … and build the web app to dist/web (npm run build)
//   node scripts/build-server.mjs --if-stale --web only what is older than its sources (npm start)
// Each output folder holds a `.stamp`: a hash of the path, size and mtime of every input file, written when the
// build finished. A build is fresh when the stamp equals the hash of the inputs now: an edit, a new file or a
// deleted one all change it. Hashing names and stat() results, not contents, keeps the check at a few
// milliseconds, so bin/openkpi.js can make it on every CLI call.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.stamp';

/** What each build reads. Test files are left out: nothing the build emits depends on them. */
export const TARGETS = {
  server: {
    out: 'dist/server',
    inputs: ['src', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'],
    skip: ['src/web'],
  },
  // Besides its own folder the web app bundles src/core (and takes types from src/contract); vite.config.ts fails the
  // build when it bundles a source file outside these inputs.
  web: {
    out: 'dist/web',
    inputs: ['src/web', 'src/core', 'src/contract', 'vite.config.ts', 'package-lock.json', 'scripts/precompress.mjs'],
    skip: [],
  },
};

/**
 * The node flags `npm start` runs the compiled server with (package.json "start"), so the load runner and the
 * compiled-start test run it the same way. `--heap-growing-percent=50`: after each full garbage collection V8 lets
 * the heap grow by half of what is live, not by up to 4×; under 100 connections the server's RSS peaked at 384 MB
 * (a live heap of ~50 MB plus uncollected garbage) and stays under 210 MB with it, at the same requests per second.
 */
export function startNodeFlags() {
  const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const flags = /exec node (.*)dist\/server\/main\.js/.exec(start);
  if (!flags) throw new Error(`package.json "start" does not end in "exec node … dist/server/main.js": ${start}`);
  return flags[1].split(/\s+/).filter(Boolean);
}

function isTestFile(name) {
  return /\.test\.tsx?$/.test(name);
}

function listInputs(target) {
  const files = [];
  const skip = new Set(target.skip.map((p) => join(ROOT, p)));
  const walk = (path) => {
    if (skip.has(path)) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!isTestFile(name)) walk(join(path, name));
    } else {
      files.push(`${relative(ROOT, path)}\t${stat.size}\t${stat.mtimeMs}`);
    }
  };
  for (const input of target.inputs) walk(join(ROOT, input));
  return files;
}

/** The hash of a target's inputs as they are now. */
export function inputsHash(target) {
  return createHash('sha256').update(listInputs(target).join('\n')).digest('hex');
}

/** True when `target`'s output was built from exactly the inputs that are there now. */
export function isFresh(target) {
  const stamp = join(ROOT, target.out, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === inputsHash(target);
}

/**
 * Bundles src/main.ts and src/cli/main.ts with esbuild (each into one file; packages stay in node_modules)
 * and copies the SQL migrations next to them, where src/db/migrate.ts looks for them. The new build is made in
 * a side folder and moved into place whole, so a CLI call or server start during a rebuild sees the old build
 * or the new one, never half of each.
 */
export async function buildServer() {
  const hash = inputsHash(TARGETS.server);
  const out = join(ROOT, TARGETS.server.out);
  const next = `${out}.next-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
    outdir: next,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(ROOT, 'src/db/migrations'), join(next, 'migrations'), { recursive: true });
  writeFileSync(join(next, STAMP), hash);
  if (existsSync(out)) renameSync(out, old);
  try {
    renameSync(next, out);
  } catch (error) {
    // Another build moved its output in first; theirs is as good as ours.
    if (!existsSync(out)) throw error;
    rmSync(next, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** `vite build` and the precompressed twins (what `npm run build:web` does), then the stamp. */
export function buildWeb() {
  const hash = inputsHash(TARGETS.web);
  const run = (args) => {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`failed (${result.status ?? result.signal}): node ${args.join(' ')}`);
  };
  run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  run([join(ROOT, 'scripts/precompress.mjs'), 'dist/web']);
  writeFileSync(join(ROOT, TARGETS.web.out, STAMP), hash);
}

async function main(args) {
  const ifStale = args.includes('--if-stale');
  const builds = [['server', buildServer]];
  if (args.includes('--web')) builds.unshift(['web', buildWeb]);
  for (const [name, build] of builds) {
    if (ifStale && isFresh(TARGETS[name])) continue;
    const started = performance.now();
    await build();
    console.log(`built ${TARGETS[name].out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
