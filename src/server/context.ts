import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor';
import type { SessionLimits } from '../app/auth/sessions';
import type { Store } from '../app/ports';
import { DomainError, type Lang } from '../core/errors';
import type { LoginLimits } from './login-throttle';
import type { ReadReplica } from './read-replica';

export interface ServerDeps {
  store: Store;
  engine: 'pglite' | 'postgres';
  version: string;
  /** The clock, injectable for tests. */
  now: () => Date;
  /** Failed logins allowed per (address, e-mail) and per address in a window; see login-throttle.ts. */
  loginRateLimit?: LoginLimits;
  /** Absolute and idle session limits; default 12 hours and 30 minutes (see app/auth/sessions.ts). */
  sessionLimits?: SessionLimits;
  /** A streaming replica for dashboard and report reads (DATABASE_READ_URL); see read-replica.ts. */
  readReplica?: ReadReplica;
  /** Secure cookies when served over HTTPS. */
  secureCookies?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
    sessionToken: string | null;
    /** The primary's data version, read once when the session was checked; cached reads on the primary reuse it. */
    dataVersion: string | null;
  }
  interface FastifyContextConfig {
    /** Route is reachable without a session (login, health, csrf). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'okpi_session';
/** The cookie @fastify/csrf-protection keeps its secret in. */
export const CSRF_COOKIE = '_csrf';

/** The session and CSRF cookies are set and cleared with the same attributes (a browser ignores a clear that differs). */
export function sessionCookieOptions(deps: Pick<ServerDeps, 'secureCookies'>) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies ?? false } as const;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new DomainError('UNAUTHENTICATED', { vi: 'Bạn cần đăng nhập.', en: 'You need to log in.' });
  }
  return request.actor;
}

export type Reply = FastifyReply;
