import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../app/demo/seed-demo';
import { ROOT } from '../../config';
import { connect } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { createStore } from '../../db/store';

const exec = promisify(execFile);

/** Runs the real `openkpi` CLI on a PGlite data folder. */
async function cli(dataDir: string, args: string[]): Promise<{ out: string; err: string; code: number }> {
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, OPENKPI_DATA_DIR: dataDir, DATABASE_URL: '', OPENKPI_PROGRESS: '1' },
    });
    return { out: r.stdout, err: r.stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { out: x.stdout, err: x.stderr, code: x.code };
  }
}

describe('openkpi import actuals (real process, PGlite folder)', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okpi-cli-import-'));
    dataDir = join(dir, 'data');
    const database = await connect({ dataDir });
    await migrate(database.db);
    await seedDemo(createStore(database.db));
    await database.close();
  });

  it('imports with progress bars and a summary; the second run reports all rows unchanged', async () => {
    const file = join(dir, 'so-lieu.csv');
    writeFileSync(file, 'Mã KPI;Kỳ;Phòng ban;Giá trị\nREVENUE;2025-01;;1.500.000,5\nORDERS;15/01/2025;KD-MB;12\nDSO;2025-01;;41,5\n');
    const first = await cli(dataDir, ['import', 'actuals', file, '--lang', 'en']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^Imported 3 rows\.\n {2}Inserted: 3 · Updated: 0 · Unchanged: 0 · Skipped \(bad\): 0 · Formula values recomputed: \d+\n {2}[\d.]+ s, [\d,]+ rows\/s\n$/);
    expect(first.err).toContain('Parse');
    expect(first.err).toContain('Write');
    const second = await cli(dataDir, ['import', 'actuals', file]);
    expect(second.out).toContain('Thêm mới: 0 · Cập nhật: 0 · Không đổi: 3');
    // Vietnamese number style: decimal comma in the seconds, dots between thousands.
    expect(second.out).toMatch(/\n {2}\d+,\d giây, \d{1,3}(\.\d{3})* dòng\/giây\n$/);
  }, 120_000);

  it('exits 1 with the first 50 bad rows and the count of the rest; --dry-run writes nothing', async () => {
    const file = join(dir, 'loi.csv');
    const lines = ['Mã KPI,Kỳ,Giá trị'];
    for (let i = 0; i < 1060; i++) lines.push(`KHONG_CO_${i},2025-02,1`);
    writeFileSync(file, lines.join('\n'));
    const bad = await cli(dataDir, ['import', 'actuals', file, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('✖ The file has 1,060 problem(s); nothing was written. [IMPORT_INVALID]');
    expect(bad.err).toContain('  - [unknown_kpi] Row 2, column "Mã KPI": there is no KPI with code "KHONG_CO_0".');
    expect(bad.err.match(/\[unknown_kpi\]/g)).toHaveLength(50);
    expect(bad.err).toContain('  … and 1,010 more.');

    const good = join(dir, 'thu.csv');
    writeFileSync(good, 'Mã KPI,Kỳ,Giá trị\nDSO,2025-03,40\n');
    const dry = await cli(dataDir, ['import', 'actuals', good, '--dry-run', '--lang', 'en']);
    expect(dry.out).toContain('Dry run (nothing written): 1 rows.');
    expect(dry.out).toContain('Inserted: 1');
    const real = await cli(dataDir, ['import', 'actuals', good, '--lang', 'en']);
    expect(real.out).toContain('Inserted: 1'); // the dry run left nothing behind
  }, 120_000);
});
