import { writeAudit } from "../audit";
import { Cache } from "../cache";
import type { Db } from "../db/client";
import { prefix64Key } from "../net/ip";
import { PasswordHashingBusyError } from "./password";
import { MAX_PASSWORD_LENGTH, normalizeEmail, verifyCredentials, type SessionUser } from "./users";

/** How failures on one kind of key slow the next attempt: free tries, then a wait that doubles per failure. */
export interface DelayRule {
  /** Failures before any wait. */
  free: number;
  /** The first wait (ms); each further failure doubles it. */
  baseMs: number;
  /** The longest wait (ms). */
  maxMs: number;
}

export interface SignInThrottleOptions {
  /** One client on one email (default: 3 free, then 1 s doubling up to 15 minutes). */
  pair?: DelayRule;
  /**
   * One email from all clients together (default: 20 free, then 1 s doubling up to 1 minute). Capped
   * short on purpose: it slows a guesser spread over many addresses without locking the owner out.
   */
  account?: DelayRule;
  /** One client on all emails together (default: 20 free, then 1 s doubling up to 15 minutes). */
  client?: DelayRule;
  /**
   * Failed sign-ins the whole process allows per minute (default 30), reserved before a password is
   * hashed and given back on success: it bounds the scrypt work wrong passwords can cost, however many
   * addresses send them. An account's recent clients are admitted when it is spent (see recentSuccesses).
   */
  failuresPerMinute?: number;
  /**
   * (Account, client) pairs that signed in recently: at most `max` (default 1,000, least recently
   * successful forgotten first) for `ttlMs` (default 30 days). Such a pair skips the per-account wait
   * and the global budget, so guessers elsewhere can never lock an account out of its usual machine.
   */
  recentSuccesses?: { max: number; ttlMs: number };
  /** How long a key's failures count after its last one (default 15 minutes). */
  windowMs?: number;
  /** Keys tracked at most (default 10,000), so a flood of made-up emails cannot exhaust memory. */
  maxTracked?: number;
  /** Injected by tests. */
  now?: () => number;
}

interface Failures {
  count: number;
  /** When this key's latest failure happened (ms, on the throttle's clock). */
  last: number;
  /** Whether an attempt was refused since that failure: only the first refusal of a wait is audited. */
  refused?: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Slows guessing progressively instead of locking accounts: each failure for a key (an email and client
 * pair, an email, a client) past its free ones doubles that key's wait. The per-email wait is capped at a
 * minute, and a client the account signed in from recently skips it and the global budget of failures
 * that bounds the hashing cost, so a guesser elsewhere can slow the admin but never lock them out; the
 * per-pair and per-client waits grow to 15 minutes for the guesser itself. An IPv6 client is its /64.
 * See docs/operations.md, "Sign-in and sessions".
 */
export class SignInThrottle {
  private readonly failures: Cache<string, Failures>;
  private readonly recent: Cache<string, true>;
  private readonly rules: { pair: DelayRule; account: DelayRule; client: DelayRule };
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Failures the process allows per minute: one bucket for hashed passwords, one for unhashed ones. */
  private readonly budgets: Record<"hashed" | "unhashed", Bucket>;

  constructor({
    pair = { free: 3, baseMs: 1_000, maxMs: 15 * MINUTE },
    account = { free: 20, baseMs: 1_000, maxMs: MINUTE },
    client = { free: 20, baseMs: 1_000, maxMs: 15 * MINUTE },
    failuresPerMinute = 30,
    windowMs = 15 * MINUTE,
    maxTracked = 10_000,
    recentSuccesses = { max: 1_000, ttlMs: 30 * DAY },
    now,
  }: SignInThrottleOptions = {}) {
    this.rules = { pair, account, client };
    this.windowMs = windowMs;
    this.now = now ?? Date.now;
    this.failures = new Cache({ ttlMs: windowMs, max: maxTracked, now, sweepIntervalMs: MINUTE });
    this.recent = new Cache({ ...recentSuccesses, now });
    const bucket = (): Bucket => ({
      capacity: failuresPerMinute,
      tokens: failuresPerMinute,
      at: this.now(),
      refused: false,
    });
    this.budgets = { hashed: bucket(), unhashed: bucket() };
  }

  /**
   * Whether `email` may be tried from `client` now: 0 ms to wait, or how long until its longest wait
   * ends, and whether this is the first attempt that wait refuses. An admitted attempt that will hash
   * (`hashes`, the default) reserves one failure of the global budget, given back by recordSuccess or
   * cancel. One that will not (a password too long to hash) spends a budget of its own instead, so it
   * cannot drain the hashing one, and the audit rows such free attempts write stay bounded.
   */
  begin(
    email: string,
    client: string,
    { hashes = true }: { hashes?: boolean } = {},
  ): { retryAfterMs: number; firstRefusal: boolean } {
    const now = this.now();
    const keys = this.keys(email, client);
    const known = this.recent.get(keys[0]![0]) !== undefined;
    let retryAfterMs = 0;
    let firstRefusal = false;
    for (const [key, rule] of keys) {
      if (known && key.startsWith("account:")) continue;
      const entry = this.failures.get(key);
      const wait = entry ? entry.last + delayOf(rule, entry.count) - now : 0;
      if (!entry || wait <= 0) continue;
      retryAfterMs = Math.max(retryAfterMs, wait);
      firstRefusal ||= !entry.refused;
      entry.refused = true;
    }
    if (retryAfterMs > 0) return { retryAfterMs, firstRefusal };
    const budget = this.budgets[hashes ? "hashed" : "unhashed"];
    const budgetWait = take(budget, now);
    // A known pair past the budget is let through on overdraft: its own pair and client waits still bound it.
    if (budgetWait === 0 || known) return { retryAfterMs: 0, firstRefusal: false };
    const first = !budget.refused;
    budget.refused = true;
    return { retryAfterMs: budgetWait, firstRefusal: first };
  }

