import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { dimensionBomb, inflationBomb, longCellCsv, manyRowsXlsx, wideCsv } from '../fixtures/import/hostile-files';
import { engines, freshPostgresDatabase } from '../helpers/db';
import { httpSession, spawnServer, type ServerProcess } from './spawn-server';

/** The goal is ~100 ms; the bound leaves room for a busy 2-core machine running other tests. */
const MAX_HEALTH_MS = 300;
/** With PostgreSQL the server process is ours alone; embedded PGlite holds ~900 MB by itself, so there only the growth is bounded. */
const MAX_RSS_MB = 600;
const MAX_RSS_GROWTH_MB = 150;

/** The server's resident memory, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

/** Probes /api/health one request after the other, and samples the server's RSS, until stopped. */
function watch(server: ServerProcess) {
  const latencies: number[] = [];
  let peakRss = 0;
  let running = true;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 20);
  const probes = (async () => {
    while (running) {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      clearInterval(rssTimer);
      await probes;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
      return { probes: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1)!), peakRssMb: Math.round(peakRss) };
    },
  };
}

describe.each(engines())('hostile spreadsheets against a real server process on %s', (engine) => {
  let server: ServerProcess;
  let dropDatabase = async () => {};
  beforeAll(async () => {
    if (engine === 'pglite') {
      server = await spawnServer({ OPENKPI_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'okpi-hostile-')), 'data') });
    } else {
      const fresh = await freshPostgresDatabase();
      dropDatabase = fresh.drop;
      server = await spawnServer({ DATABASE_URL: fresh.url });
    }
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await dropDatabase();
  });

  it(`bombs and a 200,000-row file: clean 4xx, RSS bounded, /api/health never slower than ${MAX_HEALTH_MS} ms`, async () => {
    const admin = await httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const employee = await httpSession(server.url, 'nhanvien@minhan.vn', DEMO_PASSWORD);
    const send = async (call: typeof admin, url: string, name: string, data: Buffer | string) => {
      const form = new FormData();
      form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
      const res = await call(url, { method: 'POST', body: form });
      const body = (await res.json()) as { error?: { code: string }; totalRows?: number };
      return { status: res.status, code: body.error?.code, totalRows: body.totalRows };
    };
    const files = {
      dimension: dimensionBomb(),
      inflation: await inflationBomb(),
      lying: await inflationBomb({ lie: true }),
      wide: wideCsv(201),
      long: longCellCsv(40_000),
      many: manyRowsXlsx(200_000),
    };
    const baseline = Math.round(rssMb(server.child.pid!));

    const watcher = watch(server);
    const results = [];
    for (let round = 0; round < 2; round++) {
      results.push(
        await send(admin, '/api/actuals/import/preview', 'dimension.xlsx', files.dimension),
        await send(admin, '/api/actuals/import/preview', 'bomb.xlsx', files.inflation),
        await send(admin, '/api/actuals/import?dryRun=true', 'lie.xlsx', files.lying),
        await send(admin, '/api/people/import', 'wide.csv', files.wide),
        await send(admin, '/api/actuals/import', 'long.csv', files.long),
        await send(employee, '/api/people/import', 'bomb.xlsx', files.inflation),
        await send(employee, '/api/actuals/import', 'bomb.xlsx', files.inflation),
        await send(admin, '/api/actuals/import/preview', 'many.xlsx', files.many),
      );
    }
    const seen = await watcher.stop();
    console.log(`hostile uploads on ${engine}: RSS ${baseline} MB before, peak ${seen.peakRssMb} MB; /api/health over ${seen.probes} probes: p50 ${seen.p50} ms, p99 ${seen.p99} ms, max ${seen.max} ms`);

    const expected = [
      { status: 422, code: 'TOO_MANY_COLUMNS' },
      { status: 413, code: 'FILE_TOO_LARGE' },
      { status: 422, code: 'FILE_INVALID' },
      { status: 422, code: 'TOO_MANY_COLUMNS' },
      { status: 422, code: 'CELL_TOO_LONG' },
      { status: 403, code: 'FORBIDDEN' },
      { status: 403, code: 'FORBIDDEN' },
      { status: 200, totalRows: 200_000 },
    ];
    expect(results).toMatchObject([...expected, ...expected]);
    expect(seen.peakRssMb - baseline).toBeLessThan(MAX_RSS_GROWTH_MB);
    if (engine === 'postgres') expect(seen.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect(seen.max).toBeLessThan(MAX_HEALTH_MS);
    expect(seen.probes).toBeGreaterThan(20);
  }, 120_000);
});
