import { createServer } from "node:http";
import {
  previewMatcher,
  siteStatsOf,
  siteTotalsOf,
  type ExporterGate,
  type TrafficStatsCollector,
} from "@patronus/core/traffic/engine";
import { controlEndpoints, createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { PolicyMatcher } from "@patronus/core/traffic/match";

/**
 * Test helper: a real collector engine behind real HTTP, answering the control endpoints the policy page
 * and the preview use (stats, policyStats, topFlows, reset, preview) with the protocol's own request
 * schemas. The sidecar's server, its caps and its other endpoints are apps/collector's tests; this is
 * the web's view.
 */
export async function startTestCollector(
  engine: TrafficStatsCollector,
  /** For the per-site endpoints: the gate whose site columns the engine counted under. */
  gate?: ExporterGate,
): Promise<{
  client: CollectorClient;
  /** Preview requests answered so far. */
  previews: () => number;
  close(): Promise<void>;
}> {
  let previews = 0;
  const server = createServer((req, res) => {
    void (async () => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      const url = new URL(req.url ?? "/", "http://collector");
      const id = /^\/(?:stats|flows)\/(\d+)$/.exec(url.pathname)?.[1];
      let answer: unknown;
      if (req.method === "GET" && url.pathname === "/stats") {
        answer = { policies: engine.getAllPolicyStats(), totals: engine.totals(), at: 1 };
      } else if (req.method === "GET" && url.pathname.startsWith("/stats/")) {
        answer = engine.getPolicyStats(Number(id)) ?? null;
      } else if (req.method === "GET" && url.pathname.startsWith("/flows/")) {
        const { limit } = controlEndpoints.topFlows.request.parse({
          policy_id: Number(id),
          limit: Number(url.searchParams.get("limit") ?? 10),
        });
        answer = engine.topFlows(Number(id), limit);
      } else if (req.method === "POST" && url.pathname === "/reset") {
        const { policy_id } = controlEndpoints.reset.request.parse(JSON.parse(body));
        answer = { reset: policy_id === undefined ? (engine.resetStats(), true) : engine.resetPolicyStats(policy_id) };
      } else if (req.method === "POST" && url.pathname === "/preview") {
        const { policies, top } = controlEndpoints.preview.request.parse(JSON.parse(body));
        previews++;
        const preview = await previewMatcher(engine.liveFlows(), new PolicyMatcher(policies), { top });
        answer = { ...preview, at: 1, elapsed_ms: 0 };
      } else if (gate && req.method === "GET" && url.pathname === "/sites/stats") {
        const { site_id } = controlEndpoints.siteStats.request.parse({ site_id: url.searchParams.get("site_id") });
        answer = siteStatsOf(engine, gate, site_id, 1);
      } else if (gate && req.method === "GET" && url.pathname === "/sites/totals") {
        answer = siteTotalsOf(engine, gate, 1);
      } else {
        res.writeHead(404).end(JSON.stringify({ error: "not in the test collector" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    })().catch((error: unknown) => res.writeHead(500).end(JSON.stringify({ error: String(error) })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    client: createCollectorClient({ url: `http://127.0.0.1:${port}`, secret: "t".repeat(24) }),
    previews: () => previews,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
