import { openSheet, type SheetRow } from '../src/app/import/read-sheet';
import { mapColumns } from '../src/app/actuals/import-actuals';
import { ActualRowValidator, IssueList, type ImportLookups, type KpiInfo } from '../src/core/import';
import { BIG_KPI_COUNT, bigActualsCsv } from '../test/fixtures/import/big-file';
import { time, type Bench, type Measurement } from './harness';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);
const UNITS = ['BGD', 'KD', 'KD-MB', 'KD-MN', 'TC', 'NS', 'SX', 'MKT'];

/** The big file's KPIs and units as the import looks them up, without a database. */
function lookups(): ImportLookups {
  const kpis = new Map<string, KpiInfo>();
  for (let k = 1; k <= BIG_KPI_COUNT; k++) {
    const code = `IMP_${String(k).padStart(2, '0')}`;
    kpis.set(code, { id: k, code, frequency: 'monthly', aggregation: 'sum', unit: 'count', source: 'import', status: 'active', reportWithinDays: 5 });
  }
  return {
    kpis,
    units: new Map(UNITS.map((u, i) => [u, { id: i + 1, archived: false }])),
    people: new Map(),
    writableUnits: 'all',
    companyKpis: 'all',
  };
}

/**
 * The row checks alone (no database, no CSV parsing): the part of the import a change to the intake rules can
 * slow down. Baseline: reading the same cells into the same shape by hand, with no checks.
 */
const bench: Bench = {
  name: 'import-validator',
  async run(): Promise<Measurement[]> {
    const sheet = await openSheet('bench.csv', bigActualsCsv(ROWS, UNITS));
    const rows: SheetRow[] = [];
    for await (const r of sheet.rows()) rows.push(r);
    const columns = mapColumns(sheet, undefined);
    let good = 0;
    const best = async (fn: () => void) => Math.min(await time(fn), await time(fn), await time(fn));
    const checks = await best(() => {
      const validator = new ActualRowValidator({ lookups: lookups(), columns, headers: sheet.headers, decimal: 'dot', today: '2026-12-04' });
      const issues = new IssueList();
      good = 0;
      for (const r of rows) if (validator.check(r.row, r.cells, issues)) good++;
    });
    let sink = 0;
    let read = 0;
    const plain = await best(() => {
      read = 0;
      for (const r of rows) {
        sink += Number(r.cells[3]) + String(r.cells[0]).length + String(r.cells[1]).length;
        read++;
      }
    });
    process.stdout.write(`  checks ${checks.toFixed(2)} s, plain read ${plain.toFixed(2)} s (${sink > 0 ? 'ok' : ''})\n`);
    return [
      {
        name: 'import row checks (ActualRowValidator)',
        engine: 'memory',
        value: ROWS / checks,
        unit: 'rows/s',
        baseline: 'plain read of the same cells, no checks',
        baselineValue: ROWS / plain,
        better: 'higher',
        // Every row of the generated file is valid: both sides must have accepted all of them.
        agree: good === ROWS && read === ROWS,
        note: `${ROWS.toLocaleString('en-US')} rows, best of 3`,
      },
    ];
  },
};

export default bench;
