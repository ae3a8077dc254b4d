import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor';
import type { Store } from '../app/ports';
import { DomainError, type Lang } from '../core/errors';

export interface ServerDeps {
  store: Store;
  engine: 'pglite' | 'postgres';
  version: string;
  /** The clock, injectable for tests. */
  now: () => Date;
  /** Max login attempts per (IP, email) per window. */
  loginRateLimit?: { max: number; timeWindow: string };
  /** Secure cookies when served over HTTPS. */
  secureCookies?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Route is reachable without a session (login, health, csrf). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'okpi_session';

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new DomainError('UNAUTHENTICATED', { vi: 'Bạn cần đăng nhập.', en: 'You need to log in.' });
  }
  return request.actor;
}

export type Reply = FastifyReply;
