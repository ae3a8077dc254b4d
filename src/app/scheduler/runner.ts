import type { Store } from '../ports';
import type { Job } from './job';
import { JOBS } from './jobs';

/** The logger calls the runner makes (the app's pino logger fits). */
export interface RunnerLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export const DEFAULT_TICK_MS = 60_000;

/**
 * Runs the jobs once, in order, as of `now`. A job that throws is logged and the others still run; the
 * returned names are the jobs that failed. Jobs coordinate through the database only (claims, SKIP LOCKED),
 * so several instances may tick at once.
 */
export async function runJobsOnce(store: Store, now: Date, log: RunnerLog, jobs: readonly Job[] = JOBS): Promise<string[]> {
  const failed: string[] = [];
  for (const job of jobs) {
    try {
      await job.run({ store, now });
    } catch (err) {
      failed.push(job.name);
      log.error({ err, job: job.name }, 'scheduled job failed');
    }
  }
  return failed;
}

export interface Scheduler {
  /** Stops ticking and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/** Ticks every `tickMs` (a tick never overlaps the previous one); `now` is injectable for tests. */
export function startScheduler(opts: { store: Store; log: RunnerLog; now?: () => Date; tickMs?: number; jobs?: readonly Job[] }): Scheduler {
  const tickMs = opts.tickMs ?? DEFAULT_TICK_MS;
  const now = opts.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runJobsOnce(opts.store, now(), opts.log, opts.jobs)
      .catch((err: unknown) => opts.log.error({ err }, 'scheduler tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
  opts.log.info({ tickMs }, 'scheduler started');
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** OPENKPI_SCHEDULER=off turns the runner off (e.g. a web-only instance); OPENKPI_SCHEDULER_TICK_MS sets the tick. */
export function schedulerSettings(env: NodeJS.ProcessEnv = process.env): { enabled: boolean; tickMs: number } {
  const enabled = !['off', 'false', '0', 'no'].includes((env.OPENKPI_SCHEDULER ?? '').trim().toLowerCase());
  const tick = Number(env.OPENKPI_SCHEDULER_TICK_MS);
  return { enabled, tickMs: Number.isInteger(tick) && tick >= 1000 ? tick : DEFAULT_TICK_MS };
}
