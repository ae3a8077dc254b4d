import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import { createStore } from '../../src/db/store';
import { seedDemo } from '../../src/app/demo/seed-demo';
import { localDate } from '../../src/core/period';
import { buildApp } from '../../src/server/app';
import { freshDatabase } from './db';

/**
 * A real HTTP server on a random port with a fresh in-memory database, the demo company,
 * and the built web app from dist/web (run `npx vite build` first).
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const webDir = join(ROOT, 'dist', 'web');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const database = await freshDatabase('pglite');
  const store = createStore(database.db);
  await seedDemo(store, { today: localDate(new Date(), 'Asia/Ho_Chi_Minh') });
  const app = await buildApp({ store, engine: database.engine, version: 'e2e', now: () => new Date() }, { webDir });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
