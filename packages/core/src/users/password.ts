import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { ConflictError } from "../errors";

/** scrypt's work factors; a stored hash carries its own, so changing the cost never breaks old hashes. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~100 ms here: enough to slow guessing, fine for sign-in.
export const PRODUCTION_COST: ScryptCost = { N: 1 << 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;
// scrypt needs 128*N*r bytes; Node's default cap (32 MiB) is just below it at the production cost.
const optionsOf = ({ N, r, p }: ScryptCost): ScryptOptions => ({ N, r, p, maxmem: 256 * N * r });

/** Refused instead of queued: more hashes are waiting than the limit allows. */
export class PasswordHashingBusyError extends ConflictError {
  constructor() {
    super("too many passwords are being checked at once; try again in a moment");
  }
}

export interface PasswordHashingOptions {
  /** Work factors of new hashes (tests lower them; production keeps PRODUCTION_COST). */
  cost?: ScryptCost;
  /** Hashes computed at once, process-wide (default: half the cores, at least 1). */
  maxConcurrent?: number;
  /** Hashes waiting for a slot at most; past it a hash is refused (default 64). */
  maxQueued?: number;
}

/*
 * Each hash takes 64-128 MiB and ~100 ms of a core on libuv's thread pool. Without a limit, a burst of
 * sign-ins would take every core (and the pool fs and dns share) from the requests the event loop serves;
 * with one, they wait their turn and the rest of the server keeps its CPU.
 */
const settings: Required<PasswordHashingOptions> = {
  cost: PRODUCTION_COST,
  maxConcurrent: Math.max(1, Math.floor(availableParallelism() / 2)),
  maxQueued: 64,
};
let active = 0;
const waiting: (() => void)[] = [];

/** Sets the cost and limits of password hashing for this process (tests lower the cost in their setup file). */
export function configurePasswordHashing(options: PasswordHashingOptions): void {
  Object.assign(settings, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
}

/** Hashes being computed and waiting now. */
export function passwordHashingLoad(): { active: number; queued: number } {
  return { active, queued: waiting.length };
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (active >= settings.maxConcurrent) {
    if (waiting.length >= settings.maxQueued) throw new PasswordHashingBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    active++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

const format = (cost: ScryptCost, salt: Buffer, hash: Buffer) =>
  ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");

function parse(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return undefined;
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, "base64"),
    hash: Buffer.from(hash, "base64"),
  };
}

/** Hashes off the event loop, under the process-wide limit. */
export async function hashPassword(password: string): Promise<string> {
  const cost = settings.cost;
  const salt = randomBytes(16);
  const hash = await limited(() => scryptAsync(password, salt, KEY_LENGTH, optionsOf(cost)));
  return format(cost, salt, hash);
}

/** Checks a password against a stored hash off the event loop, under the process-wide limit. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await limited(() => scryptAsync(password, parsed.salt, parsed.hash.length, optionsOf(parsed.cost)));
  return timingSafeEqual(actual, parsed.hash);
}

/**
 * Blocks the thread for the whole hash: only for the setup command and test fixtures, never on a
 * request path (an admin's changes use hashPassword).
 */
export function hashPasswordSync(password: string): string {
  const cost = settings.cost;
  const salt = randomBytes(16);
  return format(cost, salt, scryptSync(password, salt, KEY_LENGTH, optionsOf(cost)));
}
