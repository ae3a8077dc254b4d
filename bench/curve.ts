import { readFileSync } from 'node:fs';
import type { BenchResult } from './harness';

/**
 * The scaling curve for docs/performance.md from a `npm run bench -- scale --json <file>` run: a markdown table and
 * an ASCII bar per size (`npx tsx bench/curve.ts <file>`).
 */
const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/curve.ts <scale results.json>');
const results = (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]).filter((r) => r.name.startsWith('scale: '));
const rows = results.map((r) => {
  const [, what, people] = /^scale: (.*), ([\d,]+) people$/.exec(r.name) ?? [];
  return { what: what!, people: Number(people!.replaceAll(',', '')), engine: r.engine, ms: r.value, baseline: r.baselineValue, agree: r.agree };
});
console.log('| what | engine | people | ours | baseline | agree |');
console.log('|---|---|---:|---:|---:|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.engine} | ${r.people.toLocaleString('en-US')} | ${Math.round(r.ms).toLocaleString('en-US')} ms | ${Math.round(r.baseline).toLocaleString('en-US')} ms | ${r.agree ? 'yes' : 'NO'} |`);
const width = 50;
const max = Math.max(...rows.map((r) => r.ms));
console.log('\n```');
for (const r of rows) {
  const bar = '█'.repeat(Math.max(1, Math.round((r.ms / max) * width)));
  console.log(`${`${r.what} ${r.engine}`.padEnd(30)} ${String(r.people).padStart(6)} ${bar} ${(r.ms / 1000).toFixed(2)} s`);
}
console.log('```');

// How cost grows: the time factor per 10× people between consecutive sizes (10 = linear), ours and the baseline's.
console.log('\n| what | engine | people | ours ×, per 10× people | baseline ×, per 10× people |');
console.log('|---|---|---|---:|---:|');
for (const what of new Set(rows.map((r) => `${r.what}|${r.engine}`))) {
  const series = rows.filter((r) => `${r.what}|${r.engine}` === what).sort((a, b) => a.people - b.people);
  for (let i = 1; i < series.length; i++) {
    const [a, b] = [series[i - 1]!, series[i]!];
    const per10 = (x: number, y: number) => Math.pow(y / x, 1 / Math.log10(b.people / a.people)).toFixed(1);
    console.log(`| ${a.what} | ${a.engine} | ${a.people.toLocaleString('en-US')} → ${b.people.toLocaleString('en-US')} | ${per10(a.ms, b.ms)} | ${per10(a.baseline, b.baseline)} |`);
  }
}
