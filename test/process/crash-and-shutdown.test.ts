import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import { demoDataFolder } from '../helpers/demo-template';
import { httpSession, spawnServer } from './spawn-server';

const HEADER = 'Họ và tên,Email,Mã phòng ban,Chức danh,Email quản lý';

function bigCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    // Every row after the first reports to the previous one: the import has real work to do.
    lines.push(`Nhân viên ${i},crash${i}@test.vn,KD-MB,nv-kinh-doanh,${i > 1 ? `crash${i - 1}@test.vn` : ''}`);
  }
  return lines.join('\n');
}

async function peopleTotal(call: Awaited<ReturnType<typeof httpSession>>): Promise<number> {
  return ((await (await call('/api/people?limit=1')).json()) as { total: number }).total;
}

describe('process crashes and shutdown (real server process, PGlite data folder)', () => {
  it('kill -9 during a people import leaves all rows or none, and the server restarts on the same folder', async () => {
    const dataDir = await demoDataFolder('okpi-crash-');
    const first = await spawnServer({ OPENKPI_DATA_DIR: dataDir });
    const call = await httpSession(first.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const before = await peopleTotal(call);
    expect(before).toBe(40);

    const rows = 20_000;
    const form = new FormData();
    form.append('file', new Blob([bigCsv(rows)], { type: 'text/csv' }), 'big.csv');
    let answered = false;
    const upload = call('/api/people/import', { method: 'POST', body: form }).then(
      () => (answered = true),
      () => 'connection lost',
    );
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    await first.exited;
    await upload;
    expect(answered).toBe(false); // it really was in flight

    const second = await spawnServer({ OPENKPI_DATA_DIR: dataDir });
    try {
      const call2 = await httpSession(second.url, 'admin@minhan.vn', DEMO_PASSWORD);
      const after = await peopleTotal(call2);
      expect([before, before + rows]).toContain(after);
      // A demo company is not loaded twice into an existing folder.
      expect(second.output()).not.toContain('Demo company loaded');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('SIGTERM finishes the in-flight request, then exits 0 and closes the database cleanly', async () => {
    const dataDir = await demoDataFolder('okpi-term-');
    const server = await spawnServer({ OPENKPI_DATA_DIR: dataDir });
    const call = await httpSession(server.url, 'admin@minhan.vn', DEMO_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([bigCsv(2000)], { type: 'text/csv' }), 'mid.csv');
    const upload = call('/api/people/import', { method: 'POST', body: form });
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const res = await upload;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ dryRun: false, rows: 2000, created: 2000 });
    expect(await server.exited).toBe(0);

    const again = await spawnServer({ OPENKPI_DATA_DIR: dataDir });
    try {
      const call2 = await httpSession(again.url, 'admin@minhan.vn', DEMO_PASSWORD);
      expect(await peopleTotal(call2)).toBe(40 + 2000);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
