import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { register as apply } from './apply';
import { register as exportFile } from './export';
import { register as lint } from './lint';
import { register as plan } from './plan';
import { runCli } from '../../../test/helpers/cli';

const run = (args: string[]) => runCli([lint, plan, apply, exportFile], args);

const dir = mkdtempSync(join(tmpdir(), 'openkpi-kac-'));
const DEMO = join(import.meta.dirname, '../../../examples/demo-company.yaml');
const env = { data: process.env.OPENKPI_DATA_DIR, url: process.env.DATABASE_URL };

beforeAll(() => {
  // The CLI opens the database the server would use: a PGlite folder of its own, never a shared server.
  process.env.OPENKPI_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  if (env.data === undefined) delete process.env.OPENKPI_DATA_DIR;
  else process.env.OPENKPI_DATA_DIR = env.data;
  if (env.url !== undefined) process.env.DATABASE_URL = env.url;
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const SMALL = `version: 1
people:
  - {email: an@example.vn, name: Nguyễn Văn An, unit: HQ}
units:
  - {code: HQ, name: Trụ sở}
kpis:
  - code: REV
    name: Doanh thu thuần
    level: strategic
    perspective: financial
    unit: VND
    direction: increase
    aggregation: sum
    frequency: monthly
    source: manual
    owner: an@example.vn
    status: active
    targets: [{period: 2026, value: 240e9}]
`;

describe('openkpi lint', () => {
  it('--json: SMART findings per KPI and no errors for a valid file; exit code 0', async () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, SMALL);
    const { out, exitCode } = await run(['lint', file, '--json', '--lang', 'en']);
    expect(exitCode).toBeUndefined();
    const json = JSON.parse(out);
    expect(json.ok).toBe(true);
    expect(json.errors).toEqual([]);
    expect(json.kpis).toHaveLength(1);
    expect(json.kpis[0].code).toBe('REV');
    // no description, no measurer, no baseline, no reporting deadline: four warnings
    expect(json.kpis[0].findings.map((f: { letter: string; code: string; severity: string }) => `${f.letter} ${f.code} ${f.severity}`)).toEqual([
      'S SMART_S_DEFINITION_MISSING warning',
      'A SMART_A_MEASURER_MISSING warning',
      'R SMART_R_BASELINE_MISSING warning',
      'T SMART_T_DEADLINE_MISSING warning',
    ]);
    expect(json.kpis[0].findings[0]).toEqual({
      letter: 'S',
      code: 'SMART_S_DEFINITION_MISSING',
      severity: 'warning',
      message: 'The KPI does not describe what is counted and how',
      suggestion: expect.stringContaining('Add a one-line definition'),
    });
  });

  it('--json: errors with path, line and column; exit code 1', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, SMALL.replace('    owner: an@example.vn\n', '    owner: an@example.vn\n    parents: [{code: REV, weight: x}]\n'));
    const { out, exitCode } = await run(['lint', file, '--json']);
    expect(exitCode).toBe(1);
    const json = JSON.parse(out);
    expect(json.ok).toBe(false);
    // `    parents: [{code: REV, weight: x}]` is line 17; "REV" starts at column 22, "x" at 35
    expect(json.errors).toEqual([
      { file, path: 'kpis[0].parents[0].code', line: 17, column: 22, code: 'KPI_PARENT_SELF', message: 'Dòng 17:22: KPI REV không thể là KPI cấp trên của chính nó' },
      { file, path: 'kpis[0].parents[0].weight', line: 17, column: 35, code: 'KPI_WEIGHT_INVALID', message: 'Dòng 17:35: Trọng số phải là một số dương (nhận được x)' },
    ]);
  });

  it('checks every YAML file of a folder; the demo company file is clean', async () => {
    const { out, exitCode } = await run(['lint', join(import.meta.dirname, '../../../examples')]);
    expect(exitCode).toBeUndefined();
    expect(out).toContain('✓ KPI REVENUE: đạt SMART');
    expect(out).toContain('0 lỗi, 0 cảnh báo.');
  });
});

describe('openkpi plan / apply / export', () => {
  it('plans, refuses to apply without --yes when there is no terminal, applies with --yes, exports the same scorecard', async () => {
    const first = await run(['plan', DEMO]);
    expect(first.out.split('\n').at(-2)).toBe('Kế hoạch: 79 tạo mới, 0 cập nhật, 0 lưu trữ.');

    const stdinTTY = process.stdin.isTTY;
    Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
    try {
      const refused = await run(['apply', DEMO, '--lang', 'en']);
      expect(refused.exitCode).toBe(1);
      expect(refused.err).toContain('There is no terminal to ask for confirmation: add --yes to apply.');
    } finally {
      Object.defineProperty(process.stdin, 'isTTY', { value: stdinTTY, configurable: true });
    }
    process.exitCode = undefined;
    expect((await run(['plan', DEMO])).out.split('\n').at(-2)).toBe('Kế hoạch: 79 tạo mới, 0 cập nhật, 0 lưu trữ.');

    const applied = await run(['apply', DEMO, '--yes', '--lang', 'en']);
    expect(applied.out.split('\n').at(-2)).toBe('Applied: 79 created, 0 updated, 0 archived.');
    expect((await run(['plan', DEMO, '--lang', 'en'])).out).toBe('No changes: the database already matches the file.\n');

    const out = join(dir, 'export.yaml');
    await run(['export', '--out', out]);
    const exported = readFileSync(out, 'utf8');
    expect((await run(['export'])).out).toBe(exported);
    expect((await run(['plan', out, '--lang', 'en'])).out).toBe('No changes: the database already matches the file.\n');
  });
});
