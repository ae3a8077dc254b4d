import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/app/ports';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import { createStore } from '../../src/db/store';
import { localDate } from '../../src/core/period';
import { buildApp } from '../../src/server/app';
import { demoDatabase } from './demo-template';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random port with a fresh in-memory database, the demo company (its history up to
 * the month before `now`), and the built web app from dist/web (run `npx vite build` first). `now` fixes the
 * server's clock for tests about a given day.
 */
export async function startTestServer(options: { now?: Date } = {}): Promise<TestServer> {
  const webDir = join(ROOT, 'dist', 'web');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const fixed = options.now;
  const today = localDate(fixed ?? new Date(), 'Asia/Ho_Chi_Minh');
  const database = await demoDatabase(today);
  const store = createStore(database.db);
  const app = await buildApp(
    { store, engine: database.engine, version: 'e2e', now: fixed ? () => fixed : () => new Date(), loginRateLimit: { max: 1000, timeWindow: '1 minute' } },
    { webDir },
  );
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    store,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
