// Start-up time to a healthy /api/health and memory (RSS) of the server: the old `npm start` (web rebuilt on every
// start, server through the tsx loader) against the new one (compiled server, builds already fresh), on PGlite and,
// when DATABASE_URL is set, on PostgreSQL (in a database of its own, dropped at the end).
//   node scripts/measure-startup.mjs [--runs 3]
// Each engine's database is created and the demo company loaded by one start that is not measured, so every
// measured start is a restart ("warm"). Figures are medians; CPU (all processes of the start: npm script shell,
// builds, server) is read from /proc (Linux) when health answers, RSS 1 s later. On a busy machine the wall time
// waits for cores; the CPU time does not.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START_NOW = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
// The old start did `npm run build:web && tsx src/main.ts`; here its web build goes to a folder of its own
// (same work), so dist/web stays as it is for whoever else is using this checkout meanwhile.
const OLD_WEB_DIR = mkdtempSync(join(tmpdir(), 'okpi-startup-web-'));
const COMMANDS = {
  'before (tsx, web rebuilt)': `vite build --logLevel warn --outDir ${OLD_WEB_DIR} --emptyOutDir && node scripts/precompress.mjs ${OLD_WEB_DIR} >/dev/null && OPENKPI_WEB_DIR=${OLD_WEB_DIR} tsx src/main.ts`,
  [`after (${START_NOW.includes('dist/server') ? 'compiled, fresh build' : 'current npm start'})`]: START_NOW,
};
const CLOCK_TICKS = 100; // USER_HZ of /proc/<pid>/stat on Linux
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function freePort() {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** RSS (KB) and CPU time (s, its ended children included) of `pid` and every process below it, by pid. */
function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Map();
  const visit = (p) => {
    try {
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const [utime, stime, cutime, cstime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number);
      tree.set(p, { rssKb, cpuSeconds: (utime + stime + cutime + cstime) / CLOCK_TICKS });
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return tree;
}

/** Runs `command` (as npm would: sh, node_modules/.bin on PATH) until /api/health answers 200; returns the figures. */
async function startOnce(command, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('sh', ['-c', command], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree is stopped at the end
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OPENKPI_SCHEDULER: 'off',
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((ok) => child.on('exit', ok));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
      if (performance.now() - started > 300_000) throw new Error(`${command} not healthy after 300 s: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = [...processTree(child.pid).values()].reduce((n, p) => n + p.cpuSeconds, 0);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = [...processTree(child.pid).values()].map((p) => p.rssKb);
    return { seconds, cpuSeconds, serverMb: Math.max(...rss) / 1024, treeMb: rss.reduce((a, b) => a + b, 0) / 1024 };
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function postgresDatabase() {
  const admin = process.env.DATABASE_URL;
  if (!admin) return undefined;
  const name = `okpi_startup_${randomBytes(4).toString('hex')}`;
  const sql = async (text) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await sql(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'okpi-startup-'));
  const engines = [['PGlite', { env: { DATABASE_URL: '', OPENKPI_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) }]];
  const postgres = await postgresDatabase();
  if (postgres) engines.push(['PostgreSQL', postgres]);
  const rows = [];
  try {
    for (const [engine, database] of engines) {
      await startOnce(START_NOW, database.env); // creates the database and loads the demo company (not measured)
      for (const [label, command] of Object.entries(COMMANDS)) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await startOnce(command, database.env));
        rows.push({
          engine,
          start: label,
          'to healthy (s)': median(runs.map((r) => r.seconds)).toFixed(2),
          'CPU until healthy (s)': median(runs.map((r) => r.cpuSeconds)).toFixed(2),
          'server RSS (MB)': median(runs.map((r) => r.serverMb)).toFixed(0),
          'all processes RSS (MB)': median(runs.map((r) => r.treeMb)).toFixed(0),
        });
        console.error(`${engine} ${label}: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s`);
      }
    }
  } finally {
    for (const [, database] of engines) await database.drop();
    rmSync(OLD_WEB_DIR, { recursive: true, force: true });
  }
  console.table(rows);
}

await main();
