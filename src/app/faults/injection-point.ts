/**
 * Named moments inside long jobs where a fault test stops the process, as PostgreSQL 17's injection points do:
 * each is the job's last step before its transaction commits, every row written. With
 * OPENKPI_INJECTION_POINT=<name>, reaching <name> prints `injection point <name> reached` on stderr and waits for
 * ever, so the test can `kill -9` at exactly that moment on either engine (PGlite has no outside view of a
 * transaction to time a kill by). Unset — always, outside fault tests — it does nothing.
 */
export type InjectionPoint = 'dataset-import' | 'apply' | 'cycle-lock';

export const INJECTION_POINT_ENV = 'OPENKPI_INJECTION_POINT';

export async function injectionPoint(name: InjectionPoint): Promise<void> {
  if (process.env[INJECTION_POINT_ENV] !== name) return;
  process.stderr.write(`injection point ${name} reached\n`);
  // A pending promise alone lets node exit; the timer keeps the process (and its open transaction) alive.
  await new Promise<never>(() => setInterval(() => {}, 60_000));
}
