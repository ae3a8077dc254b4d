import { resolveActor, type Actor } from '../actor';
import type { Store } from '../ports';
import { DEFAULT_SESSION_LIMITS, findSession, hashToken, type SessionLimits } from './sessions';

/**
 * How long an entry is served without reading its session again. Not for staleness (the data version covers every
 * change): reading the session is what enforces the idle limit and writes the session's last use, which a cache hit skips.
 */
const RECHECK_SESSION_EVERY_MS = 30_000;

interface Entry {
  actor: Actor;
  /** The session's own expiry: a cached session still ends on time. */
  sessionExpiresAt: number;
  /** When the session must be read again (RECHECK_SESSION_EVERY_MS). */
  recheckAt: number;
  /**
   * The data version it was read at (migration 0013): a write by any instance or the CLI to users, people or units,
   * or a session ending anywhere (migration 0015), changes it, so the next request on every instance reads afresh.
   */
  version: string;
}

export interface SessionActorOptions {
  maxEntries?: number;
  /** Absolute and idle limits of a session; an entry is cached no longer than the idle limit allows. */
  limits?: SessionLimits;
}

/**
 * Session token → acting user and unit scope, kept in memory while the data version stays the same: resolving them
 * (a session join, the person, the unit tree) cost ~3 ms of database work on every signed-in request; a hit costs
 * one tiny query (the data version), which is what makes a logout or role change on another instance count at once.
 */
export class SessionActors {
  private readonly entries = new Map<string, Entry>();
  private readonly recheckMs: number;
  private readonly maxEntries: number;
  private readonly limits: SessionLimits;

  constructor(
    private readonly store: Store,
    options: SessionActorOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.limits = options.limits ?? DEFAULT_SESSION_LIMITS;
    this.recheckMs = Math.min(RECHECK_SESSION_EVERY_MS, this.limits.idleMs);
  }

  /**
   * `version`: the store's data version, read by the caller just before (it passes it on to the read cache). Read
   * before the session, so a change that lands meanwhile makes this entry stale.
   */
  async actorFor(token: string, now: Date, version: string): Promise<Actor | null> {
    const key = hashToken(token);
    const t = now.getTime();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && t < hit.recheckAt && t < hit.sessionExpiresAt) return hit.actor;
    if (hit) this.entries.delete(key);

    const session = await findSession(this.store, token, now, this.limits);
    if (!session) return null;
    const actor = await resolveActor(this.store, session.user);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { actor, sessionExpiresAt: session.expiresAt.getTime(), recheckAt: t + this.recheckMs, version });
    return actor;
  }
}
