import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../src/app/demo/seed-demo';
import { localDate, type IsoDate } from '../../src/core/period';
import { connect, type Database } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { createStore } from '../../src/db/store';
import { pgliteFromTemplate, templateDump } from './pglite-template';

/** Everything the seeded demo company depends on (the server code that writes it, its data, the migrations). */
const DEMO_SOURCES = ['src/app', 'src/core', 'src/db', 'src/contract'];

// The demo company (143k orders) takes ~8 s to seed: seeded once per day and source version, then loaded from a dump.
const name = (today: IsoDate) => `demo-${today}`;
const build = (today: IsoDate) => async (database: Database) => {
  await migrate(database.db);
  await seedDemo(createStore(database.db), { today });
};

/** An in-memory PGlite database holding the demo company with its history up to the month before `today`. */
export function demoDatabase(today: IsoDate): Promise<Database> {
  return pgliteFromTemplate(name(today), DEMO_SOURCES, build(today));
}

/**
 * A PGlite data folder on disk holding the demo company as a server would seed it on its first start today, so a
 * spawned server starts in seconds instead of seeding (which can take half a minute on a busy CI machine).
 */
export async function demoDataFolder(prefix: string): Promise<string> {
  const today = localDate(new Date(), 'Asia/Ho_Chi_Minh');
  const dataDir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
  const database = await connect({ dataDir, loadDataDir: await templateDump(name(today), DEMO_SOURCES, build(today)) });
  await database.close();
  return dataDir;
}
