import { afterEach, describe, expect, it } from 'vitest';
import { register } from './target-split';
import { runCli } from '../../../test/helpers/cli';

const run = (args: string[]) => runCli([register], args);

afterEach(() => {
  process.exitCode = undefined;
});

describe('openkpi target split', () => {
  it('--json prints every month and the total', async () => {
    const { out, exitCode } = await run(['target', 'split', '--total', '240e9', '--from', '2026-01', '--to', '2026-12', '--json']);
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    expect(out).toBe(
      `{"parts":[${months.map((m) => `{"period":"2026-${m}","value":20000000000}`).join(',')}],"total":240000000000}\n`,
    );
    expect(exitCode).toBeUndefined();
  });

  it('prints a readable vi-VN table with a total line', async () => {
    const { out } = await run(['target', 'split', '--total', '240e9', '--from', '2026-01', '--to', '2026-03', '--weights', '1,1,2', '--step', '1000000']);
    // 240e9 × 1/4 = 60e9, × 2/4 = 120e9
    expect(out).toBe(
      [
        'Kỳ              Chỉ tiêu',
        '2026-01   60.000.000.000',
        '2026-02   60.000.000.000',
        '2026-03  120.000.000.000',
        '─'.repeat(24), // 'Kỳ'/'2026-01' column 7 + 2 spaces + 15 digits
        'Tổng     240.000.000.000',
        '',
      ].join('\n'),
    );
  });

  it('splits by weights with rounding and still adds up', async () => {
    // 100 over 3 equal weights → 34, 33, 33
    const { out } = await run(['target', 'split', '--total', '100', '--from', '2026-Q1', '--to', '2026-Q3', '--json']);
    expect(JSON.parse(out)).toEqual({
      parts: [
        { period: '2026-Q1', value: 34 },
        { period: '2026-Q2', value: 33 },
        { period: '2026-Q3', value: 33 },
      ],
      total: 100,
    });
  });

  it('weights must match the number of periods (exit code 1, message on stderr)', async () => {
    const { out, err, exitCode } = await run(['target', 'split', '--total', '240e9', '--from', '2026-01', '--to', '2026-12', '--weights', '8,8,9']);
    expect(out).toBe('');
    expect(err).toBe('Có 3 trọng số nhưng 12 kỳ: số trọng số phải bằng số kỳ\n');
    expect(exitCode).toBe(1);
  });

  it('reports a total off the step and a bad number in English with --lang en', async () => {
    const off = await run(['target', 'split', '--total', '240500000', '--from', '2026-01', '--to', '2026-12', '--step', '1000000', '--lang', 'en']);
    expect(off.err).toContain('The total target 240,500,000 is not a multiple of the rounding step 1,000,000');
    expect(off.exitCode).toBe(1);
    process.exitCode = undefined;
    const bad = await run(['target', 'split', '--total', 'abc', '--from', '2026-01', '--to', '2026-12', '--lang', 'en']);
    expect(bad.err).toBe('--total: "abc" is not a number (e.g. 240 tỷ, 240e9 or 1000000)\n');
  });

  it('takes the total as people write it: "240 tỷ" splits into 12 × 20 tỷ', async () => {
    const { out } = await run(['target', 'split', '--total', '240 tỷ', '--from', '2026-01', '--to', '2026-12', '--step', '1tr', '--json']);
    const { parts, total } = JSON.parse(out) as { parts: { value: number }[]; total: number };
    expect(total).toBe(240_000_000_000);
    expect(parts.map((p) => p.value)).toEqual(Array(12).fill(20_000_000_000));
  });

  it('a missing required option is a commander error', async () => {
    await expect(run(['target', 'split', '--total', '1'])).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  });
});
