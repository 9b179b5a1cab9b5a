import { createPolicy, listPolicies } from "@patronus/core/policies";
import type { TestDb } from "@patronus/core/testing";
import { TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { flowKey, PolicyMatcher } from "@patronus/core/traffic/match";
import type { User } from "@patronus/core/users";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyDetailDocument, type PolicyDetailQuery } from "~/graphql/graphql";
import { startTestCollector } from "./graphql/test-collector";
import { graphqlClient } from "./graphql/test-client";
import { createWebTestFixture } from "./graphql/test-fixture";
import { readFirstPolicy } from "./policy-first";

let t: TestDb;
let viewer: User;

// The demo network's policies and snapshots, read only.
beforeAll(() => {
  const fixture = createWebTestFixture({ seed: true });
  ({ t } = fixture);
  viewer = fixture.users.viewer;
});
afterAll(() => t.destroy());

describe("readFirstPolicy", () => {
  it("gives every demo policy exactly what the page's PolicyDetail query answers, counters from the snapshots", async () => {
    const execute = graphqlClient(t.db);
    const policies = listPolicies(t.db);
    expect(policies.length).toBeGreaterThan(20);
    for (const policy of policies) {
      const answer = await execute<PolicyDetailQuery>(print(PolicyDetailDocument), {
        user: viewer,
        variables: { id: String(policy.policy_id) },
      });
      expect(answer.errors).toBeUndefined();
      expect(await readFirstPolicy(t.db, { policy })).toEqual(answer.data);
    }
  });

  it("reads the live counters from the collector, as the query does", async () => {
    const policy = createPolicy(t.db, {
      name: "first-read web",
      priority: 1000,
      match_rules: { destination_ports: [{ from: 8443, to: 8444 }], source_cidrs: ["10.9.0.0/16"], protocols: [6] },
    });
    const engine = new TrafficStatsCollector({
      now: () => Date.UTC(2026, 10, 1),
      matcher: new PolicyMatcher([policy]),
    });
    const flow = flowKey({ src: "10.9.0.1", dst: "192.0.2.1", srcPort: 40000, dstPort: 8443, protocol: 6 });
    flow.packets = 12;
    flow.bytes = 9_000;
    engine.ingest(flow, Date.UTC(2026, 10, 1));
    const collector = await startTestCollector(engine);
    try {
      const answer = await graphqlClient(t.db, { collector: collector.client })<PolicyDetailQuery>(
        print(PolicyDetailDocument),
        { user: viewer, variables: { id: String(policy.policy_id) } },
      );
      const first = await readFirstPolicy(t.db, { policy, collector: collector.client });
      expect(first?.policy).toMatchObject({ packets_matched: 12, bytes_matched: 9_000, active_flows: 1 });
      expect(first?.policy?.rules).toMatchObject({ destination_ports: ["8443-8444"], source_cidrs: ["10.9.0.0/16"] });
      expect(first).toEqual(answer.data);
    } finally {
      await collector.close();
    }
  });
});
