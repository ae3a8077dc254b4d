/**
 * A benchmark compares our code with a plain baseline doing the same work in the same run, on the same engine,
 * and checks that both got the same answer.
 */

/** `memory` for benchmarks that touch no database (formulas, scoring kernels, row checks). */
export type BenchEngine = 'pglite' | 'postgres' | 'memory';

/** What a benchmark measures: the harness adds the ratio. */
export interface Measurement {
  name: string;
  engine: BenchEngine;
  /** Our figure, in `unit`. */
  value: number;
  /** e.g. "rows/s", "ms", "req/s". */
  unit: string;
  /** What the baseline is, e.g. "hand-written SQL". */
  baseline: string;
  /** The baseline's figure, in the same unit. */
  baselineValue: number;
  /** Whether a bigger `value` is better (throughput) or a smaller one (time). */
  better: 'higher' | 'lower';
  /** Our result equals the baseline's result (sums, scores, row counts). */
  agree: boolean;
  /** Printed under the table, not part of the JSON contract. */
  note?: string;
}

/** One row of `--json`: exactly the fields the issue names. */
export interface BenchResult {
  name: string;
  engine: BenchEngine;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratio: number;
  better: 'higher' | 'lower';
  agree: boolean;
}

export interface BenchContext {
  /** The database engines of this run: PGlite always, PostgreSQL when DATABASE_URL is set. */
  engines: ('pglite' | 'postgres')[];
  log(line: string): void;
}

export interface Bench {
  /** Matched by the name filter of `npm run bench -- <filter>`. */
  name: string;
  /** Heavy benchmarks run only with `--scale` or when the filter names them. */
  heavy?: boolean;
  run(context: BenchContext): Promise<Measurement[]>;
}

/**
 * How many times faster ours is than the baseline: value ÷ baseline when higher is better (rows/s), baseline ÷ value
 * when lower is better (ms). So a ratio of 1 means as fast as the baseline, 0.5 half as fast, 2 twice as fast.
 */
export function ratioOf(m: Pick<Measurement, 'value' | 'baselineValue' | 'better'>): number {
  return m.better === 'higher' ? m.value / m.baselineValue : m.baselineValue / m.value;
}

export function toResult(m: Measurement): BenchResult {
  return {
    name: m.name,
    engine: m.engine,
    value: m.value,
    unit: m.unit,
    baseline: m.baseline,
    baselineValue: m.baselineValue,
    ratio: ratioOf(m),
    better: m.better,
    agree: m.agree,
  };
}

/** Runs `fn` `n` times after a warm-up and returns operations per second. */
export async function measure(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const warm = Math.max(1, Math.floor(n / 10));
  for (let i = 0; i < warm; i++) await fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return n / seconds;
}

/** Times one call of `fn` and returns seconds. */
export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Two numbers equal to 1e-9 (relative for large ones); NaN equals NaN (both "no score"). */
export function close(x: number, y: number): boolean {
  if (Number.isNaN(x) && Number.isNaN(y)) return true;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** Every element of two lists is `close`. */
export function allClose(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!close(a[i]!, b[i]!)) return false;
  return true;
}
