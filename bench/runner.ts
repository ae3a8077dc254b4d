import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toResult, type Bench, type BenchContext, type BenchResult } from './harness';
import { formatTable } from './table';

export interface RunOptions {
  /** Folder holding the `*.bench.ts` files. */
  dir: string;
  /** Name filters: a benchmark runs when its name contains one of them (all run when empty). */
  filters: string[];
  /** Also run the heavy benchmarks (the scaling curve). */
  scale: boolean;
  /** Write the results as a JSON array to this file. */
  json?: string | undefined;
  engines: BenchContext['engines'];
  log(line: string): void;
}

export interface RunOutcome {
  results: BenchResult[];
  /** Benchmarks that threw instead of returning results. */
  crashed: string[];
  /** 0 when every result agrees with its baseline, 1 when one does not, 2 when a benchmark crashed. */
  exitCode: number;
}

/** Parses `[filter…] [--json <file>] [--scale] [--dir <folder>]`. */
export function parseArgs(argv: string[], defaults: Pick<RunOptions, 'dir'>): Pick<RunOptions, 'dir' | 'filters' | 'scale' | 'json'> {
  const out: Pick<RunOptions, 'dir' | 'filters' | 'scale' | 'json'> = { dir: defaults.dir, filters: [], scale: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') out.scale = true;
    else if (a === '--json' || a === '--dir') {
      const value = argv[++i];
      if (!value) throw new Error(`${a} needs a value`);
      if (a === '--json') out.json = value;
      else out.dir = value;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else out.filters.push(a);
  }
  return out;
}

/**
 * The benchmarks a run picks. A filter picks the benchmark of exactly that name, or else every one whose name contains
 * it (`import` is the actuals import alone; `data` picks dataset-import and dataset-measures). A heavy benchmark runs
 * only with --scale or when a filter is its exact name.
 */
export function select<B extends Pick<Bench, 'name' | 'heavy'>>(benches: B[], filters: string[], scale: boolean): B[] {
  const picked = (b: B) =>
    filters.length === 0 || filters.some((f) => b.name === f || (!benches.some((o) => o.name === f) && b.name.includes(f)));
  return benches.filter((b) => (b.heavy ? filters.includes(b.name) || (scale && picked(b)) : picked(b)));
}

export async function loadBenches(dir: string): Promise<Bench[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
  const benches: Bench[] = [];
  for (const file of files) benches.push(((await import(pathToFileURL(join(dir, file)).href)) as { default: Bench }).default);
  return benches;
}

export async function runBenches(options: RunOptions): Promise<RunOutcome> {
  const benches = select(await loadBenches(options.dir), options.filters, options.scale);
  const results: BenchResult[] = [];
  const notes: string[] = [];
  const crashed: string[] = [];
  for (const bench of benches) {
    options.log(`▶ ${bench.name} …`);
    const started = performance.now();
    try {
      for (const m of await bench.run({ engines: options.engines, log: options.log })) {
        results.push(toResult(m));
        if (m.note) notes.push(`${m.name} (${m.engine}): ${m.note}`);
        if (!m.agree) options.log(`  ✗ ${m.name} (${m.engine}): the result differs from the baseline's`);
      }
    } catch (error) {
      crashed.push(bench.name);
      options.log(`  ✗ ${bench.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    options.log(`  ${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  options.log('');
  options.log(formatTable(results));
  if (notes.length > 0) options.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
  const disagree = results.filter((r) => !r.agree).length;
  options.log(`\n${results.length} result(s), ${disagree} disagree(s) with the baseline${crashed.length ? `, ${crashed.length} benchmark(s) crashed: ${crashed.join(', ')}` : ''}.`);
  return { results, crashed, exitCode: crashed.length > 0 ? 2 : disagree > 0 ? 1 : 0 };
}
