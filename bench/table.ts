import type { BenchResult } from './harness';

/** A figure with three significant digits and thousands separators. */
export function figure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : Math.abs(n) >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** name | engine | value unit | baseline value | ratio | agree, as aligned plain-text columns. */
export function formatTable(results: BenchResult[]): string {
  const header = ['name', 'engine', 'value', 'baseline', 'ratio', 'agree'];
  const rows = results.map((r) => [
    r.name,
    r.engine,
    `${figure(r.value)} ${r.unit}`,
    `${figure(r.baselineValue)} ${r.unit} (${r.baseline})`,
    r.ratio.toFixed(2),
    r.agree ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
