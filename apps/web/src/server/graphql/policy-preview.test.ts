import { createServer } from "node:net";
import { listAuditLog } from "@patronus/core/audit";
import { createPolicy } from "@patronus/core/policies";
import type { TestDb } from "@patronus/core/testing";
import { TrafficStatsCollector, writeSnapshot } from "@patronus/core/traffic/engine";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { flowKey, PolicyMatcher, type FlowKeyInput } from "@patronus/core/traffic/match";
import type { User, UserRole } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestCollector } from "./test-collector";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

// The preview, live flows and reset fields against a real engine holding real flows, reached over real
// HTTP through the control client: what the web adds is the draft, the names, the guard and the errors.
const T0 = Date.UTC(2026, 10, 1);

let t: TestDb;
let users: Record<UserRole, User>;
let execute: ReturnType<typeof graphqlClient>;
let engine: TrafficStatsCollector;
let collector: Awaited<ReturnType<typeof startTestCollector>>;
let clock: number;
let catchAllId: number;
let webId: number;

function flow(i: number, extra: Partial<FlowKeyInput> = {}, packets = 10, bytes = 8_000) {
  const r = flowKey({ src: `10.0.0.${i}`, dst: "192.0.2.1", srcPort: 40000 + i, dstPort: 443, protocol: 6, ...extra });
  r.packets = packets;
  r.bytes = bytes;
  return r;
}

beforeEach(async () => {
  const fixture = createWebTestFixture();
  ({ t, users } = fixture);
  catchAllId = createPolicy(t.db, { name: "catch-all", priority: 0 }).policy_id;
  webId = createPolicy(t.db, {
    name: "web",
    priority: 10,
    match_rules: { destination_ports: [443] },
    enabled: false,
  }).policy_id;
  clock = T0;
  engine = new TrafficStatsCollector({
    now: () => clock,
    matcher: new PolicyMatcher([{ policy_id: catchAllId, priority: 0, enabled: true, match_rules: {} }]),
  });
  // Three HTTPS flows of 10 packets over 2 s, and one SSH flow: all under the catch-all now.
  for (let i = 1; i <= 3; i++) {
    engine.ingest(flow(i, {}, 4, 3_000), T0);
    engine.ingest(flow(i, {}, 6, 5_000 * i), T0 + 2_000);
  }
  engine.ingest(flow(9, { dstPort: 22 }), T0);
  collector = await startTestCollector(engine);
  execute = graphqlClient(t.db, { collector: collector.client });
});
afterEach(async () => {
  await collector.close();
  t.destroy();
});

const PREVIEW = `query ($change: PolicyChangeInput!) {
  policy_change_preview(change: $change) {
    flows_considered flows_moved packets_per_second_moved bits_per_second_moved packets_per_second_total
    moves { from_policy_id from_policy_name to_policy_id to_policy_name flows packets_per_second bits_per_second }
    top_flows { source destination source_port destination_port protocol dscp from_policy_id to_policy_id bits_per_second }
  }
}`;

interface Preview {
  policy_change_preview: {
    flows_moved: number;
    moves: { from_policy_name: string | null; to_policy_name: string | null; to_policy_id: string | null }[];
    top_flows: { source: string }[];
  };
}

