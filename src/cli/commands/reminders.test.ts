import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from '../../../test/helpers/cli';
import { buildReminderWorld } from '../../app/reminders/test-world';
import { createStore } from '../../db/store';
import { register } from './reminders';

const run = (args: string[]) => runCli([register], args);
useCliDataFolder('okpi-cli-reminders-', async (db) => {
  await buildReminderWorld(createStore(db));
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('openkpi reminders run', () => {
  it('prints the reminders claimed in this run as JSON, and none the second time', async () => {
    // Monday 08/09/2025 09:00 in Hồ Chí Minh City: every stage up to `late` of DT_THANG and up to `escalation` of
    // SO_DON is due (test-world.ts); `before` of DT_THANG is over (its deadline day has ended)
    const first = await run(['reminders', 'run', '--at', '2025-09-08T09:00:00+07:00', '--json']);
    expect(first.exitCode).toBeUndefined();
    const sent = JSON.parse(first.out).sent as { to: string; kpi: string; period: string; stage: string }[];
    expect([...sent].sort((a, b) => `${a.kpi}${a.stage}${a.to}`.localeCompare(`${b.kpi}${b.stage}${b.to}`))).toEqual([
      { to: 'lan@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'late' },
      { to: 'lan@minhan.vn', kpi: 'DT_THANG', period: '2025-08', stage: 'late' },
      { to: 'minh@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'escalation' },
      { to: 'ha@minhan.vn', kpi: 'SO_DON', period: '2025-08', stage: 'late' },
    ]);
    expect((await run(['reminders', 'run', '--at', '2025-09-08T09:30:00+07:00', '--json'])).out).toBe('{"sent":[]}\n');
  });

  it('a readable table in vi and en; a bad --at exits 1', async () => {
    const vi = await run(['reminders', 'run', '--at', '2025-09-09T02:00:00Z']);
    expect(vi.out).toContain('Đã gửi 2 nhắc việc.');
    expect(vi.out).toContain('ha@minhan.vn');
    expect((await run(['reminders', 'run', '--at', '2025-09-09T03:00:00Z', '--lang', 'en'])).out).toBe('No reminders due.\n');
    const bad = await run(['reminders', 'run', '--at', '08/09/2025', '--lang', 'en']);
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain('--at "08/09/2025": use an ISO 8601 instant with its offset');
  });
});
