import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ratioOf } from '../harness';
import { select } from '../runner';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'okpi-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake benchmark file: one result with the given agreement and figures. */
function fakeBench(name: string, agree: boolean, value: number, baselineValue: number, better: 'higher' | 'lower', heavy = false): void {
  writeFileSync(
    join(dir, `${name}.bench.ts`),
    `export default { name: '${name}', heavy: ${heavy}, async run({ engines }) {
      return [{ name: '${name} result', engine: engines[0], value: ${value}, unit: 'ms', baseline: 'plain', baselineValue: ${baselineValue}, better: '${better}', agree: ${agree} }];
    } };\n`,
  );
}

function runBench(args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'run.ts'), '--dir', dir, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

describe('npm run bench', () => {
  fakeBench('fast', true, 40, 10, 'lower');
  fakeBench('wrong', false, 5, 10, 'higher');
  fakeBench('curve', true, 1, 1, 'lower', true);

  it('writes exactly the issue’s fields, with ratio = baseline ÷ value when lower is better', () => {
    const out = join(dir, 'fast.json');
    const r = runBench(['fast', '--json', out]);
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results).toEqual([
      { name: 'fast result', engine: 'pglite', value: 40, unit: 'ms', baseline: 'plain', baselineValue: 10, ratio: 0.25, better: 'lower', agree: true },
    ]);
    expect(r.stdout).toMatch(/fast result\s+\| pglite \| 40\.0 ms\s+\| 10\.0 ms \(plain\)\s+\|\s+0\.25 \| yes/);
  }, 30_000);

  it('exits non-zero when a result disagrees with its baseline, and still writes it', () => {
    const out = join(dir, 'all.json');
    const r = runBench(['--json', out]);
    expect(r.status).toBe(1);
    const results = JSON.parse(readFileSync(out, 'utf8')) as { name: string; agree: boolean; ratio: number }[];
    // The heavy "curve" bench is not run without --scale.
    expect(results.map((x) => x.name)).toEqual(['fast result', 'wrong result']);
    expect(results[1]).toMatchObject({ agree: false, ratio: 0.5 });
  }, 30_000);
});

describe('ratio and selection', () => {
  it('ratio is value ÷ baseline when higher is better', () => {
    expect(ratioOf({ value: 300, baselineValue: 100, better: 'higher' })).toBe(3);
    expect(ratioOf({ value: 300, baselineValue: 100, better: 'lower' })).toBe(1 / 3);
  });

  it('a filter picks the exact name first, else every name containing it; heavy ones only by name or --scale', () => {
    const benches = [{ name: 'import' }, { name: 'dataset-import' }, { name: 'import-validator' }, { name: 'scale', heavy: true }];
    const names = (filters: string[], scale: boolean) => select(benches, filters, scale).map((b) => b.name);
    expect(names(['import'], false)).toEqual(['import']);
    expect(names(['data'], false)).toEqual(['dataset-import']);
    expect(names([], false)).toEqual(['import', 'dataset-import', 'import-validator']);
    expect(names([], true)).toEqual(['import', 'dataset-import', 'import-validator', 'scale']);
    expect(names(['scale'], false)).toEqual(['scale']);
    expect(names(['sca'], false)).toEqual([]);
  });
});
