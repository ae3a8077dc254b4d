import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import { waitForHealth } from './wait-for-health';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` as a real process (the way `npm start` does) and waits until it answers. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const output = () => out;
  await waitForHealth(child, `${url}/api/health`, output);
  return { url, child, output, exited };
}

/** A logged-in HTTP session against a real server: cookies and CSRF like a browser. */
export async function httpSession(url: string, email: string, password: string) {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [k = '', v = ''] = pair.split('=');
      cookies.set(k, v);
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  keep(csrfRes);
  let { token } = (await csrfRes.json()) as { token: string };
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${url}${path}`, {
      ...init,
      headers: { cookie: header(), 'x-csrf-token': token, ...(init.headers as Record<string, string> | undefined) },
    });
    keep(res);
    token = res.headers.get('x-csrf-token') ?? token; // login rotates the CSRF secret
    return res;
  };
  const login = await call('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }), headers: { 'content-type': 'application/json' } });
  if (!login.ok) throw new Error(`login failed: ${await login.text()}`);
  return call;
}
