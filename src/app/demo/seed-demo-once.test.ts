import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, freshPostgresDatabase } from '../../../test/helpers/db';
import { connect, type Database } from '../../db/connect';
import { createStore } from '../../db/store';
import { DEMO_LOGINS } from './demo-data';
import { seedDemo } from './seed-demo';
import { DEMO_AGENCY_LOGIN } from './seed-marketing';

// Two app instances starting at once on one empty database both see it empty and both seed the demo company.
describe.each(engines())('the demo company seeded by two instances at once on %s', (engine) => {
  let first: Database;
  let second: Database;
  let drop = async () => {};
  beforeAll(async () => {
    if (engine === 'postgres') {
      // Two connection pools, as two processes would have.
      const fresh = await freshPostgresDatabase({ migrated: true });
      first = await connect({ databaseUrl: fresh.url });
      second = await connect({ databaseUrl: fresh.url });
      drop = fresh.drop;
    } else {
      first = await freshDatabase('pglite');
      second = first;
    }
  });
  afterAll(async () => {
    await first.close();
    if (second !== first) await second.close();
    await drop();
  });

  it('is seeded once: one instance loads it, the other finds it there and loads nothing', async () => {
    const [a, b] = await Promise.all([seedDemo(createStore(first.db)), seedDemo(createStore(second.db))]);
    expect([a.length, b.length].sort()).toEqual([0, DEMO_LOGINS.length]);
    // The demo logins and the agency's, once each.
    const users = await first.db.selectFrom('users').select('email').orderBy('email').execute();
    expect(users.map((u) => u.email)).toEqual([...DEMO_LOGINS.map((l) => l.email), DEMO_AGENCY_LOGIN.email].sort());
    const company = await first.db.selectFrom('company').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(company.n)).toBe(1);
  });
});
