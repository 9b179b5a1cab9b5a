import { createPolicy } from "@patronus/core/policies";
import type { TestDb } from "@patronus/core/testing";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

const MINUTE = 60_000;
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
  // Minutes well inside the window, so the test reads the same whichever second the clock is at.
  const base = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
  storePolicyStats(t.db, {
    at: base + 10_000,
    stats: [{ policy_id: voice, packets_matched: 0, bytes_matched: 0, active_flows: 1 }],
  });
  storePolicyStats(t.db, {
    at: base + MINUTE + 10_000,
    stats: [{ policy_id: voice, packets_matched: 6000, bytes_matched: 0, active_flows: 1 }],
  });
});
afterAll(() => t.destroy());

const SPARKLINES = `query ($minutes: Int) { policy_sparklines(minutes: $minutes) { step_ms policies { policy_id packets_per_second } } }`;

interface Sparklines {
  policy_sparklines: { step_ms: number; policies: { policy_id: number; packets_per_second: (number | null)[] }[] };
}

describe("policy_sparklines", () => {
  it("gives a viewer one packet rate per minute for each policy", async () => {
    const result = await execute<Sparklines>(SPARKLINES, { user: viewer, variables: { minutes: 15 } });

    expect(result.errors).toBeUndefined();
    const { step_ms, policies } = result.data!.policy_sparklines;
    expect(step_ms).toBe(MINUTE);
    expect(policies.map((p) => p.policy_id)).toEqual([voice]);
    expect(policies[0]!.packets_per_second).toHaveLength(15);
    expect(policies[0]!.packets_per_second.filter((v) => v !== null)).toEqual([0, 100]);
  });

  it("refuses a window longer than an hour with the field named", async () => {
    const result = await execute<Sparklines>(SPARKLINES, { user: viewer, variables: { minutes: 90 } });

    expect(result.errors?.[0]?.message).toMatch(/minutes must be at most 60/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION" });
  });

  it("refuses an anonymous caller", async () => {
    const result = await execute<Sparklines>(SPARKLINES, { variables: { minutes: 15 } });

    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
