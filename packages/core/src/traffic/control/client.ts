import { loadOrCreateSecretFile } from "../../secret-file";
import {
  controlEndpoints,
  controlErrorSchema,
  describeIssues,
  type CacheStatsReport,
  type CollectorStatusReport,
  type ControlEndpointName,
  type ControlRequest,
  type ControlResponse,
  type LiveStats,
  type PreviewPolicy,
  type PreviewReport,
  type SiteStats,
  type SiteTotals,
} from "./protocol";
import type { FlowStats, PolicyStats } from "../engine/traffic-stats-collector";

/** The collector's control interface as the web app sees it; protocol.ts defines each request. */
export interface CollectorClient {
  stats(): Promise<LiveStats>;
  policyStats(policyId: number): Promise<PolicyStats | null>;
  topFlows(policyId: number, limit: number): Promise<FlowStats[]>;
  status(): Promise<CollectorStatusReport>;
  reset(policyId?: number): Promise<{ reset: boolean }>;
  cleanup(timeoutMs?: number): Promise<{ removed: number }>;
  /** What `policies` (the whole draft list) would do to the live flows; 429 while another preview runs. */
  preview(policies: PreviewPolicy[], top?: number): Promise<PreviewReport>;
  /** One site's live traffic per policy ("" for exporters that are no endpoint). */
  siteStats(siteId: string): Promise<SiteStats>;
  siteTotals(): Promise<SiteTotals>;
  cacheStats(): Promise<CacheStatsReport[]>;
  clearCaches(): Promise<{ cleared_entries: number }>;
}

const PREVIEW_TIMEOUT_MS = 15_000;

/** The collector could not be reached, or did not answer in time: callers may fall back to snapshots. */
export class CollectorUnavailableError extends Error {}

/**
 * The collector answered, but with an error status or an answer that breaks the protocol: a bug or a
 * misconfiguration (a wrong secret), never an outage, so callers must not hide it behind a fallback.
 */
export class CollectorProtocolError extends Error {
  constructor(
    /** The HTTP status the collector answered with (200 when the body broke the protocol). */
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createCollectorClient({
  url,
  secret,
  timeoutMs = 2_000,
}: {
  url: string;
  secret: string;
  timeoutMs?: number;
}): CollectorClient {
  async function call<Name extends ControlEndpointName>(
    name: Name,
    request: ControlRequest<Name>,
    waitMs = timeoutMs,
  ): Promise<ControlResponse<Name>> {
    const { method, path, response: schema } = controlEndpoints[name];
    const target = requestTarget(method, path, request);
    const what = `${method} ${target.path}`;
    let status: number;
    let text: string;
    try {
      const response = await fetch(new URL(target.path, url), {
        method,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: target.body,
        signal: AbortSignal.timeout(waitMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new CollectorUnavailableError(`collector at ${url} is unreachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = parseJson(text);
    if (status < 200 || status > 299) {
      const refusal = controlErrorSchema.safeParse(body);
      const reason = refusal.success ? refusal.data.error : text.slice(0, 200);
      throw new CollectorProtocolError(status, `collector answered ${status} to ${what}: ${reason}`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new CollectorProtocolError(
        status,
        `collector's answer to ${what} breaks the protocol: ${describeIssues(parsed.error)}`,
      );
    }
    return parsed.data as ControlResponse<Name>;
  }
  return {
    stats: () => call("stats", {}),
    policyStats: (policyId) => call("policyStats", { policy_id: policyId }),
    topFlows: (policyId, limit) => call("topFlows", { policy_id: policyId, limit }),
    status: () => call("status", {}),
    reset: (policyId) => call("reset", { policy_id: policyId }),
    cleanup: (timeoutMs) => call("cleanup", { timeout_ms: timeoutMs }),
    // Sliced so as not to stall the receive loop, a preview of a million flows takes seconds, not ms.
    preview: (policies, top) => call("preview", { policies, top }, Math.max(timeoutMs, PREVIEW_TIMEOUT_MS)),
    siteStats: (siteId) => call("siteStats", { site_id: siteId }),
    siteTotals: () => call("siteTotals", {}),
    cacheStats: () => call("cacheStats", {}),
    clearCaches: () => call("clearCaches", {}),
  };
}

/** Fills the path's `:name` segments from the request; the rest go in the query string (GET) or the JSON body (POST). */
function requestTarget(
  method: "GET" | "POST",
  pattern: string,
  request: Record<string, unknown>,
): { path: string; body?: string } {
  const rest: Record<string, unknown> = { ...request };
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const defined = Object.entries(rest).filter(([, value]) => value !== undefined);
  if (method === "POST") return { path, body: JSON.stringify(Object.fromEntries(defined)) };
  const query = new URLSearchParams(defined.map(([key, value]): [string, string] => [key, String(value)])).toString();
  return { path: query ? `${path}?${query}` : path };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
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
