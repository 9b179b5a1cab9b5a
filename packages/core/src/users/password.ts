import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~100 ms here: enough to slow guessing, fine for sign-in.
const N = 1 << 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;
const maxmem = 256 * N * r; // scrypt needs 128*N*r bytes; Node's default cap (32 MiB) is just below it.

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N, r, p, maxmem });
  return ["scrypt", N, r, p, salt.toString("base64"), hash.toString("base64")].join("$");
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, rr, pp, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: 256 * Number(n) * Number(rr),
  });
  return timingSafeEqual(actual, expected);
}
