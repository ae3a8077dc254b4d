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

interface Window {
  count: number;
  resetAt: number;
}

export type LoginAttempt =
  | { ok: true; /** A successful login does not count against the limits. */ succeeded(): void }
  | { ok: false; retryAfterSeconds: number };

const MAX_KEYS = 100_000;

/**
 * Counts login attempts in fixed windows, per (address, e-mail) and per address. An attempt counts
 * as soon as it starts (so parallel guesses cannot slip through while passwords are being checked)
 * and is given back when it succeeds: only failures use up the limits, an office behind one address
 * can still sign everyone in.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;
  private readonly perEmail: number;
  private readonly perAddress: number;

  constructor(
    limits: LoginLimits,
    private readonly now: () => number,
  ) {
    this.windowMs = parseDuration(limits.timeWindow);
    this.perEmail = limits.max;
    this.perAddress = limits.maxPerAddress ?? limits.max * 3;
  }

  /** Counts one attempt, or tells how long to wait when either limit is used up. */
  attempt(address: string, email: string): LoginAttempt {
    const t = this.now();
    if (this.windows.size > MAX_KEYS) this.prune(t);
    const keys: [string, number][] = [
      [`${address}|${email.trim().toLowerCase()}`, this.perEmail],
      [`${address}|*`, this.perAddress],
    ];
    const windows = keys.map(([key, max]) => ({ window: this.window(key, t), max }));
    const full = windows.filter(({ window, max }) => window.count >= max);
    if (full.length > 0) return { ok: false, retryAfterSeconds: Math.max(...full.map(({ window }) => Math.ceil((window.resetAt - t) / 1000))) };
    for (const { window } of windows) window.count += 1;
    return {
      ok: true,
      succeeded: () => {
        for (const { window } of windows) window.count = Math.max(0, window.count - 1);
      },
    };
  }

  private window(key: string, t: number): Window {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + this.windowMs };
      this.windows.set(key, w);
    }
    return w;
  }

  private prune(t: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= t) this.windows.delete(key);
    if (this.windows.size > MAX_KEYS) this.windows.clear();
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
