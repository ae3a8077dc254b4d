import type { FastifyInstance } from 'fastify';
import { ApiClient } from '../../../test/helpers/api';
import { freshDatabase } from '../../../test/helpers/db';
import { createProfitKpis, kpiWrite } from '../../app/actuals/test-fixtures';
import { DEMO_PASSWORD } from '../../app/demo/demo-data';
import { seedDemo } from '../../app/demo/seed-demo';
import type { Store } from '../../app/ports';
import type { Database, Engine } from '../../db/connect';
import { createStore } from '../../db/store';
import { buildApp } from '../app';

/** Test-only: the real app on the demo company with a clock the test sets, plus REV/COST/PROFIT/MARGIN and a ratio KPI. */
export interface ClockApp {
  app: FastifyInstance;
  store: Store;
  clock: { now: Date };
  kpis: Record<'REV' | 'COST' | 'PROFIT' | 'MARGIN' | 'RATE', number>;
  as(email: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function startClockApp(engine: Engine): Promise<ClockApp> {
  const database: Database = await freshDatabase(engine);
  const store = createStore(database.db);
  await seedDemo(store);
  // The chief accountant measures REV and COST; the sales head owns the ratio KPI.
  const [ktt, kd] = await store.people.findByEmails(['ktt@minhan.vn', 'truong.kd@minhan.vn']).then((ps) => [
    ps.find((p) => p.email === 'ktt@minhan.vn')!,
    ps.find((p) => p.email === 'truong.kd@minhan.vn')!,
  ]);
  const profit = await createProfitKpis(store, { measurerId: ktt!.id });
  const RATE = await store.kpis.create(kpiWrite('RATE', { aggregation: 'ratio', unit: '%', ownerId: kd!.id }));
  const clock = { now: new Date('2026-04-02T03:00:00Z') };
  // The tests move the clock by days under one signed-in client: sessions must outlive that (not the 30-minute idle limit).
  const days = 30 * 86_400_000;
  const app = await buildApp({ store, engine, version: 'test', now: () => clock.now, loginRateLimit: { max: 1000, timeWindow: '1 minute' }, sessionLimits: { absoluteMs: days, idleMs: days } });
  return {
    app,
    store,
    clock,
    kpis: { ...profit, RATE },
    async as(email) {
      const client = await ApiClient.create(app);
      const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
