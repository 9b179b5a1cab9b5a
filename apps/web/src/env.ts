import { loadEnv as loadFrom, parsedVariable, sharedEnv } from "@patronus/core/env";
import { z } from "zod";
import { parseTrustedProxies } from "~/server/client-address";

/**
 * The web app's environment, validated once. Every variable has a default that suits the embedded
 * single-machine setup; docs/configuration.md lists them.
 */
const schema = z.object({
  ...sharedEnv,
  PATRONUS_COLLECTOR_URL: z.url("must be a URL like http://127.0.0.1:2056").default("http://127.0.0.1:2056"),
  /** Signs and encrypts session cookies; generated into the data directory when unset. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * The dashboard's public URL. When unset, sign-in serves only a Host naming this machine (its
   * loopback and interface addresses, its hostname) on PORT; see docs/configuration.md.
   */
  NEXTAUTH_URL: z.url("must be a URL like https://patronus.example.com").optional(),
  /**
   * The collector's snapshot interval (the same variable the collector reads): the health banner calls
   * snapshots stale past three of them.
   */
  PATRONUS_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(10_000),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /**
   * Reverse proxies whose X-Forwarded-* headers are believed (addresses or CIDR ranges, comma-separated).
   * Empty: every request is judged by its socket peer, and forwarded headers are dropped.
   */
  PATRONUS_TRUSTED_PROXIES: parsedVariable(parseTrustedProxies).prefault(""),
  /** /api/ready fails once the collector's last snapshot is older than this (6 default snapshot intervals). */
  PATRONUS_READY_SNAPSHOT_AGE_MS: z.coerce.number().int().positive().default(60_000),
  /** How often the demo network gets a fresh metrics sample per path; 0 turns the feed off (docs/configuration.md). */
  PATRONUS_DEMO_METRICS_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 1000 && ms <= 3_600_000), "must be 0 (off) or 1000 to 3600000")
    .default(30_000),
});

/** The web app's variables from `source` (the process's own by default; tests pass theirs). */
export function loadEnv(source?: Record<string, string | undefined>): z.output<typeof schema> {
  return loadFrom(schema, source);
}

export const env = loadEnv();
