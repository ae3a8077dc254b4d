import { describe, expect, it } from 'vitest';
import type { Store } from '../ports';
import type { Job } from './job';
import { runJobsOnce, schedulerSettings, startScheduler } from './runner';

const store = {} as Store; // the jobs below do not touch it

function recorder() {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, log: { error: (obj: object, msg: string) => errors.push({ obj, msg }), info: () => undefined } };
}

describe('job runner', () => {
  it('runs the jobs in order as of the instant given, logs a failing job and still runs the rest', async () => {
    const ran: string[] = [];
    const at = new Date('2025-09-08T02:00:00Z');
    const jobs: Job[] = [
      { name: 'first', run: async ({ now }) => void ran.push(`first@${now.toISOString()}`) },
      { name: 'broken', run: async () => Promise.reject(new Error('SMTP down')) },
      { name: 'last', run: async () => void ran.push('last') },
    ];
    const { errors, log } = recorder();
    expect(await runJobsOnce(store, at, log, jobs)).toEqual(['broken']);
    expect(ran).toEqual(['first@2025-09-08T02:00:00.000Z', 'last']);
    expect(errors.map((e) => [e.msg, (e.obj as { job: string }).job])).toEqual([['scheduled job failed', 'broken']]);
  });

  it('ticks without overlapping, and stop waits for the running tick', async () => {
    let running = 0;
    let most = 0;
    let ticks = 0;
    const slow: Job = {
      name: 'slow',
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        ticks++;
      },
    };
    const { log } = recorder();
    const scheduler = startScheduler({ store, log, tickMs: 5, jobs: [slow] });
    await new Promise((r) => setTimeout(r, 150));
    await scheduler.stop();
    const after = ticks;
    expect(running).toBe(0);
    expect(most).toBe(1);
    expect(after).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(ticks).toBe(after); // stopped: no more ticks
  });

  it('is on unless OPENKPI_SCHEDULER=off; the tick comes from OPENKPI_SCHEDULER_TICK_MS', () => {
    expect(schedulerSettings({})).toEqual({ enabled: true, tickMs: 60_000 });
    expect(schedulerSettings({ OPENKPI_SCHEDULER: 'off' })).toEqual({ enabled: false, tickMs: 60_000 });
    expect(schedulerSettings({ OPENKPI_SCHEDULER_TICK_MS: '5000' })).toEqual({ enabled: true, tickMs: 5000 });
    expect(schedulerSettings({ OPENKPI_SCHEDULER_TICK_MS: '10' })).toEqual({ enabled: true, tickMs: 60_000 });
  });
});
