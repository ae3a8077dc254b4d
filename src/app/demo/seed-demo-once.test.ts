import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/helpers/db';
import { twoConnections } from '../../../test/helpers/two-connections';
import { createStore } from '../../db/store';
import { DEMO_LOGINS } from './demo-data';
import { seedDemo } from './seed-demo';
import { DEMO_AGENCY_LOGIN } from './seed-marketing';

// Two app instances starting at once on one empty database both see it empty and both seed the demo company.
describe.each(engines())('the demo company seeded by two instances at once on %s', (engine) => {
  let db: Awaited<ReturnType<typeof twoConnections>>;
  beforeAll(async () => {
    db = await twoConnections(engine);
  });
  afterAll(() => db.close());

  it('is seeded once: one instance loads it, the other finds it there and loads nothing', async () => {
    const [a, b] = await Promise.all([seedDemo(createStore(db.first.db)), seedDemo(createStore(db.second.db))]);
    expect([a.length, b.length].sort()).toEqual([0, DEMO_LOGINS.length]);
    // The demo logins and the agency's, once each.
    const users = await db.first.db.selectFrom('users').select('email').orderBy('email').execute();
    expect(users.map((u) => u.email)).toEqual([...DEMO_LOGINS.map((l) => l.email), DEMO_AGENCY_LOGIN.email].sort());
    const company = await db.first.db.selectFrom('company').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(company.n)).toBe(1);
  });
});
