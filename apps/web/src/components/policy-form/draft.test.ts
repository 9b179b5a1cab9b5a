import { describe, expect, it } from "vitest";
import {
  draftChange,
  draftFromPolicy,
  draftProblems,
  draftToInput,
  emptyDraft,
  inputKeyFor,
  type PolicyDraft,
  type SavedPolicy,
} from "./draft";

const draft = (over: Partial<PolicyDraft> = {}): PolicyDraft => ({ ...emptyDraft(), name: "Voice", ...over });

const saved: SavedPolicy = {
  id: "7",
  name: "Voice",
  description: "",
  priority: 900,
  enabled: true,
  path_preference: "lowest_latency",
  pinned_path_id: null,
  rules: {
    source_cidrs: ["10.0.0.0/8"],
    destination_cidrs: [],
    source_ports: [],
    destination_ports: ["5060", "10000-20000"],
    protocols: [17, 115],
    dscp: [46, 5],
  },
};

describe("the policy draft", () => {
  it("sends every rule list, empty ones included, so an untouched rule is saved as 'any'", () => {
    expect(draftToInput(draft()).match_rules).toEqual({
      source_cidrs: [],
      destination_cidrs: [],
      source_ports: [],
      destination_ports: [],
      protocols: [],
      dscp: [],
    });
  });

  it("refuses a CIDR row left blank instead of saving it as 'any'", () => {
    const problems = draftProblems(draft({ source_cidrs: ["10.0.0.0/8", "  "] }));
    expect([...problems.keys()]).toEqual(["match_rules.source_cidrs[1]"]);
    expect(problems.get("match_rules.source_cidrs[1]")).toMatch(/^empty/);
  });

  it("puts core's CIDR message on the row that holds the bad block", () => {
    const problems = draftProblems(draft({ destination_cidrs: ["192.0.2.0/24", "10.1.2.3/8"] }));
    expect(problems.get("match_rules.destination_cidrs[1]")).toBe('"10.1.2.3/8" has host bits set beyond /8');
  });

  it("puts a port past 65535 on its row", () => {
    const problems = draftProblems(draft({ source_ports: ["443", "70000"] }));
    expect([...problems.keys()]).toEqual(["match_rules.source_ports[1]"]);
  });

  it("refuses IPv4 sources with IPv6 destinations, which would match no flow", () => {
    const problems = draftProblems(draft({ source_cidrs: ["10.0.0.0/8"], destination_cidrs: ["2001:db8::/32"] }));
    expect(problems.get("match_rules.destination_cidrs[0]")).toMatch(/match nothing/);
  });

  it("merges ticked protocols with typed numbers, sorted and once each", () => {
    expect(draftToInput(draft({ protocols: [17, 6], other_protocols: "115, 6 47" })).match_rules?.protocols).toEqual([
      6, 17, 47, 115,
    ]);
  });

  it("refuses a typed protocol that is not a number 0-255 on the protocol picker", () => {
    expect(draftProblems(draft({ other_protocols: "tcp" })).get("match_rules.protocols")).toMatch(/0-255/);
    expect(draftProblems(draft({ other_protocols: "300" })).get("match_rules.protocols")).toMatch(/0 to 255/);
    expect(draftProblems(draft({ other_dscp: "64" })).get("match_rules.dscp")).toMatch(/0 to 63/);
  });

  it("lists problems in the order the form shows the fields, so the first is the one to focus", () => {
    const problems = draftProblems(
      draft({ name: " ", priority: "1001", destination_ports: ["x"], source_cidrs: ["y"] }),
    );
    expect([...problems.keys()]).toEqual([
      "name",
      "priority",
      "match_rules.source_cidrs[0]",
      "match_rules.destination_ports[0]",
    ]);
  });

  it("reads a saved policy back with named protocols and DSCP ticked and the rest typed", () => {
    const back = draftFromPolicy(saved);
    expect(back).toMatchObject({ protocols: [17], other_protocols: "115", dscp: [46], other_dscp: "5" });
    expect(draftToInput(back).match_rules).toEqual({ ...saved.rules, protocols: [17, 115], dscp: [5, 46] });
  });
});

describe("where an API error goes", () => {
  it("lands on the input its field path names", () => {
    expect(inputKeyFor(draft({ source_cidrs: ["a", "b"] }), "match_rules.source_cidrs[1]")).toBe(
      "match_rules.source_cidrs[1]",
    );
  });

  it("falls back to the list's picker for an entry the form has no input of its own for", () => {
    expect(inputKeyFor(draft(), "match_rules.protocols[2]")).toBe("match_rules.protocols");
  });

  it("finds no input for a field the form does not show", () => {
    expect(inputKeyFor(draft(), "policy_id")).toBeUndefined();
  });
});

describe("the change a preview is asked about", () => {
  const before = draftFromPolicy(saved);

  it("is a create for a new policy", () => {
    expect(draftChange(draft())).toMatchObject({ kind: "create", input: { name: "Voice" } });
  });

  it("is null while the draft is invalid", () => {
    expect(draftChange(draft({ name: "" }))).toBeNull();
  });

  it("is null for an edit that changes nothing", () => {
    expect(draftChange(before, { policyId: "7", draft: before })).toBeNull();
  });

  it("is set_enabled when only the enabled box changed", () => {
    expect(draftChange({ ...before, enabled: false }, { policyId: "7", draft: before })).toEqual({
      kind: "set_enabled",
      policy_id: "7",
      enabled: false,
    });
  });

  it("is an update carrying only the changed fields, the rules whole", () => {
    const edited = { ...before, priority: "950", source_cidrs: [] };
    expect(draftChange(edited, { policyId: "7", draft: before })).toEqual({
      kind: "update",
      policy_id: "7",
      patch: { priority: 950, match_rules: { ...saved.rules, source_cidrs: [], protocols: [17, 115], dscp: [5, 46] } },
    });
  });
});
