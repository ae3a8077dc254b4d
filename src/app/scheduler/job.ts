import type { Store } from '../ports';

/** What a scheduled job gets: the store and the instant it runs as of (injectable, so tests control the clock). */
export interface JobContext {
  store: Store;
  now: Date;
}

/** A job the in-app runner calls on every tick; it must be safe to run on several app instances at once. */
export interface Job {
  name: string;
  run(ctx: JobContext): Promise<void>;
}
