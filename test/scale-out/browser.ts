/**
 * One browser talking to several app instances (as behind a load balancer): one cookie jar and one
 * CSRF token, whichever instance answers.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private token = '';

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async login(base: string, email: string, password: string): Promise<void> {
    const csrf = await this.call(base, '/api/auth/csrf');
    this.token = ((await csrf.json()) as { token: string }).token;
    const res = await this.json(base, 'POST', '/api/auth/login', { email, password });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }

  json(base: string, method: string, path: string, body: unknown): Promise<Response> {
    return this.call(base, path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }

  async call(base: string, path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}${path}`, { ...init, headers: { cookie, 'x-csrf-token': this.token, ...(init.headers as Record<string, string> | undefined) } });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    this.token = res.headers.get('x-csrf-token') ?? this.token;
    return res;
  }
}
