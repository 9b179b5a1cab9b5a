import { createPolicy, deletePolicy } from "@patronus/core/policies";
import type { User } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebTestFixture, type WebTestFixture } from "./test-fixture";

let t: WebTestFixture["t"];
let viewer: User;
let execute: WebTestFixture["execute"];
let catchAll: number;

beforeEach(() => {
  const fixture = createWebTestFixture();
  ({ t, execute } = fixture);
  viewer = fixture.users.viewer;
  const policy = (name: string, priority: number, match_rules: object, enabled = true) =>
    createPolicy(t.db, { name, priority, match_rules, enabled, actor: "admin@example.com" });
  policy("Voice", 900, { protocols: [17], dscp: [46] });
  policy("Branch web", 800, { source_cidrs: ["10.8.0.0/16"], destination_ports: ["443"] });
  policy("Off", 990, {}, false);
  catchAll = policy("Catch-all", 0, {}).policy_id;
});
afterEach(() => t.destroy());

const FLOW_POLICY = `query ($flow: FlowInput!) {
  flow_policy(flow: $flow) {
    policy { name priority }
    reason
    passed_over { name priority failed_rule }
    passed_over_more
  }
}`;

type Answer = {
  flow_policy: {
    policy: { name: string; priority: number } | null;
    reason: string;
    passed_over: { name: string; priority: number; failed_rule: string }[];
    passed_over_more: number;
  };
};

const web = { source: "10.9.1.1", destination: "192.0.2.10", source_port: 50000, destination_port: 443, protocol: 6 };

async function ask(flow: object) {
  const result = await execute<Answer>(FLOW_POLICY, { user: viewer, variables: { flow } });
  expect(result.errors).toBeUndefined();
  return result.data!.flow_policy;
}

describe("flow_policy", () => {
  it("names the policy the collector's matcher counts the flow under", async () => {
    expect((await ask({ ...web, source: "10.8.1.1" })).policy).toEqual({ name: "Branch web", priority: 800 });
  });

  it("says which rule made each higher enabled policy pass the flow over, highest first", async () => {
    const answer = await ask(web);
    expect(answer.policy?.name).toBe("Catch-all");
    expect(answer.passed_over).toEqual([
      { name: "Voice", priority: 900, failed_rule: "protocols" },
      { name: "Branch web", priority: 800, failed_rule: "source_cidrs" },
    ]);
    expect(answer.passed_over_more).toBe(0);
    expect(answer.reason).toMatch(/Catch-all/);
  });

  it("answers no policy when none matches, with every enabled policy passed over", async () => {
    deletePolicy(t.db, { policyId: catchAll });
    const answer = await ask(web);
    expect(answer.policy).toBeNull();
    expect(answer.reason).toMatch(/no enabled policy/);
    expect(answer.passed_over.map((p) => p.name)).toEqual(["Voice", "Branch web"]);
  });

  it("refuses a flow whose addresses are not of one family, naming the field", async () => {
    const result = await execute(FLOW_POLICY, {
      user: viewer,
      variables: { flow: { ...web, destination: "2001:db8::1" } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "destination" });
  });
});
