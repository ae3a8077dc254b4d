import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database, Engine } from '../../src/db/connect';
import { createStore } from '../../src/db/store';
import { seedDemo } from '../../src/app/demo/seed-demo';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-data';
import type { Store } from '../../src/app/ports';
import { buildApp } from '../../src/server/app';
import { freshDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  database: Database;
  /** A signed-in API client for a demo login (password is the demo one). */
  as(email: string, password?: string): Promise<ApiClient>;
  anonymous(): Promise<ApiClient>;
  close(): Promise<void>;
}

/** The real Fastify app on a fresh database with the demo company, exercised in-process (`inject`). */
export async function startTestApp(engine: Engine, options: { seed?: boolean; loginRateLimit?: { max: number; maxPerAddress?: number; timeWindow: string } } = {}): Promise<TestApp> {
  const database = await freshDatabase(engine);
  const store = createStore(database.db);
  if (options.seed !== false) await seedDemo(store);
  const app = await buildApp({
    store,
    engine,
    version: 'test',
    now: () => new Date(),
    loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindow: '1 minute' },
  });
  return {
    app,
    store,
    database,
    as: (email, password) => ApiClient.signedIn(app, email, password),
    anonymous: () => ApiClient.create(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Signs in through the API and returns the cookie header (session and CSRF secret), for raw `inject` requests
 * that must not carry a CSRF header of their own.
 */
export async function sessionCookie(app: FastifyInstance, email: string): Promise<string> {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const secret = csrf.cookies.find((c) => c.name === '_csrf')!.value;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: `_csrf=${secret}`, 'x-csrf-token': (csrf.json() as { token: string }).token },
    payload: { email, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login ${email} failed: ${login.body}`);
  const jar = new Map([['_csrf', secret]]);
  for (const c of login.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Keeps cookies and the CSRF token like a browser would. */
export class ApiClient {
  private cookies = new Map<string, string>();
  csrf = '';
  lang: 'vi' | 'en' = 'vi';

  private constructor(private app: FastifyInstance) {}

  static async create(app: FastifyInstance): Promise<ApiClient> {
    const client = new ApiClient(app);
    const res = await client.request({ method: 'GET', url: '/api/auth/csrf' });
    client.csrf = (res.json() as { token: string }).token;
    return client;
  }

  /** A client signed in as a demo login (the demo password). */
  static async signedIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const client = await ApiClient.create(app);
    const res = await client.post('/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.body}`);
    return client;
  }

  /** The same browser talking to another app instance (behind a load balancer): its cookies and CSRF token. */
  on(app: FastifyInstance): ApiClient {
    const other = new ApiClient(app);
    other.cookies = this.cookies;
    other.csrf = this.csrf;
    other.lang = this.lang;
    return other;
  }

  async request(opts: InjectOptions) {
    const headers: Record<string, string> = {
      'accept-language': this.lang,
      ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
      ...(opts.method !== 'GET' && { 'x-csrf-token': this.csrf }),
      ...(opts.headers as Record<string, string> | undefined),
    };
    const res = await this.app.inject({ ...opts, headers });
    // Login rotates the CSRF secret and hands the new token back in this header.
    const freshCsrf = res.headers['x-csrf-token'];
    if (typeof freshCsrf === 'string') this.csrf = freshCsrf;
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, body?: unknown) {
    return this.request({ method: 'POST', url, ...(body !== undefined && { payload: body as object }) });
  }
  patch(url: string, body: unknown) {
    return this.request({ method: 'PATCH', url, payload: body as object });
  }
  put(url: string, body: unknown) {
    return this.request({ method: 'PUT', url, payload: body as object });
  }
}
