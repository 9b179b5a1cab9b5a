import { demoPolicies, seedDemoNetwork } from "@patronus/core/seed";
import { deleteSite, listSites } from "@patronus/core/sites";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { flowKey, PolicyMatcher } from "@patronus/core/traffic/match";
import { matchRulesSchema } from "@patronus/core/policies";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { demoFlows, demoFlows6 } from "./demo-traffic";
import { createDataDir, testEnv } from "./testing/harness";

describe("demo traffic", () => {
  it("gives every demo policy traffic of its own", () => {
    const policies = demoPolicies.map((p, i) => ({
      policy_id: i + 1,
      priority: p.priority,
      enabled: true,
      match_rules: matchRulesSchema.parse(p.match_rules ?? {}),
    }));
    const matcher = new PolicyMatcher(policies);

    const matched = [...demoFlows, ...demoFlows6].map(
      (f) => demoPolicies[matcher.match(flowKey({ srcPort: 0, dstPort: 0, protocol: 0, ...f })) - 1]?.name,
    );

    expect(new Set(matched)).toEqual(new Set(demoPolicies.map((p) => p.name)));
  });
});

describe("demo traffic by default (PATRONUS_DEMO_TRAFFIC=auto)", () => {
  let data: ReturnType<typeof createDataDir> | undefined;
  let running: RunningCollector | undefined;
  afterEach(async () => {
    await running?.stop();
    data?.cleanup();
    running = undefined;
    data = undefined;
  });

  async function start(seedDemo: boolean, deleteSites = 0) {
    data = createDataDir([]);
    if (seedDemo) seedDemoNetwork(data.db);
    for (const site of listSites(data.db).slice(0, deleteSites))
      deleteSite(data.db, { siteId: site.id, actor: "test" });
    const env = testEnv(data.dir, { PATRONUS_DEMO_TRAFFIC: "auto" });
    running = await startCollector(env, () => {});
    return createCollectorClient({ url: running.controlUrl, secret: env.secret });
  }

  it("is off on a database without the demo network", async () => {
    const client = await start(false);
    expect((await client.status()).demo_traffic).toBe(false);
  });

  it("is on, and counted, on a database holding the demo network", async () => {
    const client = await start(true);
    expect((await client.status()).demo_traffic).toBe(true);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBeGreaterThan(0), {
      timeout: 5_000,
    });
  });

  it("stays on when a demo site has been deleted", async () => {
    const client = await start(true, 1);
    expect((await client.status()).demo_traffic).toBe(true);
  });
});
