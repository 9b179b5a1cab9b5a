import { demoPolicies } from "@patronus/core/seed";
import { flowKey, PolicyMatcher } from "@patronus/core/traffic";
import { matchRulesSchema } from "@patronus/core/policies";
import { describe, expect, it } from "vitest";
import { demoFlows, demoFlows6 } from "./demo-traffic";

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
