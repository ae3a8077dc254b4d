import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checkinSlots, deadlocks, runCheckinClients, verifyCheckins } from '../../load/checkin-clients';
import { login } from '../../load/session';
import { kpiWrite } from '../../src/app/actuals/test-fixtures';
import { hashPassword } from '../../src/app/passwords';
import type { Database } from '../../src/db/connect';
import { createStore } from '../../src/db/store';
import { buildApp } from '../../src/server/app';
import { engines, freshDatabase } from '../helpers/db';

const PASSWORD = 'load-test-password';

// The lean CI version of `npm run load -- writes`: concurrent clients over real HTTP, overlapping slots.
describe.each(engines())('concurrent check-ins on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    // Only what the check-ins need (an admin and two KPIs): the demo company would take longer than the run.
    const store = createStore(database.db);
    await store.users.create({ email: 'admin@load.test', name: 'Admin', passwordHash: await hashPassword(PASSWORD), role: 'admin', locale: 'vi' });
    for (const code of ['LOAD_A', 'LOAD_B']) await store.kpis.create(kpiWrite(code));
    app = await buildApp({ store: createStore(database.db), engine, version: 'test', now: () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('stores every acknowledged write exactly once, the last one current and the others as versions', async () => {
    const admin = await login(url, 'admin@load.test', PASSWORD);
    const slots = (await checkinSlots(url, admin.cookie, 2025, 2)).slice(0, 6); // 10 clients on 6 slots: many overwrites
    const before = await deadlocks(database);
    const run = await runCheckinClients({ url, cookie: admin.cookie, csrf: admin.csrf, slots, clients: 10, seconds: 2 });
    expect(run.statuses).toEqual({ '200': run.requests });
    expect(run.acked.length).toBeGreaterThan(slots.length);
    const check = await verifyCheckins(database, run.acked);
    expect(check).toMatchObject({ acknowledged: run.acked.length, stored: run.acked.length, currentNotAcknowledged: 0, ok: true });
    expect(check.storedChecksum).toBe(check.ackedChecksum);
    expect(await deadlocks(database)).toBe(before);
  }, 30_000);
});
