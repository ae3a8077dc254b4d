import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();

const rows: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  process.stdout.write(`▶ ${mod.default.name} …\n`);
  const results = await mod.default.run();
  for (const r of results) {
    rows.push(r);
    const ratio = r.opsPerSec / r.baselineOpsPerSec;
    console.log(
      `  ${r.name}: ${fmt(r.opsPerSec)} ${r.unit}/s | baseline ${r.baselineName}: ${fmt(r.baselineOpsPerSec)} ${r.unit}/s | ratio ${ratio.toFixed(3)}` +
        (r.note ? ` | ${r.note}` : ''),
    );
  }
}
console.log(`\n${rows.length} benchmark result(s).`);

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