  recordFailure(email: string, client: string): void {
    const now = this.now();
    for (const [key] of this.keys(email, client)) {
      const count = (this.failures.get(key)?.count ?? 0) + 1;
      this.failures.insertWithTtl(key, { count, last: now }, this.windowMs);
    }
  }

  /**
   * A correct password from this client clears that pair's failures (not the wider counts), remembers
   * the pair as recent, and gives its reservation back to the global budget: the budget counts failures
   * only (a known pair admitted on overdraft gives back one it did not take; the bucket's cap bounds that).
   */
  recordSuccess(email: string, client: string): void {
    const pair = this.keys(email, client)[0]![0];
    this.failures.remove(pair);
    this.recent.insert(pair, true);
    this.cancel();
  }

  /** Gives back the budget an attempt reserved without it failing (it was never checked). */
  cancel(): void {
    const b = this.budgets.hashed;
    b.tokens = Math.min(b.capacity, b.tokens + 1);
  }

  /** Keys with failures on record (at most `maxTracked`). */
  get tracked(): number {
    return this.failures.stats().entries;
  }

  private keys(email: string, client: string): [string, DelayRule][] {
    // Bounded, so a megabyte of made-up email costs no more memory than a real one.
    const account = normalizeEmail(email).slice(0, 254);
    const from = clientKey(client);
    return [
      [`pair:${account}|${from}`, this.rules.pair],
      [`account:${account}`, this.rules.account],
      [`client:${from}`, this.rules.client],
    ];
  }
}

/**
 * An IPv6 client as its /64: one subscriber is routinely given a whole /64, so counting each address
 * apart would give one attacker 2^64 clients. Anything else (IPv4, "unknown") as it is.
 */
export function clientKey(client: string): string {
  return prefix64Key(client.split("%")[0]!) ?? client;
}

interface Bucket {
  capacity: number;
  tokens: number;
  at: number;
  /** Whether an attempt was refused since the last token was taken: only the first refusal is audited. */
  refused: boolean;
}

/** Takes a token from a bucket refilled at `capacity` a minute: 0, or the ms until a token is free. */
function take(b: Bucket, now: number): number {
  b.tokens = Math.min(b.capacity, b.tokens + ((now - b.at) * b.capacity) / MINUTE);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    b.refused = false;
    return 0;
  }
  return Math.ceil(((1 - b.tokens) * MINUTE) / b.capacity);
}

/** The wait after `count` failures under `rule`: none for the free ones, then base, 2 base, 4 base... up to max. */
export function delayOf(rule: DelayRule, count: number): number {
  if (count <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(count - rule.free - 1, 30));
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "wrong_credentials" }
  | { ok: false; reason: "throttled"; retry_after_ms: number };

/** How long a sign-in refused because too many hashes were queued is told to wait. */
const BUSY_RETRY_MS = 1_000;

/**
 * Checks an email and password for a client (its address, or "unknown"), under `throttle`, and audits
 * the outcome as `user.sign_in`: success, failed, or denied while throttled. A throttled attempt never
 * reaches the password check, so it costs no scrypt work; only a wait's first refusal is audited, so a
 * guesser hammering a slowed account cannot grow the (append-only) audit log without bound.
 */
export async function signIn(
  db: Db,
  { email, password, client }: { email: string; password: string; client: string },
  throttle: SignInThrottle,
): Promise<SignInResult> {
  const actor = normalizeEmail(email).slice(0, 254);
  const audit = (outcome: "success" | "failed" | "denied", details: Record<string, unknown>) =>
    writeAudit(db, {
      actor,
      action: "user.sign_in",
      target: `user:${actor}`,
      outcome,
      details: { client, ...details },
    });

  // Too long to hash: refused for free, so it must not spend the budget that bounds hashing, or it
  // would drain it for everyone at no cost. It counts on the per-key waits and a budget of its own.
  const tooLong = password.length > MAX_PASSWORD_LENGTH;
  const { retryAfterMs, firstRefusal } = throttle.begin(email, client, { hashes: !tooLong });
  if (retryAfterMs > 0) {
    if (firstRefusal) audit("denied", { reason: "too many failed sign-ins", retry_after_ms: retryAfterMs });
    return { ok: false, reason: "throttled", retry_after_ms: retryAfterMs };
  }
  if (tooLong) {
    throttle.recordFailure(email, client);
    audit("failed", { reason: `password longer than ${MAX_PASSWORD_LENGTH} characters` });
    return { ok: false, reason: "wrong_credentials" };
  }
  let user: SessionUser | undefined;
  try {
    user = await verifyCredentials(db, { email, password });
  } catch (error) {
    if (!(error instanceof PasswordHashingBusyError)) throw error;
    throttle.cancel();
    return { ok: false, reason: "throttled", retry_after_ms: BUSY_RETRY_MS };
  }
  if (!user) {
    throttle.recordFailure(email, client);
    audit("failed", { reason: "wrong email or password" });
    return { ok: false, reason: "wrong_credentials" };
  }
  throttle.recordSuccess(email, client);
  audit("success", {});
  return { ok: true, user };
}
