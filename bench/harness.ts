/** A benchmark compares our code with a plain baseline doing the same work in the same run. */
export interface BenchResult {
  name: string;
  /** What one operation is, e.g. "formula", "row". */
  unit: string;
  opsPerSec: number;
  baselineName: string;
  baselineOpsPerSec: number;
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
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
