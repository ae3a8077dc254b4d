import { afterEach, describe, expect, it } from 'vitest';
import { register } from './score';
import { runCli } from '../../../test/helpers/cli';

const run = (args: string[]) => runCli([register], args);

afterEach(() => {
  process.exitCode = undefined;
});

describe('openkpi score', () => {
  it('progress from baseline 15 to target 45 at actual 16 → 1/30 rounded to 10 decimals', async () => {
    // (16 − 15) / (45 − 15) = 1/30 = 0.0333333333…
    const { out } = await run(['score', '--direction', 'increase', '--target', '45', '--actual', '16', '--baseline', '15', '--method', 'progress', '--json']);
    expect(out).toBe('{"achievement":0.0333333333,"score":0.0333333333,"status":"red"}\n');
  });

  it('decrease ratio: target 10, actual 12 → 83.33 %, readable text in Vietnamese', async () => {
    const { out } = await run(['score', '--direction', 'decrease', '--target', '10', '--actual', '12']);
    // 10 / 12 = 0.8333 → 83,33 % → amber
    expect(out).toBe('Tỷ lệ hoàn thành: 83,33%\nĐiểm: 83,33%\nTrạng thái: vàng (cần chú ý)\n');
  });

  it('applies floor and cap and keeps the achievement uncapped', async () => {
    // 150 / 100 = 1.5 → cap 1.3
    const { out } = await run(['score', '--direction', 'increase', '--target', '100', '--actual', '150', '--cap', '1.3', '--json']);
    expect(out).toBe('{"achievement":1.5,"score":1.3,"status":"green"}\n');
  });

  it('binary method and an edge-case note in English', async () => {
    const binary = await run(['score', '--direction', 'increase', '--target', '10', '--actual', '9', '--method', 'binary', '--json']);
    expect(binary.out).toBe('{"achievement":0,"score":0,"status":"red"}\n');
    const zero = await run(['score', '--direction', 'decrease', '--target', '5', '--actual', '0', '--lang', 'en']);
    expect(zero.out).toBe('Achievement: 120%\nScore: 120%\nStatus: green (on target)\nNote: Zero actual on a decrease KPI: counted as the cap\n');
  });

  it('progress without a baseline has no value (status none, reason given)', async () => {
    const { out } = await run(['score', '--direction', 'increase', '--target', '45', '--actual', '16', '--method', 'progress', '--json']);
    expect(out).toBe('{"achievement":null,"score":null,"status":"none","reason":"no-baseline"}\n');
  });

  it('errors go to stderr with exit code 1', async () => {
    const { out, err, exitCode } = await run(['score', '--direction', 'increase', '--target', '10', '--actual', '5', '--floor', '2', '--cap', '1']);
    expect(out).toBe('');
    expect(err).toContain('Cấu hình tính điểm không hợp lệ');
    expect(exitCode).toBe(1);
  });

  it('rejects an unknown direction', async () => {
    await expect(run(['score', '--direction', 'sideways', '--target', '1', '--actual', '1'])).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
