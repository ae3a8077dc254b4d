import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli';
import { register } from './lift';

const run = (args: string[]) => runCli([register], args);

afterEach(() => {
  process.exitCode = undefined;
});

describe('openkpi lift', () => {
  it('the worked example as JSON: 120/400 → 152/400', async () => {
    const { out, exitCode } = await run(['lift', '--before', '120/400', '--after', '152/400', '--json', '--lang', 'en']);
    expect(exitCode).toBeUndefined();
    const r = JSON.parse(out);
    expect(Object.keys(r).slice(0, 8)).toEqual(['before', 'after', 'lift', 'relative', 'z', 'p', 'ci', 'significant']);
    // lift 0.08, relative 0.08/0.3, z 2.3883257361, p 0.016925333, interval 0.0145829905 … 0.1454170095
    expect(r).toMatchObject({ before: 0.3, after: 0.38, lift: 0.08, relative: 0.2666666667, z: 2.3883257361, p: 0.016925333, ci: [0.0145829905, 0.1454170095], significant: true });
  });

  it('a readable text in Vietnamese, saying plainly when it is not significant, with a small-sample warning', async () => {
    const { out } = await run(['lift', '--before', '30/80', '--after', '36/80']);
    // 0.375 → 0.45: lift 7.5 points; pooled 66/160; z = 0.075 / √(0.4125·0.5875·2/80) = 0.9636, p = 0.33527
    expect(out).toContain('Trước: 37,5% (30/80)\nSau: 45% (36/80)\nChênh lệch: +7,5 điểm % (tương đối +20%)\nz = 0,964, p = 0,3353\n');
    expect(out).toContain('KHÔNG có ý nghĩa thống kê ở độ tin cậy 95%');
    expect(out).toContain('⚠ Mỗi cuộc khảo sát nên có ít nhất 100 câu trả lời; với 80 câu trả lời');
  });

  it('bad counts exit 1 with a message', async () => {
    const bad = await run(['lift', '--before', '120 of 400', '--after', '152/400', '--lang', 'en']);
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain('--before "120 of 400": use aware/asked, e.g. 120/400 [LIFT_INVALID]');
    const more = await run(['lift', '--before', '500/400', '--after', '152/400', '--lang', 'en']);
    expect(more.err).toContain('before.aware: The number aware must be a whole number from 0 to 400');
  });
});

describe('openkpi sample-size', () => {
  it('0.20 → 0.30 needs 294 per survey', async () => {
    expect((await run(['sample-size', '--baseline', '0.2', '--lift', '0.1', '--json'])).out).toBe('{"perSurvey":294}\n');
    expect((await run(['sample-size', '--baseline', '0.3', '--lift', '0.05'])).out).toBe('Cần hỏi 1.377 người mỗi cuộc khảo sát.\n');
  });
});
