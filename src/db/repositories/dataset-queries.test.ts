import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/db';
import { createFixtureDataset } from '../../../test/helpers/dataset-fixture';
import { DomainError } from '../../core/errors';
import type { Database } from '../connect';
import { datasetQueriesRepo } from './dataset-queries';

const plan = { table: '"ds_big"', groups: [], measures: [{ name: 'total', sql: 'sum(a.v * b.v)' }], where: null, params: [] };

// PGlite runs in-process and cannot cancel a running statement, so the timeout is a PostgreSQL guarantee.
describe.skipIf(!process.env.DATABASE_URL)('dataset query timeout on postgres', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await createFixtureDataset(database.db, { name: 'big', columns: [{ name: 'v', type: 'integer' }], rows: [] });
    await sql`INSERT INTO ds_big (v) SELECT g FROM generate_series(1, 20000) g`.execute(database.db);
  });
  afterAll(() => database.close());

  it('stops a statement that runs past the timeout with a 422-style domain error, and answers quick ones', async () => {
    // A cross join of 20,000 × 20,000 rows (400M) runs far past 50 ms.
    const slow = { ...plan, table: '"ds_big" a CROSS JOIN "ds_big" b' };
    const error = await datasetQueriesRepo(database.db, 50).measures(slow, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DATASET_QUERY_TOO_SLOW');
    expect((error as DomainError).localized.en).toContain('0.1 s');
    const quick = { ...plan, measures: [{ name: 'total', sql: 'sum(v)' }] };
    expect(await datasetQueriesRepo(database.db, 5_000).measures(quick, 10)).toEqual([{ groups: [], measures: [String((20000 * 20001) / 2)] }]);
  });

  it('leaves no timeout behind on the connection (SET LOCAL ends with its transaction)', async () => {
    const after = await database.db.connection().execute(async (one) => {
      await datasetQueriesRepo(one, 50).measures({ ...plan, measures: [{ name: 'n', sql: 'count(*)' }] }, 10);
      return (await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(one)).rows[0]!.statement_timeout;
    });
    expect(after).toBe('0');
  });
});
