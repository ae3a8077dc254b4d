import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { connect } from '../../db/connect';
import { register } from './dataset-import';

const run = (args: string[]) => runCli([register], args);
const savedProgress = process.env.OPENKPI_PROGRESS;
const folder = mkdtempSync(join(tmpdir(), 'okpi-cli-dataset-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

/** The commands on a PGlite data folder (the company time zone is the default, Hanoi). */
const data = useCliDataFolder('okpi-cli-dataset-db-');
afterEach(() => {
  if (savedProgress === undefined) delete process.env.OPENKPI_PROGRESS;
  else process.env.OPENKPI_PROGRESS = savedProgress;
});

async function query<T>(text: string): Promise<T[]> {
  const database = await connect({ dataDir: data.dataDir });
  try {
    return (await sql.raw<T>(text).execute(database.db)).rows;
  } finally {
    await database.close();
  }
}

describe('openkpi dataset import', () => {
  it('--json: a Vietnamese Excel export with a key; appending again counts nothing twice', async () => {
    const vi = file('don-hang.csv', '\ufeffMã đơn;Ngày;Doanh thu\r\nD1;31/01/2026;1.234.567,5\r\nD2;01/02/2026;20\r\n');
    const first = await run(['dataset', 'import', 'orders', vi, '--key', 'Mã đơn', '--json']);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toMatchObject({
      dataset: 'orders',
      action: 'created',
      rows: 2,
      inserted: 2,
      replaced: 0,
      rowCount: 2,
      keyColumns: ['ma_don'],
      columns: [
        { name: 'ma_don', label: 'Mã đơn', type: 'text' },
        { name: 'ngay', label: 'Ngày', type: 'date' },
        { name: 'doanh_thu', label: 'Doanh thu', type: 'decimal' },
      ],
      format: { type: 'csv', delimiter: ';', bom: true, decimal: 'comma', decimalDetected: true, dates: 'dmy' },
    });
    const again = await run(['dataset', 'import', 'orders', vi, '--append', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ action: 'appended', inserted: 0, replaced: 2, rowCount: 2 });
    expect(await query<{ s: string }>('SELECT sum(doanh_thu)::text AS s FROM ds_orders')).toEqual([{ s: '1234587.5' }]);
  });

  it('flags override detection; --replace redefines the columns; a readable summary', async () => {
    const f = file('plain.csv', 'code;amount;when\nA;1.234;03/04/2026\n');
    const r = await run(['dataset', 'import', 'flags', f, '--replace', '--delimiter', ';', '--decimal', '.', '--date-format', 'mm/dd/yyyy', '--types', 'code=text', '--lang', 'en']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Created dataset flags: 1 rows \(inserted 1, replaced by key 0\); it now has 1 rows\.\n {2}Columns: code \(text\), amount \(decimal\), when \(date\)\n/);
    expect(await query<{ amount: string; when: string }>('SELECT amount::text AS amount, "when"::text AS "when" FROM ds_flags')).toEqual([{ amount: '1.234', when: '2026-03-04' }]);
  });

  it('a bad row exits 1 with its row and column, and nothing is written', async () => {
    const bad = file('bad.csv', 'Mã đơn,Ngày,Doanh thu\nD3,2026-02-02,10\nD4,2026-02-30,abc\n');
    const r = await run(['dataset', 'import', 'orders', bad, '--lang', 'en']);
    expect(r.exitCode).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[IMPORT_INVALID]');
    expect(r.err).toContain('  - [impossible_date] Row 3, column "Ngày" (date): the date or time does not exist.\n');
    expect(r.err).toContain('  - [not_decimal] Row 3, column "Doanh thu" (decimal): not a number (check the decimal separator).\n');
    expect(await query<{ n: string }>('SELECT count(*)::text AS n FROM ds_orders')).toEqual([{ n: '2' }]);
  });

  it('refuses wrong flags and a file over the size limit before reading it', async () => {
    const f = file('x.csv', 'a\n1\n');
    const both = await run(['dataset', 'import', 'x', f, '--replace', '--append', '--lang', 'en']);
    expect(both.exitCode).toBe(1);
    expect(both.err).toContain('Choose one of --replace and --append.');
    const type = await run(['dataset', 'import', 'x', f, '--types', 'a=money', '--lang', 'en']);
    expect(type.err).toContain('"a=money" is not column=type');
    const big = join(folder, 'big.csv');
    writeFileSync(big, 'a\n');
    truncateSync(big, 60 * 1024 * 1024); // sparse: nothing to read if it is refused first
    const size = await run(['dataset', 'import', 'x', big, '--lang', 'en']);
    expect(size.exitCode).toBe(1);
    expect(size.err).toContain('The file is 60 MB; at most 50 MB. Split it. [FILE_TOO_LARGE]');
  });

  it('shows a progress bar on long imports', async () => {
    process.env.OPENKPI_PROGRESS = '1';
    const rows = ['id,amount'];
    for (let i = 1; i <= 30_000; i++) rows.push(`${i},${i}`);
    const r = await run(['dataset', 'import', 'long', file('long.csv', rows.join('\n')), '--lang', 'en']);
    expect(r.exitCode).toBeUndefined();
    expect(r.err).toContain('100% | 30000/30000');
  });
});
