import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createPolicy, listPolicies } from "@patronus/core/policies";
import { listPaths } from "@patronus/core/sites";
import { createCollectorClient } from "@patronus/core/traffic/control";
import type { TestDb } from "@patronus/core/testing";
import { TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { storePolicyStats } from "@patronus/core/traffic/stats";
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
    // The demo seed writes no snapshots, so without these every counter compared was 0 against 0.
    storePolicyStats(t.db, {
      at: Date.UTC(2026, 10, 1, 12),
      stats: policies.map((p, i) => ({
        policy_id: p.policy_id,
        packets_matched: 1_000 + i,
        bytes_matched: 1_500_000 + i,
        active_flows: i % 4,
      })),
    });
    for (const policy of policies) {
      const answer = await execute<PolicyDetailQuery>(print(PolicyDetailDocument), {
        user: viewer,
        variables: { id: String(policy.policy_id) },
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.policy?.packets_matched).toBeGreaterThan(0);
      expect(await readFirstPolicy(t.db, { policy })).toEqual(answer.data);
    }
  });

  it("gives a disabled policy pinned to a path, with every kind of rule, what the query answers", async () => {
    const policy = createPolicy(t.db, {
      name: "first-read every rule",
      priority: 3,
      enabled: false,
      path_preference: "lowest_cost",
      pinned_path_id: listPaths(t.db)[0]!.id,
      match_rules: {
        source_cidrs: ["10.0.0.0/8", "2001:db8::/32"],
        destination_cidrs: ["192.0.2.0/24"],
        source_ports: [{ from: 53, to: 53 }],
        destination_ports: [{ from: 1, to: 65535 }],
        protocols: [6, 17],
        dscp: [0, 46],
      },
    });
    const answer = await graphqlClient(t.db)<PolicyDetailQuery>(print(PolicyDetailDocument), {
      user: viewer,
      variables: { id: String(policy.policy_id) },
    });
    expect(answer.data?.policy).toMatchObject({ enabled: false, pinned_path_id: listPaths(t.db)[0]!.id });
    expect(await readFirstPolicy(t.db, { policy })).toEqual(answer.data);
  });

  it("shows the latest snapshot's counters, not the page held, when the collector takes the connection and never answers", async () => {
    // The control client would wait a minute here; the page waits LIVE_COUNTERS_WAIT_MS. Before, it
    // waited for the client's own timeout (2 s by default) before it sent a byte.
    const hung = createServer(() => undefined);
    await new Promise<void>((listening) => hung.listen(0, "127.0.0.1", listening));
    const collector = createCollectorClient({
      url: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
      secret: "review-secret-0123456789abcdef",
      timeoutMs: 60_000,
    });
    const [policy] = listPolicies(t.db);
    storePolicyStats(t.db, {
      at: Date.UTC(2026, 10, 1, 13),
      stats: [{ policy_id: policy!.policy_id, packets_matched: 4_321, bytes_matched: 6_000_000, active_flows: 2 }],
    });
    try {
      const snapshot = await readFirstPolicy(t.db, { policy: policy! });
      expect(snapshot?.policy?.packets_matched).toBe(4_321);
      expect(await readFirstPolicy(t.db, { policy: policy!, collector })).toEqual(snapshot);
    } finally {
      hung.closeAllConnections();
      hung.close();
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
