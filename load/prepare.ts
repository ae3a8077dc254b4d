import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/app/demo/demo-data';
import { seedDemo } from '../src/app/demo/seed-demo';
import { companyToday } from '../src/core/actuals/company-today';
import { connect, type Database, type Engine } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { createStore } from '../src/db/store';

/** The company a load run signs in to, and where it lives. */
export interface LoadCompany {
  engine: Engine;
  /** Environment for the server process: DATABASE_URL or OPENKPI_DATA_DIR. */
  env: Record<string, string>;
  password: string;
  admin: string;
  manager: string;
  employee: string;
  period: string;
  people: number;
  /** A direct connection for checks after the run. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

interface Generated {
  password: string;
  admin: string;
  manager: string;
  employee: string;
  period: string;
  people: number;
  seconds: number;
}
type Generate = (database: Database, options: { people: number; years?: number; orders?: number; onProgress?: (step: string, done: number, total: number) => void }) => Promise<Generated>;

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the engine with `people` generated employees (the scale generator), or the demo company
 * when `people` is 0. PostgreSQL: a new database on the DATABASE_URL server; PGlite: a temporary data folder.
 */
export async function prepareCompany(engine: Engine, people: number, log: (line: string) => void): Promise<LoadCompany> {
  let env: Record<string, string>;
  let open: () => Promise<Database>;
  let drop: () => Promise<void>;
  if (engine === 'postgres') {
    const server = process.env.DATABASE_URL;
    if (!server) throw new Error('--engine postgres needs DATABASE_URL');
    const name = `okpi_load_${randomBytes(5).toString('hex')}`;
    await admin(server, `CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    open = () => connect({ databaseUrl: url.toString() });
    drop = () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'okpi-load-'));
    env = { OPENKPI_DATA_DIR: dir, DATABASE_URL: '' };
    open = () => connect({ dataDir: dir });
    drop = () => rm(dir, { recursive: true, force: true });
  }
  const database = await open();
  try {
    await migrate(database.db);
    if (people > 0) {
      const { generateCompany } = (await import('../src/app/demo/generate/generate-company')) as { generateCompany: Generate };
      let last = '';
      const s = await generateCompany(database, {
        people,
        years: 1,
        orders: people * 2,
        onProgress: (step) => {
          if (step !== last) log(`  generating: ${(last = step)}`);
        },
      });
      log(`  generated ${s.people} people in ${s.seconds.toFixed(0)} s`);
      return { engine, env, open, drop, password: s.password, admin: s.admin, manager: s.manager, employee: s.employee, period: s.period, people: s.people };
    }
    const today = companyToday(null, new Date());
    await seedDemo(createStore(database.db), { today });
    const [y, m] = today.split('-').map(Number) as [number, number];
    const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    return { engine, env, open, drop, password: DEMO_PASSWORD, admin: 'admin@minhan.vn', manager: 'truong.kd@minhan.vn', employee: 'nhanvien@minhan.vn', period: last, people: 0 };
  } finally {
    await database.close();
  }
}
