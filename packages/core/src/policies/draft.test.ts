import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowKey } from "../traffic/match/flow-key";
import { PolicyMatcher } from "../traffic/match/policy-matcher";
import { createTestDb, type TestDb } from "../testing";
import { draftPolicies, type PolicyChange } from "./draft";
import { MAX_RULE_ENTRIES } from "./match-rules";
import { createPolicy, deletePolicy, listPolicies, reorderPolicies, setPolicyEnabled, updatePolicy } from "./policies";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
  createPolicy(t.db, { name: "voice", priority: 900, match_rules: { dscp: [46] } });
  createPolicy(t.db, { name: "web", priority: 500, match_rules: { destination_ports: [443] } });
  createPolicy(t.db, { name: "catch-all", priority: 0 });
});
afterEach(() => t.destroy());

const voiceOverHttps = flowKey({
  src: "10.0.0.1",
  dst: "10.0.0.2",
  srcPort: 5000,
  dstPort: 443,
  protocol: 17,
  dscp: 46,
});

/** What the live table would hold after saving `change`, with timestamps set aside. */
const shape = (policies: ReturnType<typeof listPolicies>) =>
  policies
    .map(({ created_at: _c, updated_at: _u, ...p }) => p)
    .sort((a, b) => b.priority - a.priority || a.policy_id - b.policy_id);

describe("draftPolicies", () => {
  const changes: [string, PolicyChange, () => void][] = [
    [
      "create",
      { kind: "create", input: { name: "dns", priority: 950, match_rules: { destination_ports: [53] } } },
      () => createPolicy(t.db, { name: "dns", priority: 950, match_rules: { destination_ports: [53] } }),
    ],
    [
      "update",
      { kind: "update", policyId: 1, patch: { match_rules: { dscp: [34] } } },
      () => updatePolicy(t.db, { policyId: 1, match_rules: { dscp: [34] } }),
    ],
    [
      "set_enabled",
      { kind: "set_enabled", policyId: 2, enabled: false },
      () => setPolicyEnabled(t.db, { policyId: 2, enabled: false }),
    ],
    ["delete", { kind: "delete", policyId: 1 }, () => deletePolicy(t.db, { policyId: 1 })],
    [
      "reorder",
      { kind: "reorder", priorities: [{ policy_id: 2, priority: 950 }] },
      () => reorderPolicies(t.db, { priorities: [{ policy_id: 2, priority: 950 }] }),
    ],
  ];

  for (const [kind, change, save] of changes) {
    it(`gives for a ${kind} the policies the save then writes, without writing`, () => {
      const draft = draftPolicies(listPolicies(t.db), change);
      const before = listPolicies(t.db);
      expect(draft).not.toEqual(before);
      save();
      expect(shape(draft)).toEqual(shape(listPolicies(t.db)));
    });
  }

  it("lets a draft matcher say which policy a flow would move to", () => {
    const live = listPolicies(t.db);
    const draft = draftPolicies(live, { kind: "set_enabled", policyId: 1, enabled: false });
    expect(new PolicyMatcher(live).match(voiceOverHttps)).toBe(1);
    expect(new PolicyMatcher(draft).match(voiceOverHttps)).toBe(2);
  });

  it("refuses a bad change with the error the save would give, naming the field", () => {
    const live = listPolicies(t.db);
    const tooMany = Array.from({ length: MAX_RULE_ENTRIES + 1 }, () => 443);
    const attempt = (change: PolicyChange) => {
      try {
        draftPolicies(live, change);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(attempt({ kind: "update", policyId: 2, patch: { match_rules: { dscp: [64] } } })).toMatchObject({
      field: "match_rules.dscp[0]",
    });
    expect(attempt({ kind: "create", input: { name: "web", priority: 1 } })).toMatchObject({
      code: "CONFLICT",
      field: "name",
    });
    expect(
      attempt({ kind: "update", policyId: 2, patch: { match_rules: { destination_ports: tooMany } } }),
    ).toMatchObject({
      field: "match_rules.destination_ports",
    });
    expect(attempt({ kind: "delete", policyId: 99 })).toMatchObject({ code: "NOT_FOUND" });
  });
});
