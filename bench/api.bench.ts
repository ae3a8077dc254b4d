import Fastify, { type InjectOptions } from 'fastify';
import { seedDemo } from '../src/app/demo/seed-demo';
import { createStore } from '../src/db/store';
import { buildApp } from '../src/server/app';
import { sessionCookie } from '../test/helpers/api';
import { onEachEngine } from './databases';
import { measure, type Bench, type Measurement } from './harness';

const N = Number(process.env.API_BENCH_REQUESTS ?? 2_000);
const ROUNDS = 3;
const MANAGER = 'truong.kd@minhan.vn';

/**
 * A signed-in GET of a read route of the real app (session, permission scope, use-case, response schema) against a
 * bare Fastify route returning the same body as a constant, both in-process through `inject`. They agree when our
 * answer is byte-for-byte the constant, which is that route's first answer: the app must answer the same every time.
 */
const bench: Bench = {
  name: 'api',
  async run({ engines, log }): Promise<Measurement[]> {
    return onEachEngine(engines, async (engine, database): Promise<Measurement[]> => {
      const store = createStore(database.db);
      await seedDemo(store);
      const app = await buildApp({ store, engine, version: 'bench', now: () => new Date() });
      const bare = Fastify();
      try {
        const cookie = await sessionCookie(app, MANAGER);
        const routes = ['/api/dashboard/units', '/api/kpis'];
        const constants = new Map<string, string>();
        for (const url of routes) {
          const first = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (first.statusCode !== 200) throw new Error(`GET ${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
          const constant = first.body;
          constants.set(url, constant);
          bare.get(`/bare${url}`, async (_req, reply) => reply.type('application/json; charset=utf-8').send(constant));
        }
        await bare.ready();
        const out: Measurement[] = [];
        for (const url of routes) {
          const ours: InjectOptions = { method: 'GET', url, headers: { cookie } };
          const constant = constants.get(url)!;
          const bareUrl = `/bare${url}`;
          const again = await app.inject(ours);
          const plain = await bare.inject({ method: 'GET', url: bareUrl });
          const agree = again.statusCode === 200 && plain.statusCode === 200 && again.body === plain.body;
          // Alternate rounds and keep each side's best: the first rounds of either pay for JIT warm-up.
          let oursOps = 0;
          let bareOps = 0;
          for (let round = 0; round < ROUNDS; round++) {
            bareOps = Math.max(bareOps, await measure(N, () => bare.inject({ method: 'GET', url: bareUrl })));
            oursOps = Math.max(oursOps, await measure(N, () => app.inject(ours)));
          }
          log(`    ${engine}: GET ${url} ${Math.round(oursOps)} req/s, bare ${Math.round(bareOps)} req/s (${constant.length.toLocaleString('en-US')} bytes)`);
          out.push({
            name: `API GET ${url} signed in (in-process)`,
            engine,
            value: oursOps,
            unit: 'req/s',
            baseline: 'bare Fastify route returning the same body',
            baselineValue: bareOps,
            better: 'higher',
            agree,
            note: `demo company, signed in as a unit manager; ${constant.length.toLocaleString('en-US')}-byte answer equal to the constant; best of ${ROUNDS} rounds of ${N.toLocaleString('en-US')}`,
          });
        }
        return out;
      } finally {
        await bare.close();
        await app.close();
      }
    }).then((lists) => lists.flat());
  },
};

export default bench;
