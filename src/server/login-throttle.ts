import { createHash } from 'node:crypto';
import type { Store } from '../app/ports';
import { DomainError } from '../core/errors';

export interface LoginLimits {
  /** Failed logins per client address and e-mail in a window (guessing one account's password). */
  max: number;
  /** Failed logins per client address across all e-mails (password spraying). Default: 3 × max. */
  maxPerAddress?: number;
  /** e.g. '15 minutes', '30 seconds', '1 hour'. */
  timeWindow: string;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { max: 10, maxPerAddress: 30, timeWindow: '15 minutes' };

export type LoginAttempt =
  | { ok: true; /** A successful login does not count against the limits. */ succeeded(): Promise<void> }
  | { ok: false; retryAfterSeconds: number };

/** Ended windows are dropped after this many attempts on an instance. */
const PRUNE_EVERY = 1_000;

/**
 * Counts login attempts in fixed windows, per (address, e-mail) and per address, in the database: every app instance
 * counts into the same windows, so spraying passwords across instances behind a load balancer meets one limit. An
 * attempt counts as soon as it starts (so parallel guesses cannot slip through while passwords are being checked) and
 * is given back when it succeeds: only failures use up the limits, an office behind one address can still sign
 * everyone in. Keys are stored hashed: the table holds no address or e-mail.
 */
export class LoginThrottle {
  private readonly windowMs: number;
  private readonly perEmail: number;
  private readonly perAddress: number;
  private sincePrune = 0;

  /** `name` keeps throttles apart (logins, reset links). */
  constructor(
    private readonly store: Store,
    private readonly name: string,
    limits: LoginLimits,
    private readonly now: () => Date,
  ) {
    this.windowMs = parseDuration(limits.timeWindow);
    this.perEmail = limits.max;
    this.perAddress = limits.maxPerAddress ?? limits.max * 3;
  }

  /** Counts one attempt, or tells how long to wait when either limit is used up. */
  async attempt(address: string, email: string): Promise<LoginAttempt> {
    const now = this.now();
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      await this.store.loginWindows.prune(now);
    }
    const windows = [
      { keyHash: this.keyHash(address, email.trim().toLowerCase()), max: this.perEmail },
      { keyHash: this.keyHash(address, '*'), max: this.perAddress },
    ];
    const taken = await this.store.loginWindows.take(windows, now, this.windowMs);
    if (!taken.ok) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((taken.resetAt.getTime() - now.getTime()) / 1000)) };
    return { ok: true, succeeded: () => this.store.loginWindows.giveBack(windows.map((w) => w.keyHash)) };
  }

  private keyHash(address: string, email: string): string {
    return createHash('sha256').update(JSON.stringify([this.name, address, email])).digest('base64url');
  }
}

/** 429 RATE_LIMITED; send `Retry-After` with it. */
export function loginRateLimited(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'RATE_LIMITED',
    {
      vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`,
      en: `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
    { params: { retryAfterSeconds } },
  );
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** '15 minutes' → 900000. Accepts ms, s/sec/second(s), m/min/minute(s), h/hour(s). */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\s*$/i.exec(text);
  if (!m) throw new Error(`Unknown duration: ${text}`);
  const unit = m[2]!.toLowerCase();
  const key = unit === 'ms' || unit.startsWith('milli') ? 'ms' : unit[0]!;
  return Number(m[1]) * UNITS[key]!;
}
