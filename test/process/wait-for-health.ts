import type { ChildProcess } from 'node:child_process';

// Up to 60 s: a cold start through the TypeScript loader on a busy 2-core machine has taken over 30 s.
const WAIT_MS = 60_000;
const POLL_MS = 100;

/**
 * Waits until the spawned server `child` answers `healthUrl` with a 2xx. Throws with the server's output if it
 * exits first; kills it and throws if it has not answered after 60 s.
 */
export async function waitForHealth(child: ChildProcess, healthUrl: string, output: () => string): Promise<void> {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    try {
      if ((await fetch(healthUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output()}`);
}