describe("policy_change_preview", () => {
  it("shows an operator the live flows enabling a policy would move, named, with their rates, and moves no counter", async () => {
    const before = engine.getAllPolicyStats();

    const result = await execute(PREVIEW, {
      user: users.operator,
      variables: { change: { kind: "set_enabled", policy_id: String(webId), enabled: true } },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      policy_change_preview: {
        flows_considered: 4,
        flows_moved: 3,
        packets_per_second_moved: 15,
        bits_per_second_moved: ((3 * 3_000 + 5_000 * 6) * 8) / 2,
        packets_per_second_total: 15 + 10,
        moves: [
          {
            from_policy_id: String(catchAllId),
            from_policy_name: "catch-all",
            to_policy_id: String(webId),
            to_policy_name: "web",
            flows: 3,
            packets_per_second: 15,
            bits_per_second: ((3 * 3_000 + 5_000 * 6) * 8) / 2,
          },
        ],
        top_flows: [3, 2, 1].map((i) => ({
          source: `10.0.0.${i}`,
          destination: "192.0.2.1",
          source_port: 40000 + i,
          destination_port: 443,
          protocol: 6,
          dscp: 0,
          from_policy_id: String(catchAllId),
          to_policy_id: String(webId),
          bits_per_second: ((3_000 + 5_000 * i) * 8) / 2,
        })),
      },
    });
    expect(engine.getAllPolicyStats()).toEqual(before);
  });

  it("names a policy that only the draft creates, and shows deleting the catch-all as flows falling to unmatched", async () => {
    const created = await execute<Preview>(PREVIEW, {
      user: users.admin,
      variables: {
        change: { kind: "create", input: { name: "ssh", priority: 50, match_rules: { destination_ports: ["22"] } } },
      },
    });
    const deleted = await execute<Preview>(PREVIEW, {
      user: users.operator,
      variables: { change: { kind: "delete", policy_id: String(catchAllId) } },
    });

    expect(created.data?.policy_change_preview.moves).toMatchObject([
      { from_policy_name: "catch-all", to_policy_name: "ssh" },
    ]);
    expect(deleted.data?.policy_change_preview.moves).toMatchObject([
      { from_policy_name: "catch-all", to_policy_id: null, to_policy_name: null },
    ]);
    expect(deleted.data?.policy_change_preview.flows_moved).toBe(4);
  });

  it("refuses a viewer, audits the refusal, and does not ask the collector", async () => {
    const result = await execute(PREVIEW, {
      user: users.viewer,
      variables: { change: { kind: "delete", policy_id: String(catchAllId) } },
    });

    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: users.viewer.email,
      action: "policy.preview",
      outcome: "denied",
    });
    expect(collector.previews()).toBe(0);
  });

  it("answers an invalid draft with the save's validation error naming the field, without asking the collector", async () => {
    const result = await execute(PREVIEW, {
      user: users.operator,
      variables: {
        change: {
          kind: "update",
          policy_id: String(webId),
          patch: { match_rules: { source_cidrs: ["10.0.0.0/8", "10.0.0.1/8"] } },
        },
      },
    });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "match_rules.source_cidrs[1]" });
    expect(collector.previews()).toBe(0);
  });

  it("refuses a draft of more than 1,000 policies, the collector's cap, without asking it", async () => {
    for (let i = 0; i < 999; i++) createPolicy(t.db, { name: `bulk ${i}`, priority: 1 });

    const result = await execute(PREVIEW, {
      user: users.operator,
      variables: { change: { kind: "create", input: { name: "one too many", priority: 5 } } },
    });

    expect(result.errors?.[0]).toMatchObject({
      message: "a preview covers at most 1000 policies; with this change there would be 1002",
      extensions: { code: "VALIDATION", field: "change" },
    });
    expect(collector.previews()).toBe(0);
  });

  it("says a change's missing field by name", async () => {
    const result = await execute(PREVIEW, { user: users.operator, variables: { change: { kind: "update" } } });

    expect(result.errors?.[0]).toMatchObject({
      message: "change.policy_id is required for a update change",
      extensions: { code: "VALIDATION", field: "change.policy_id" },
    });
  });

  it("says the collector is unavailable when nothing answers on its port, or none is configured", async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const { port } = dead.address() as { port: number };
    await new Promise((resolve) => dead.close(resolve));
    const down = graphqlClient(t.db, {
      collector: createCollectorClient({ url: `http://127.0.0.1:${port}`, secret: "x".repeat(24) }),
    });
    const variables = { change: { kind: "delete", policy_id: String(catchAllId) } };

    const results = [
      await down(PREVIEW, { user: users.operator, variables }),
      await graphqlClient(t.db)(PREVIEW, { user: users.operator, variables }),
    ];

    for (const result of results) {
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^The collector is unavailable, so previewing the change is not possible now/),
        extensions: { code: "COLLECTOR_UNAVAILABLE" },
      });
    }
  });
});

