import { loadOrCreateSecretFile } from "../secret-file";
import type { CacheStats } from "../cache/ttl-cache";
import type { UnknownExporter } from "./exporter-gate";
import type { FlowStats, PolicyStats, TrafficTotals } from "./traffic-stats-collector";

/**
 * The collector's control interface, as the web app sees it: JSON over HTTP on loopback, each
 * request carrying `Authorization: Bearer <secret>`.
 */
export interface CollectorStatusReport {
  uptime_ms: number;
  started_at: number;
  flow_listener: string;
  /** How datagrams are received: recvmmsg batches through @patronus/udp-batch, or Node's dgram as a fallback. */
  receiver: "recvmmsg" | "dgram";
  datagrams_received: number;
  records_received: number;
  /** Datagrams rejected whole: bad framing (a header that disagrees with the datagram's size) or content. */
  malformed_packets: number;
  unsupported_version: number;
  /** Records refused: octets impossible for their packets, or a sampling rate out of range. */
  insane_records: number;
  unknown_template_sets: number;
  socket_drops: number;
  live_flows: number;
  max_flows: number;
  evicted_flows: number;
  /** Most live flows one exporter may hold (PATRONUS_EXPORTER_FLOW_SHARE of max_flows). */
  max_flows_per_exporter: number;
  last_snapshot_at: number | null;
  snapshot_failures: number;
  policies: number;
  templates: number;
  /** Template definitions refused as invalid. */
  templates_rejected: number;
  /** Templates replaced to stay within the per-domain or global cap. */
  templates_evicted: number;
  /** Templates forgotten after PATRONUS_TEMPLATE_IDLE_TIMEOUT_MS unused. */
  templates_expired: number;
  /** New template definitions refused past PATRONUS_TEMPLATE_CHANGES_PER_SECOND. */
  templates_throttled: number;
  /** Datagrams dropped undecoded because their source is not an allowed exporter. */
  unknown_exporter: number;
  /** The unknown sources that sent the most (bounded table; counts are upper bounds, at most `error` over). */
  unknown_exporters: UnknownExporter[];
  /** Who may send flows, in words: endpoint count, configured prefixes, loopback, or any. */
  exporters_allowed: string;
  /** Whether the collector sends itself demo IPFIX (PATRONUS_DEMO_TRAFFIC; auto: only with the demo network). */
  demo_traffic: boolean;
}

export interface LiveStats {
  policies: PolicyStats[];
  totals: TrafficTotals;
  at: number;
}

/** One cache's statistics as the collector reports them (CacheStats plus the cache's name). */
export interface CacheStatsReport extends CacheStats {
  name: string;
}

export interface CollectorClient {
  stats(): Promise<LiveStats>;
  policyStats(policyId: number): Promise<PolicyStats | null>;
  topFlows(policyId: number, limit: number): Promise<FlowStats[]>;
  status(): Promise<CollectorStatusReport>;
  reset(policyId?: number): Promise<{ reset: boolean }>;
  cleanup(timeoutMs?: number): Promise<{ removed: number }>;
  cacheStats(): Promise<CacheStatsReport[]>;
  clearCaches(): Promise<{ cleared_entries: number }>;
}

export class CollectorUnavailableError extends Error {}

export function createCollectorClient({
  url,
  secret,
  timeoutMs = 2_000,
}: {
  url: string;
  secret: string;
  timeoutMs?: number;
}): CollectorClient {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, url), {
        method,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CollectorUnavailableError(`collector at ${url} is unreachable: ${(error as Error).message}`, { cause: error });
    }
    if (!response.ok) throw new CollectorUnavailableError(`collector answered ${response.status} to ${method} ${path}`);
    return (await response.json()) as T;
  }
  return {
    stats: () => call("GET", "/stats"),
    policyStats: (policyId) => call("GET", `/stats/${policyId}`),
    topFlows: (policyId, limit) => call("GET", `/flows/${policyId}?limit=${limit}`),
    status: () => call("GET", "/status"),
    reset: (policyId) => call("POST", "/reset", { policy_id: policyId }),
    cleanup: (timeoutMs) => call("POST", "/cleanup", { timeout_ms: timeoutMs }),
    cacheStats: () => call("GET", "/caches"),
    clearCaches: () => call("POST", "/caches/clear"),
  };
}

/** The control secret when none is configured: a random one in the data directory, shared by both processes. */
export function loadOrCreateControlSecret(dataDir: string): string {
  return loadOrCreateSecretFile(dataDir, "control.secret");
}

/**
 * Clears every cache of this process's registry and, through its control interface, the collector's;
 * the count is the sum across both. An unreachable collector clears nothing there and says so.
 */
export async function clearCachesEverywhere(
  registry: { clearAll(): number },
  collector: CollectorClient | undefined,
): Promise<{ cleared_entries: number; collector_reached: boolean }> {
  let cleared = registry.clearAll();
  if (!collector) return { cleared_entries: cleared, collector_reached: false };
  try {
    cleared += (await collector.clearCaches()).cleared_entries;
    return { cleared_entries: cleared, collector_reached: true };
  } catch (error) {
    if (!(error instanceof CollectorUnavailableError)) throw error;
    return { cleared_entries: cleared, collector_reached: false };
  }
}
