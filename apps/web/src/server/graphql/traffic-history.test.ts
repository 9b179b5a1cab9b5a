import { createPolicy } from "@patronus/core/policies";
import type { TestDb } from "@patronus/core/testing";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

const T0 = Date.UTC(2026, 0, 1);
let t: TestDb;
let viewer: User;
let voice: number;
let execute: ReturnType<typeof graphqlClient>;

beforeAll(() => {
  ({
    t,
    execute,
    users: { viewer },
  } = createWebTestFixture());
  voice = createPolicy(t.db, { name: "voice", priority: 900 }).policy_id;
  const bulk = createPolicy(t.db, { name: "bulk", priority: 100 }).policy_id;
  // Byte counters past 2^32: GraphQL's Int would refuse them.
  storePolicyStats(t.db, {
    at: T0,
    stats: [
      { policy_id: voice, packets_matched: 0, bytes_matched: 0, active_flows: 1 },
      { policy_id: bulk, packets_matched: 0, bytes_matched: 2 ** 33, active_flows: 3 },
    ],
  });
  storePolicyStats(t.db, {
    at: T0 + 60_000,
    stats: [
      { policy_id: voice, packets_matched: 6000, bytes_matched: 1_200_000, active_flows: 2 },
      { policy_id: bulk, packets_matched: 60_000, bytes_matched: 2 ** 33 + 6e9, active_flows: 4 },
    ],
  });
});
afterAll(() => t.destroy());

interface Point {
  at: number;
  packets_per_second: number;
  bytes_per_second: number;
  active_flows: number | null;
}
interface History {
  traffic_history: {
    step_ms: number;
    policy_id: number | null;
    points: Point[];
    by_policy?: { name: string; points: Point[] }[];
  };
}

const HISTORY = `query ($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {
  traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {
    step_ms policy_id points { at packets_per_second bytes_per_second active_flows } by_policy { name points { packets_per_second } }
  }
}`;

describe("traffic_history", () => {
  it("gives a signed-in viewer rates across every policy, and per policy, with counters past 2^31", async () => {
    const result = await execute<History>(HISTORY, {
      user: viewer,
      variables: { from: T0, to: T0 + 120_000, max_buckets: 2 },
    });

    expect(result.errors).toBeUndefined();
    const history = result.data!.traffic_history;
    expect(history).toMatchObject({ step_ms: 60_000, policy_id: null });
    expect(history.points[0]).toEqual({
      at: T0,
      packets_per_second: 1100,
      bytes_per_second: 100_020_000,
      active_flows: 6,
    });
    expect(history.by_policy!.map((p) => [p.name, p.points[0]!.packets_per_second])).toEqual([
      ["voice", 100],
      ["bulk", 1000],
    ]);
  });

  it("follows one policy", async () => {
    const result = await execute<History>(HISTORY, {
      user: viewer,
      variables: { from: T0, to: T0 + 120_000, policy_id: voice, max_buckets: 2 },
    });

    expect(result.data!.traffic_history.points[0]).toMatchObject({
      packets_per_second: 100,
      bytes_per_second: 20_000,
      active_flows: 2,
    });
    expect(result.data!.traffic_history.by_policy!.map((p) => p.name)).toEqual(["voice"]);
  });

  it("answers a range without snapshots with no points", async () => {
    const result = await execute<History>(HISTORY, {
      user: viewer,
      variables: { from: T0 + 3_600_000, to: T0 + 7_200_000 },
    });

    expect(result.data!.traffic_history.points).toEqual([]);
  });

  it("refuses bad input with VALIDATION naming the field, and an unknown policy with NOT_FOUND", async () => {
    const backwards = await execute(HISTORY, { user: viewer, variables: { from: T0, to: T0 - 1 } });
    expect(backwards.errors?.[0]).toMatchObject({
      message: "to: must be after from",
      extensions: { code: "VALIDATION", field: "to" },
    });

    const tooMany = await execute(HISTORY, {
      user: viewer,
      variables: { from: T0, to: T0 + 1000, max_buckets: 100_000 },
    });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: "maxBuckets: must be at most 1000",
      extensions: { code: "VALIDATION" },
    });

    const unknown = await execute(HISTORY, { user: viewer, variables: { from: T0, to: T0 + 1000, policy_id: 999 } });
    expect(unknown.errors?.[0]).toMatchObject({ message: "no policy with id 999", extensions: { code: "NOT_FOUND" } });
  });

  it("gives the top_policies policies with the most bytes, and the rest summed in other_policies", async () => {
    const result = await execute<{
      traffic_history: {
        points: { bytes: number }[];
        by_policy: { name: string; points: { bytes: number }[] }[];
        other_policies: { policies: number; points: { bytes: number }[] } | null;
      };
    }>(
      `query ($from: Float!, $to: Float!) {
        traffic_history(from: $from, to: $to, max_buckets: 2, top_policies: 1) {
          points { bytes } by_policy { name points { bytes } } other_policies { policies points { bytes } }
        }
      }`,
      { user: viewer, variables: { from: T0, to: T0 + 120_000 } },
    );

    expect(result.errors).toBeUndefined();
    const history = result.data!.traffic_history;
    expect(history.by_policy.map((p) => [p.name, p.points[0]!.bytes])).toEqual([["bulk", 6e9]]);
    expect(history.other_policies).toEqual({ policies: 1, points: [{ bytes: 1_200_000 }, { bytes: 0 }] });
    expect(history.points[0]!.bytes).toBe(6e9 + 1_200_000);
  });

  it("refuses more than 4,000 points of by_policy with VALIDATION, saying what to ask for", async () => {
    const result = await execute(
      `{ traffic_history(from: ${T0}, to: ${T0 + 120_000}, max_buckets: 1000, top_policies: 5) { by_policy { name } } }`,
      { user: viewer },
    );

    expect(result.errors?.[0]).toMatchObject({
      message:
        "topPolicies: times maxBuckets must be at most 4000 points, not 5 x 1000 = 5000: ask for fewer policies or fewer buckets (the others are summed in other_policies)",
      extensions: { code: "VALIDATION" },
    });
  });

  it("needs a signed-in user or a token", async () => {
    const result = await execute(HISTORY, { variables: { from: T0, to: T0 + 120_000 } });

    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(result.data).toBeNull();
  });
});
