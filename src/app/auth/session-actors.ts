import { resolveActor, type Actor } from '../actor';
import type { Store } from '../ports';
import { DEFAULT_SESSION_LIMITS, findSession, hashToken, type SessionLimits } from './sessions';

interface Entry {
  actor: Actor;
  /** The session's own expiry: a cached session still ends on time. */
  sessionExpiresAt: number;
  /** Cached at most this long, so changes made outside this process (CLI) show up too. */
  freshUntil: number;
  /** The generation the entry was read in; any later change to users, people or units makes it stale. */
  generation: number;
  /**
   * The data version it was read at (migration 0013): a write by any instance to users, people or units, or a
   * session ending anywhere (migration 0015), changes it, so a logout on another instance counts on the next request.
   */
  version: string;
}

export interface SessionActorOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Absolute and idle limits of a session; an entry is cached no longer than the idle limit allows. */
  limits?: SessionLimits;
}

/**
 * Session token → acting user and unit scope, kept in memory for a short time: resolving them
 * (a session join, the person, the unit tree) cost ~3 ms of database work on every signed-in request; a hit costs
 * one tiny query (the data version), which is what makes a logout on another instance count at once.
 * `changed()` drops every entry; the server calls it after each write that may change who a user is
 * or where they belong (users, people, units, sessions).
 */
export class SessionActors {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly limits: SessionLimits;

  constructor(
    private readonly store: Store,
    options: SessionActorOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.limits = options.limits ?? DEFAULT_SESSION_LIMITS;
    this.ttlMs = Math.min(options.ttlMs ?? 30_000, this.limits.idleMs);
  }

  async actorFor(token: string, now: Date): Promise<Actor | null> {
    const key = hashToken(token);
    const t = now.getTime();
    // Read the generation and the version before the session: a change that lands meanwhile makes this entry stale.
    const generation = this.generation;
    const version = await this.store.dataVersion.read();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation && hit.version === version && t < hit.freshUntil && t < hit.sessionExpiresAt) return hit.actor;
    if (hit) this.entries.delete(key);

    const session = await findSession(this.store, token, now, this.limits);
    if (!session) return null;
    const actor = await resolveActor(this.store, session.user);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { actor, sessionExpiresAt: session.expiresAt.getTime(), freshUntil: t + this.ttlMs, generation, version });
    return actor;
  }

  /** Something that decides who a user is or which units they see has changed: forget everything. */
  changed(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
