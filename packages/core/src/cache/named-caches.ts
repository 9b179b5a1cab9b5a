import { Cache, type CacheOptions } from "./ttl-cache";

/** The latest measurement of one path, as cached for the dashboard and the path selector. */
export interface PathMetricsSnapshot {
  path_id: number;
  /** Epoch milliseconds of the measurement. */
  timestamp: number;
  latency_ms: number;
  jitter_ms: number;
  packet_loss_pct: number;
  bandwidth_mbps: number;
  mtu: number;
  /** 0-100, higher is better. */
  score: number;
}

/** The path chosen for one flow and why; null ids when no policy matched or no path was usable. */
export interface RoutingDecision {
  policy_id: number | null;
  path_id: number | null;
  reason: string;
  /** Epoch milliseconds. */
  decided_at: number;
}

/**
 * Path metrics by path id. 60 s TTL: probes report every few seconds, so a minute-old snapshot is
 * stale. 10,000 entries covers any realistic path count (sites² × links) with room to spare; full, it
 * holds about 2.5 MB.
 */
export function createMetricsCache(options: Partial<CacheOptions> = {}): Cache<number, PathMetricsSnapshot> {
  return new Cache({ ttlMs: 60_000, max: 10_000, ...options });
}

/**
 * Routing decisions by flow key ("src|dst|proto|sport|dport"). 30 s TTL so a policy or path change
 * takes effect within half a minute even without an explicit clear. 100,000 entries is a busy flow
 * table; full, with 40-character keys, it holds about 30 MB (3 MB of that preallocated by lru-cache).
 */
export function createRoutingCache(options: Partial<CacheOptions> = {}): Cache<string, RoutingDecision> {
  return new Cache({ ttlMs: 30_000, max: 100_000, ...options });
}
