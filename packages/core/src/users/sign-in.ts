import { writeAudit } from "../audit";
import { Cache } from "../cache";
import type { Db } from "../db/client";
import { normalizeEmail, verifyCredentials, type User } from "./users";

export interface SignInThrottleOptions {
  /** Failed sign-ins one client may make for one email in a window (default 5). */
  perAccountAndClient?: number;
  /** Failed sign-ins for one email from all clients together (default 20): slows a spread-out guesser. */
  perAccount?: number;
  /** Failed sign-ins from one client for all emails together (default 20): slows one client spraying accounts. */
  perClient?: number;
  /** How long failures count (default 15 minutes, from the first failure of a key). */
  windowMs?: number;
  /** Keys tracked at most (default 10,000), so a flood of made-up emails cannot exhaust memory. */
  maxTracked?: number;
  /** Injected by tests. */
  now?: () => number;
}

interface Failures {
  count: number;
  /** When this key's window ends (ms, on the throttle's clock). */
  until: number;
  /** Whether an attempt was refused on this key yet: only the first refusal of a lock is audited. */
  refused?: boolean;
}

/**
 * Counts failed sign-ins per (email, client), per email and per client, each in a fixed window, and
 * refuses further attempts on a key that reached its limit until its window ends. A lock on one
 * (email, client) pair does not lock the account out for everyone else, so a guesser cannot lock the
 * admin out from one machine; only the wider per-account limit can, at four times the pace.
 */
export class SignInThrottle {
  private readonly failures: Cache<string, Failures>;
  private readonly limits: { pair: number; account: number; client: number };
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor({ perAccountAndClient = 5, perAccount = 20, perClient = 20, windowMs = 15 * 60_000, maxTracked = 10_000, now }: SignInThrottleOptions = {}) {
    this.limits = { pair: perAccountAndClient, account: perAccount, client: perClient };
    this.windowMs = windowMs;
    this.now = now ?? Date.now;
    this.failures = new Cache({ ttlMs: windowMs, max: maxTracked, now, sweepIntervalMs: 60_000 });
  }

  /**
   * Whether `email` may be tried from `client` now: 0 ms to wait, or how long until the longest lock on
   * its keys ends, and whether this is the first attempt that lock refuses.
   */
  check(email: string, client: string): { retryAfterMs: number; firstRefusal: boolean } {
    const now = this.now();
    let retryAfterMs = 0;
    let firstRefusal = false;
    for (const [key, limit] of this.keys(email, client)) {
      const entry = this.failures.get(key);
      if (!entry || entry.count < limit) continue;
      retryAfterMs = Math.max(retryAfterMs, entry.until - now);
      firstRefusal ||= !entry.refused;
      entry.refused = true;
    }
    return { retryAfterMs, firstRefusal };
  }

  recordFailure(email: string, client: string): void {
    const now = this.now();
    for (const [key] of this.keys(email, client)) {
      const entry = this.failures.get(key);
      if (entry && entry.until > now) {
        this.failures.insertWithTtl(key, { ...entry, count: entry.count + 1 }, entry.until - now);
      } else {
        this.failures.insert(key, { count: 1, until: now + this.windowMs });
      }
    }
  }

  /** A correct password from this client clears that pair's failures (not the wider counts). */
  recordSuccess(email: string, client: string): void {
    this.failures.remove(this.keys(email, client)[0]![0]);
  }

  /** Keys with failures on record (at most `maxTracked`). */
  get tracked(): number {
    return this.failures.stats().entries;
  }

  private keys(email: string, client: string): [string, number][] {
    const account = normalizeEmail(email);
    return [
      [`pair:${account}|${client}`, this.limits.pair],
      [`account:${account}`, this.limits.account],
      [`client:${client}`, this.limits.client],
    ];
  }
}

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong_credentials" }
  | { ok: false; reason: "throttled"; retry_after_ms: number };

/**
 * Checks an email and password for a client (its address, or "unknown"), under `throttle`, and audits
 * the outcome as `user.sign_in`: success, failed, or denied while throttled. A throttled attempt never
 * reaches the password check, so it costs no scrypt work; only a lock's first refusal is audited, so a
 * guesser hammering a locked account cannot grow the (append-only) audit log without bound.
 */
export function signIn(
  db: Db,
  { email, password, client }: { email: string; password: string; client: string },
  throttle: SignInThrottle,
): SignInResult {
  const actor = normalizeEmail(email).slice(0, 254);
  const audit = (outcome: "success" | "failed" | "denied", details: Record<string, unknown>) =>
    writeAudit(db, { actor, action: "user.sign_in", target: `user:${actor}`, outcome, details: { client, ...details } });

  const { retryAfterMs, firstRefusal } = throttle.check(email, client);
  if (retryAfterMs > 0) {
    if (firstRefusal) audit("denied", { reason: "too many failed sign-ins", retry_after_ms: retryAfterMs });
    return { ok: false, reason: "throttled", retry_after_ms: retryAfterMs };
  }
  const user = verifyCredentials(db, { email, password });
  if (!user) {
    throttle.recordFailure(email, client);
    audit("failed", { reason: "wrong email or password" });
    return { ok: false, reason: "wrong_credentials" };
  }
  throttle.recordSuccess(email, client);
  audit("success", {});
  return { ok: true, user };
}
