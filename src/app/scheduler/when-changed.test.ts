import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/api';
import { engines } from '../../../test/helpers/db';
import { createStore } from '../../db/store';
import { whenChanged } from './when-changed';

// Hồ Chí Minh City is UTC+7: 01:59Z is 08:59 local, 02:00Z is 09:00.
describe.each(engines())('a job run only when its data, day or 09:00 changed, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('skips ticks that would see the same data on the same side of 09:00 of the same day', async () => {
    const runs: string[] = [];
    const job = whenChanged({ name: 'count', run: async ({ now }) => void runs.push(now.toISOString()) }, 9);
    const at = (iso: string) => job.run({ store: t.store, now: new Date(iso) });

    await at('2026-06-01T01:00:00Z'); // 08:00: first run
    await at('2026-06-01T01:59:00Z'); // 08:59: nothing changed
    await at('2026-06-01T02:00:00Z'); // 09:00: runs again
    await at('2026-06-01T05:00:00Z'); // 12:00: nothing changed
    expect(runs).toEqual(['2026-06-01T01:00:00.000Z', '2026-06-01T02:00:00.000Z']);

    const admin = await t.as('admin@minhan.vn');
    expect((await admin.post('/api/kpis/REVENUE/checkins', { period: '2026-05', value: 123 })).statusCode).toBe(200);
    await at('2026-06-01T05:01:00Z'); // a value came in: runs
    await at('2026-06-01T05:02:00Z');
    await at('2026-06-01T17:00:00Z'); // 00:00 on 02/06: a new day runs
    expect(runs).toHaveLength(4);
    expect(runs.slice(2)).toEqual(['2026-06-01T05:01:00.000Z', '2026-06-01T17:00:00.000Z']);
  });

  it('remembers each store apart, and never a failed run', async () => {
    let calls = 0;
    let fail = true;
    const job = whenChanged({ name: 'flaky', run: async () => { calls++; if (fail) throw new Error('smtp down'); } }, 9);
    const ctx = { store: t.store, now: new Date('2026-06-03T03:00:00Z') };
    await expect(job.run(ctx)).rejects.toThrow('smtp down');
    fail = false;
    await job.run(ctx); // the failed run is tried again
    await job.run(ctx); // now remembered
    await job.run({ ...ctx, store: createStore(t.database.db) }); // another store (another instance) runs its own
    expect(calls).toBe(3);
  });
});
