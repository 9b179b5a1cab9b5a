import { timingSafeEqual } from "node:crypto";
import { isLoopback, unmapIPv4 } from "../net/ip";

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; error: string };

/**
 * Who may read /metrics (docs/operations.md, "Metrics"). With a token configured, whoever presents it
 * as a bearer token, from anywhere, and nobody else; without one, loopback clients only. `client` is the
 * request's client address as the process judges it (behind a trusted proxy, the forwarded client), so
 * a reverse proxy on the same host does not make every outside scraper loopback.
 */
export function metricsAccess({
  token,
  authorization,
  client,
}: {
  token: string | undefined;
  authorization: string | null | undefined;
  client: string | undefined;
}): MetricsAccess {
  if (token !== undefined) {
    const given = Buffer.from(authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
    return { ok: false, status: 401, error: "metrics need the bearer token (PATRONUS_METRICS_TOKEN)" };
  }
  if (client !== undefined && isLoopback(unmapIPv4(client))) return { ok: true };
  return {
    ok: false,
    status: 403,
    error: "metrics are served to loopback clients only; set PATRONUS_METRICS_TOKEN to scrape from elsewhere",
  };
}
