import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT } from '../src/config';
import { startNodeFlags } from '../scripts/build-server.mjs';
import { PROFILE_DIR } from './profile-summary';
import { checkinSlots, deadlocks, runCheckinClients, verifyCheckins } from './checkin-clients';
import { prepareCompany } from './prepare';
import { sampleRss, startServer, type RunningServer } from './server-process';
import { login } from './session';

// npm run load -- [reads|writes] [--duration 30] [--connections 100] [--people 10000] [--engine postgres|pglite]
//   [--json file] [--server tsx|"<command>"] [--cpu-prof]   (see docs/performance-load.md)
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '100' },
    people: { type: 'string', default: '10000' },
    engine: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    json: { type: 'string' },
    server: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const mode = positionals[0] ?? 'reads';
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const engine = flags.engine === 'postgres' ? 'postgres' : 'pglite';
const log = (line: string) => console.log(line);
const FIRST_TICK_MS = 8_000;

interface Row {
  name: string;
  engine: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMaxMb: number | null;
  kbPerResponse?: number;
  ratio?: number;
}

async function cannon(name: string, server: RunningServer | null, url: string, cookie?: string): Promise<Row> {
  const rss = server ? sampleRss(server.pid) : null;
  // Like a browser: gzip accepted.
  const r = await autocannon({ url, connections, duration, headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } });
  const rssMaxMb = rss ? rss.stop() : null;
  const row = { name, engine, reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, rssMaxMb, kbPerResponse: Math.round(r.throughput.total / Math.max(1, r.requests.total) / 102.4) / 10 };
  log(`  ${name.padEnd(14)} ${String(row.reqPerSec).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  non-2xx ${row.non2xx}  ${row.kbPerResponse} KB/response${rssMaxMb ? `  RSS max ${rssMaxMb} MB` : ''}`);
  return row;
}

/** The compiled server (built first when its sources changed, as `npm start` does); `--server tsx` runs the sources. */
const serverCommand = (): string[] => {
  const node = [process.execPath, ...(flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])];
  if (flags.server === 'tsx') return [...node, '--import', 'tsx', join(ROOT, 'src/main.ts')];
  if (flags.server) return flags.server.split(' ').flatMap((p, i) => (i === 0 && p === 'node' ? node : [p]));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs'), '--if-stale'], { stdio: 'inherit' });
  return [...node, ...startNodeFlags(), join(ROOT, 'dist/server/main.js')];
};

async function main(): Promise<void> {
  log(`OpenKPI load (${mode}) on ${engine}: ${connections} connections × ${duration} s, ${flags.people} people`);
  const company = await prepareCompany(engine, Number(flags.people), log);
  // The scheduler runs as in production: its first tick (reminders and red alerts over the whole company) comes
  // right after start-up, so the idle figure is taken once that tick has had time to finish.
  const server = await startServer(serverCommand(), { ...company.env, OPENKPI_DEMO: '0', LOG_LEVEL: 'warn' });
  await new Promise((resolve) => setTimeout(resolve, FIRST_TICK_MS));
  const rssIdle = sampleRss(server.pid).stop();
  log(`  server pid ${server.pid} at ${server.url}, RSS idle ${rssIdle} MB`);
  const rows: Row[] = [];
  const extra: Record<string, unknown> = { rssIdleMb: rssIdle };
  try {
    if (mode === 'writes') {
      const admin = await login(server.url, company.admin, company.password);
      const slots = await checkinSlots(server.url, admin.cookie, new Date().getFullYear() - 1, 10);
      const database = await company.open();
      try {
        const before = await deadlocks(database);
        const rss = sampleRss(server.pid);
        const run = await runCheckinClients({ url: server.url, cookie: admin.cookie, csrf: admin.csrf, slots, clients: connections, seconds: duration });
        const rssMaxMb = rss.stop();
        const check = await verifyCheckins(database, run.acked);
        const newDeadlocks = (await deadlocks(database)) - before;
        Object.assign(extra, { writes: { ...check, slots: slots.length, statuses: run.statuses, deadlocks: newDeadlocks } });
        rows.push({ name: 'check-ins', engine, reqPerSec: Math.round(run.requests / duration), p50: run.p50, p99: run.p99, errors: run.errors, non2xx: run.errors, rssMaxMb });
        log(`  check-ins: ${run.requests} sent, ${check.acknowledged} acknowledged, ${check.stored} stored (checksum ${check.ackedChecksum} / ${check.storedChecksum}), current not acknowledged ${check.currentNotAcknowledged}, errors ${run.errors}, deadlocks ${newDeadlocks}, RSS max ${rssMaxMb} MB`);
        log(`  ${Math.round(run.requests / duration)} check-ins/s, p50 ${run.p50} ms, p99 ${run.p99} ms → ${check.ok && run.errors === 0 && newDeadlocks === 0 ? 'OK' : 'FAILED'}`);
        if (!check.ok || run.errors > 0 || newDeadlocks > 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
    } else {
      const bare = await startServer([process.execPath, '--import', 'tsx', join(ROOT, 'load/bare-server.ts')], {});
      try {
        rows.push(await cannon('bare fastify', bare, `${bare.url}/bare`));
      } finally {
        await bare.stop();
      }
      const manager = await login(server.url, company.manager, company.password);
      const employee = await login(server.url, company.employee, company.password);
      const p = company.period;
      // The dashboard page's two reads: the unit tree (scores and counts), then the rows of the unit opened.
      rows.push(await cannon('unit dashboard', server, `${server.url}/api/dashboard/units?period=${p}&unit=${manager.unitId}&kpis=none`, manager.cookie));
      rows.push(await cannon('unit KPIs', server, `${server.url}/api/dashboard/units/${manager.unitId}/kpis?period=${p}`, manager.cookie));
      rows.push(await cannon('scorecard', server, `${server.url}/api/scorecard?period=${p}&scope=unit:${manager.unitId}`, manager.cookie));
      rows.push(await cannon('my KPIs', server, `${server.url}/api/scorecard?period=${p}&scope=person:${employee.personId}`, employee.cookie));
      const base = rows[0]!.reqPerSec;
      for (const r of rows) r.ratio = Math.round((r.reqPerSec / base) * 1000) / 1000;
      log(`  ratios to the bare route: ${rows.map((r) => `${r.name} ${r.ratio}`).join(', ')}`);
    }
  } finally {
    await server.stop();
    if (!process.env.LOAD_KEEP) await company.drop();
  }
  const out = { mode, engine, people: company.people, connections, duration, rows, ...extra };
  if (flags.json) writeFileSync(flags.json, JSON.stringify(out, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
