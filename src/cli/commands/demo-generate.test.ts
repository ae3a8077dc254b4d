import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { connect } from '../../db/connect';
import { register } from './demo-generate';

const run = (args: string[]) => runCli([register], args);

/** A data folder that already has one account: the generator must refuse it and write nothing. */
const data = useCliDataFolder('okpi-cli-demo-generate-', async (db) => {
  await sql`INSERT INTO users (email, name, password_hash, role) VALUES ('an@vi.du', 'An', 'x', 'admin')`.execute(db);
});

async function counts(): Promise<Record<string, number>> {
  const database = await connect({ dataDir: data.dataDir });
  try {
    const { rows } = await sql<{ users: string; units: string; people: string; company: string }>`
      SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM org_units) AS units,
             (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM company) AS company`.execute(database.db);
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  } finally {
    await database.close();
  }
}

describe('openkpi demo generate', () => {
  it('refuses a database that is not empty: exit code 1, a clear message, nothing written', async () => {
    const r = await run(['demo', 'generate', '--people', '20', '--years', '1', '--orders', '0', '--lang', 'en']);
    expect(r.exitCode).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('The database already has data');
    expect(r.err).toContain('[DEMO_DATABASE_NOT_EMPTY]');
    expect(await counts()).toEqual({ users: 1, units: 0, people: 0, company: 0 });
  });

  it('refuses options out of range, naming each', async () => {
    const r = await run(['demo', 'generate', '--people', '5', '--years', '9', '--orders', 'many', '--lang', 'en']);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('--orders: --orders must be a whole number (got "many")');
    const again = await run(['demo', 'generate', '--people', '5', '--years', '9', '--today', '2026-02-30', '--lang', 'en']);
    expect(again.err).toContain('people: people must be a whole number from 20 to 200000 (got 5)');
    expect(again.err).toContain('years: years must be a whole number from 1 to 5 (got 9)');
    expect(again.err).toContain('today: The date "2026-02-30" is not a real YYYY-MM-DD date');
    expect(await counts()).toEqual({ users: 1, units: 0, people: 0, company: 0 });
  });
});
