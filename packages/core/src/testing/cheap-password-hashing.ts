import { configurePasswordHashing } from "../users/password";

/**
 * For vitest setup files: tests hash with scrypt at N=2^10 (well under a millisecond) instead of the
 * production N=2^17 (about 100 ms each, a minute over the suite). Stored hashes carry their cost, so
 * nothing else changes; password.test.ts checks the production cost.
 */
export function useCheapPasswordHashing(): void {
  configurePasswordHashing({ cost: { N: 1 << 10, r: 8, p: 1 } });
}