describe("policy_top_flows", () => {
  it("lists a policy's busiest live flows to any viewer, the most bytes first, with their rates", async () => {
    const result = await execute(
      `{ policy_top_flows(policy_id: "${catchAllId}", limit: 2) { source destination_port packets bytes packets_per_second bits_per_second } }`,
      { user: users.viewer },
    );

    expect(result.data).toEqual({
      policy_top_flows: [
        {
          source: "10.0.0.3",
          destination_port: 443,
          packets: 10,
          bytes: 18_000,
          packets_per_second: 5,
          bits_per_second: 72_000,
        },
        {
          source: "10.0.0.2",
          destination_port: 443,
          packets: 10,
          bytes: 13_000,
          packets_per_second: 5,
          bits_per_second: 52_000,
        },
      ],
    });
  });

  it("refuses a limit outside 1-100 naming it", async () => {
    const result = await execute(`{ policy_top_flows(policy_id: "${catchAllId}", limit: 101) { source } }`, {
      user: users.viewer,
    });

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "limit" });
  });
});

describe("resetPolicyCounters", () => {
  const RESET = (id: number) =>
    `mutation { resetPolicyCounters(policy_id: "${id}") { policy_id reset packets_before bytes_before audit_id } }`;

  it("zeroes the policy's live counters for an operator and audits the counts it had", async () => {
    const result = await execute<{ resetPolicyCounters: { audit_id: number } }>(RESET(catchAllId), {
      user: users.operator,
    });

    expect(result.data?.resetPolicyCounters).toMatchObject({
      policy_id: String(catchAllId),
      reset: true,
      packets_before: 40,
      bytes_before: 3 * 3_000 + 5_000 * 6 + 8_000,
    });
    expect(engine.getPolicyStats(catchAllId)).toMatchObject({ packets_matched: 0, bytes_matched: 0, active_flows: 4 });
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      id: result.data?.resetPolicyCounters.audit_id,
      actor: users.operator.email,
      action: "policy.reset_counters",
      target: `policy:${catchAllId}`,
      outcome: "success",
      details: { reset: true, packets_before: 40, bytes_before: 47_000 },
    });
  });

  it("says a policy that does not exist is not found, and resets nothing", async () => {
    const result = await execute(RESET(999), { user: users.operator });

    expect(result.errors?.[0]).toMatchObject({
      message: "policy 999 does not exist",
      extensions: { code: "NOT_FOUND", field: "policy_id" },
    });
    expect(engine.getPolicyStats(catchAllId)).toMatchObject({ packets_matched: 40 });
  });

  it("refuses a viewer, audits the refusal, and leaves the counters alone", async () => {
    const result = await execute(RESET(catchAllId), { user: users.viewer });

    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({ action: "policy.reset_counters", outcome: "denied" });
    expect(engine.getPolicyStats(catchAllId)).toMatchObject({ packets_matched: 40 });
  });

  it("leaves the history reading the reset as a counter reset: only the traffic after it, never negative", async () => {
    let cursor = writeSnapshot(t.db, engine, { at: T0 + 10_000, cursor: 0 }).cursor;
    clock = T0 + 15_000;
    engine.ingest(flow(1, {}, 50, 50_000), clock);
    cursor = writeSnapshot(t.db, engine, { at: T0 + 20_000, cursor }).cursor;
    await execute(RESET(catchAllId), { user: users.operator });
    clock = T0 + 25_000;
    engine.ingest(flow(1, {}, 20, 20_000), clock);
    writeSnapshot(t.db, engine, { at: T0 + 30_000, cursor });

    const result = await execute<{ traffic_history: { points: { packets: number; bytes: number }[] } }>(
      `{ traffic_history(from: ${T0 + 10_000}, to: ${T0 + 30_000}, policy_id: ${catchAllId}) { points { packets bytes } } }`,
      { user: users.viewer },
    );

    const points = result.data?.traffic_history.points ?? [];
    expect(points.filter((p) => p.packets < 0 || p.bytes < 0)).toEqual([]);
    expect(points.reduce((sum, p) => sum + p.packets, 0)).toBe(50 + 20);
  });
});
