import { seedDemo } from '../src/app/demo/seed-demo';
import { createStore } from '../src/db/store';
import { buildApp } from '../src/server/app';
import { sessionCookie } from '../test/helpers/api';
import { freshDatabase } from '../test/helpers/db';
import { measure, type Bench } from './harness';

const N = 5_000;
const ROUNDS = 4;

/** Signed-in GET /api/health (session cookie → cached actor) against the same request without a cookie, in-process on PGlite. */
const bench: Bench = {
  name: 'signed-in requests',
  async run() {
    const database = await freshDatabase('pglite');
    const store = createStore(database.db);
    await seedDemo(store);
    const app = await buildApp({ store, engine: 'pglite', version: 'bench', now: () => new Date() });
    try {
      const cookie = await sessionCookie(app, 'truong.kd@minhan.vn');
      const signedIn = { method: 'GET' as const, url: '/api/health', headers: { cookie } };
      const anonymous = { method: 'GET' as const, url: '/api/health' };
      const check = await app.inject(signedIn);
      if (check.statusCode !== 200) throw new Error(`signed-in health: ${check.statusCode}`);

      // Alternate rounds and keep each side's best: the first rounds of either pay for JIT warm-up.
      let anonOps = 0;
      let signedOps = 0;
      for (let round = 0; round < ROUNDS; round++) {
        anonOps = Math.max(anonOps, await measure(N, () => app.inject(anonymous)));
        signedOps = Math.max(signedOps, await measure(N, () => app.inject(signedIn)));
      }
      const costMs = 1000 / signedOps - 1000 / anonOps;
      return [
        {
          name: 'GET /api/health signed in (pglite)',
          unit: 'req',
          opsPerSec: signedOps,
          baselineName: 'GET /api/health anonymous',
          baselineOpsPerSec: anonOps,
          note: `authentication adds ${costMs.toFixed(3)} ms a request; goal ratio ≥ 0.8`,
        },
      ];
    } finally {
      await app.close();
      await database.close();
    }
  },
};
export default bench;
