import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../test/process/spawn-server';
import { waitForHealth } from '../test/process/wait-for-health';

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit (the server finishes in-flight requests, writes a --cpu-prof profile). */
  stop(): Promise<void>;
}

/**
 * Starts a server process from `command` (e.g. `node --import tsx src/main.ts` or the compiled server) with
 * PORT/HOST set, and waits (up to 60 s) until `healthPath` answers.
 */
export async function startServer(command: string[], env: Record<string, string>, healthPath = '/api/health'): Promise<RunningServer> {
  const port = await freePort();
  const [bin, ...args] = command;
  const child = spawn(bin!, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const output = () => out;
  await waitForHealth(child, url + healthPath, output);
  return {
    url,
    pid: child.pid!,
    child,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Samples a process's resident memory (VmRSS in /proc) every `everyMs`; `stop()` returns the maximum in MB. */
export function sampleRss(pid: number, everyMs = 100): { now(): number; stop(): number } {
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let max = read();
  const timer = setInterval(() => (max = Math.max(max, read())), everyMs);
  return {
    now: read,
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(max, read()));
    },
  };
}
