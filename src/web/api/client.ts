import type { ErrorBodyT, IssueT } from './types';

/** An error answered by the API; `message` is already in the request's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: IssueT[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let currentLang: () => string = () => 'vi';
let csrfToken: Promise<string> | null = null;

/** Tells the client which language to send in Accept-Language. */
export function setLanguageSource(source: () => string): void {
  currentLang = source;
}

/** Forgets the CSRF token; call after logout. Login rotates the CSRF secret and sends the new token back (see `send`). */
export function resetCsrf(): void {
  csrfToken = null;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Accept-Language': currentLang(), Accept: 'application/json', ...extra };
}

async function fetchCsrf(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: headers() });
  if (!res.ok) throw await toError(res);
  return ((await res.json()) as { token: string }).token;
}

function csrf(): Promise<string> {
  csrfToken ??= fetchCsrf().catch((e: unknown) => {
    csrfToken = null;
    throw e;
  });
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ErrorBodyT;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.issues ?? []);
  } catch {
    return new ApiError(res.status, 'HTTP_' + res.status, res.statusText || `HTTP ${res.status}`);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown, retried: boolean): Promise<Response> {
  const isForm = body instanceof FormData;
  const h = headers(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {});
  if (method !== 'GET') h['x-csrf-token'] = await csrf();
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: h,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  // Login answers with a fresh token for its new CSRF secret: the old one stops working.
  const fresh = res.headers.get('x-csrf-token');
  if (fresh) csrfToken = Promise.resolve(fresh);
  if (res.status === 403 && method !== 'GET' && !retried) {
    // An expired CSRF token: fetch a fresh one and try once more.
    const copy = res.clone();
    const code = await copy.json().then((b: ErrorBodyT) => b.error.code, () => '');
    if (code === 'CSRF_INVALID') {
      resetCsrf();
      return send(method, path, body, true);
    }
  }
  return res;
}

/** Calls the API and returns the parsed JSON, or throws ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body, false);
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
