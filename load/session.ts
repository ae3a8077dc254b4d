export interface LoadSession {
  cookie: string;
  csrf: string;
  userId: number;
  personId: number | null;
  unitId: number | null;
}

/** Signs in once through POST /api/auth/login and keeps the cookies and CSRF token for every request of the run. */
export async function login(url: string, email: string, password: string): Promise<LoadSession> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  keep(csrfRes);
  const { token } = (await csrfRes.json()) as { token: string };
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': token },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  keep(res);
  const csrf = res.headers.get('x-csrf-token') ?? token;
  const session = (await (await fetch(`${url}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as {
    user: { id: number; personId: number | null; unitId: number | null };
  };
  return { cookie: cookie(), csrf, userId: session.user.id, personId: session.user.personId, unitId: session.user.unitId };
}
