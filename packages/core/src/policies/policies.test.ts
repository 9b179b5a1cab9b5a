import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors";
import { createTestDb, type TestDb } from "../testing";
import { createPolicy, deletePolicy, listPolicies, policiesVersion, updatePolicy } from "./policies";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

function validationField(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("routing policies", () => {
  it("store match rules with port ranges normalised to { from, to }", () => {
    const policy = createPolicy(t.db, {
      name: "sip",
      priority: 900,
      match_rules: { destination_ports: [5060, "10000-20000"], dscp: [46], source_cidrs: ["10.0.0.0/8", "fd00::/8"] },
    });
    expect(policy.match_rules).toEqual({
      destination_ports: [
        { from: 5060, to: 5060 },
        { from: 10000, to: 20000 },
      ],
      dscp: [46],
      source_cidrs: ["10.0.0.0/8", "fd00::/8"],
    });
  });

  it("reject a bad CIDR with an error naming the field and the entry", () => {
    expect(
      validationField(() =>
        createPolicy(t.db, {
          name: "x",
          priority: 1,
          match_rules: { destination_cidrs: ["10.0.0.0/8", "10.0.0.300/24"] },
        }),
      ),
    ).toBe("match_rules.destination_cidrs.1");
  });

  it("reject a CIDR with host bits set, saying so", () => {
    expect(() => createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_cidrs: ["10.1.2.3/8"] } })).toThrow(
      /host bits set/,
    );
  });

  it("reject a CIDR whose address carries an 80 KB zone id, naming the entry", () => {
    const cidr = `fe80::%${"1".repeat(80_000)}/64`;
    expect(
      validationField(() => createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_cidrs: [cidr] } })),
    ).toBe("match_rules.source_cidrs.0");
  });

  it("reject a reversed port range and an out-of-range port", () => {
    expect(
      validationField(() =>
        createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_ports: ["2000-1000"] } }),
      ),
    ).toBe("match_rules.source_ports.0");
    expect(
      validationField(() => createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_ports: [70000] } })),
    ).toBe("match_rules.source_ports.0");
  });

  it("reject a priority outside 0-1000 and an unknown rule", () => {
    expect(validationField(() => createPolicy(t.db, { name: "x", priority: 1001 }))).toBe("priority");
    expect(() => createPolicy(t.db, { name: "x", priority: 1, match_rules: { vlan: [5] } as never })).toThrow(
      ValidationError,
    );
  });

  it("refuse a second policy with the same name", () => {
    createPolicy(t.db, { name: "web", priority: 1 });
    expect(() => createPolicy(t.db, { name: "web", priority: 2 })).toThrow(ConflictError);
  });

  it("validate edits the same way and keep the stored policy on a bad edit", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1, match_rules: { destination_ports: [443] } });
    expect(() => updatePolicy(t.db, { policyId: policy.policy_id, match_rules: { dscp: [64] } })).toThrow(
      ValidationError,
    );
    expect(listPolicies(t.db)[0]?.match_rules).toEqual({ destination_ports: [{ from: 443, to: 443 }] });
  });

  it("list highest priority first, ties by lower id", () => {
    createPolicy(t.db, { name: "b", priority: 5 });
    createPolicy(t.db, { name: "a", priority: 5 });
    createPolicy(t.db, { name: "c", priority: 9 });
    expect(listPolicies(t.db).map((p) => p.name)).toEqual(["c", "b", "a"]);
  });

  it("change their version on create, edit and delete", () => {
    createPolicy(t.db, { name: "kept", priority: 1 }, 500);
    const versions = [policiesVersion(t.db)];
    const policy = createPolicy(t.db, { name: "a", priority: 5 }, 1000);
    versions.push(policiesVersion(t.db));
    updatePolicy(t.db, { policyId: policy.policy_id, priority: 6 }, 2000);
    versions.push(policiesVersion(t.db));
    deletePolicy(t.db, { policyId: policy.policy_id });
    versions.push(policiesVersion(t.db));
    // Each step changes it; the last equals the first because the same policies are left.
    expect(versions.slice(1).map((v, i) => v !== versions[i])).toEqual([true, true, true]);
  });
});
