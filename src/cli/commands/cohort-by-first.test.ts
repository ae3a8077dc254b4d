import { describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { createFixtureDataset } from '../../../test/helpers/dataset-fixture';
import { register as cohort } from './cohort';

const run = (args: string[]) => runCli([cohort], args);

/**
 * Six customers; the channel of the first order (the smallest of the first day's when there are several):
 * c1 Facebook 05/01, back 20/01 (15 days) · c2 Facebook 10/01, never back · c3 Zalo 12/01, back 30/03 (77 days > 30)
 * c4 Website + Facebook both 15/01 → Facebook, back 16/01 · c5 Zalo 01/02, back 03/02 · c6 no channel 20/01.
 * Yearly cohort 2025: Facebook {c1, c2, c4} 2 returning = 2/3; Zalo {c3, c5} 1/2; no channel {c6} 0/1.
 */
useCliDataFolder('okpi-cli-cohort-first-', async (db) => {
  await createFixtureDataset(db, {
    name: 'shop',
    columns: [
      { name: 'customer', type: 'text' },
      { name: 'day', type: 'date' },
      { name: 'channel', type: 'text' },
    ],
    rows: [
      ['c1', '2025-01-05', 'Facebook'],
      ['c1', '2025-01-20', 'Zalo'],
      ['c2', '2025-01-10', 'Facebook'],
      ['c3', '2025-01-12', 'Zalo'],
      ['c3', '2025-03-30', 'Zalo'],
      ['c4', '2025-01-15', 'Website'],
      ['c4', '2025-01-15', 'Facebook'],
      ['c4', '2025-01-16', 'Website'],
      ['c5', '2025-02-01', 'Zalo'],
      ['c5', '2025-02-03', 'Zalo'],
      ['c6', '2025-01-20', null],
    ],
  });
});

describe('openkpi cohort --by-first', () => {
  it('returning-customer rate per channel of the first purchase, a ratio per group', async () => {
    const { out, err } = await run(['cohort', 'shop', '--customer', 'customer', '--date', 'day', '--within', '30', '--cohort', 'year', '--by-first', 'channel', '--json']);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual({
      rows: [
        { cohort: '2025', first: 'Facebook', customers: 3, returning: 2, rate: 2 / 3 },
        { cohort: '2025', first: 'Zalo', customers: 2, returning: 1, rate: 0.5 },
        { cohort: '2025', first: null, customers: 1, returning: 0, rate: 0 },
      ],
    });
  });

  it('monthly cohorts split by the first channel; the table names the column', async () => {
    const { out } = await run(['cohort', 'shop', '--customer', 'customer', '--date', 'day', '--within', '30', '--by-first', 'channel', '--lang', 'en']);
    expect(out.split('\n').map((l) => l.trimEnd())).toEqual([
      'Cohort   channel   Customers  Returning  Rate',
      '───────  ────────  ─────────  ─────────  ──────',
      '2025-01  Facebook          3          2  66.67%',
      '2025-01  Zalo              1          0  0%',
      '2025-01  —                 1          0  0%',
      '2025-02  Zalo              1          1  100%',
      '',
    ]);
  });

  it('an unknown column is an error at firstBy', async () => {
    const bad = await run(['cohort', 'shop', '--customer', 'customer', '--date', 'day', '--within', '30', '--by-first', 'kenh', '--lang', 'en']);
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain("firstBy: The dataset has no column 'kenh'");
  });
});
