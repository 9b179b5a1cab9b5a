import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { failSuccessAuditOf, networkRows, thrown } from "../audit/inject-failure";
import { defaultMigrationsFolder, migrateDatabase } from "../db/migrate";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { EventBus, type DomainEvent } from "../events";
import { createPath } from "../sites";
import { createTestDb, insertSite, type TestDb } from "../testing";
import {
  countPolicyDependencies,
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  policiesVersion,
  reorderPolicies,
  setPolicyEnabled,
  updatePolicy,
} from "./policies";

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
    ).toBe("match_rules.destination_cidrs[1]");
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
    ).toBe("match_rules.source_cidrs[0]");
  });

  it("reject a reversed port range and an out-of-range port", () => {
    expect(
      validationField(() =>
        createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_ports: ["2000-1000"] } }),
      ),
    ).toBe("match_rules.source_ports[0]");
    expect(
      validationField(() => createPolicy(t.db, { name: "x", priority: 1, match_rules: { source_ports: [70000] } })),
    ).toBe("match_rules.source_ports[0]");
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
    createPolicy(t.db, { name: "kept", priority: 1 }, { now: () => 500 });
    const versions = [policiesVersion(t.db)];
    const policy = createPolicy(t.db, { name: "a", priority: 5 }, { now: () => 1000 });
    versions.push(policiesVersion(t.db));
    updatePolicy(t.db, { policyId: policy.policy_id, priority: 6 }, { now: () => 2000 });
    versions.push(policiesVersion(t.db));
    deletePolicy(t.db, { policyId: policy.policy_id });
    versions.push(policiesVersion(t.db));
    // Each step changes it; the last equals the first because the same policies are left.
    expect(versions.slice(1).map((v, i) => v !== versions[i])).toEqual([true, true, true]);
  });

  it("change their version on two edits within one millisecond, and under a clock stepped back", () => {
    const at = { now: () => 5000 };
    const a = createPolicy(t.db, { name: "a", priority: 5 }, at).policy_id;
    const b = createPolicy(t.db, { name: "b", priority: 4 }, at).policy_id;
    const versions = [policiesVersion(t.db)];
    updatePolicy(t.db, { policyId: a, match_rules: { protocols: [17] } }, at);
    versions.push(policiesVersion(t.db));
    updatePolicy(t.db, { policyId: b, match_rules: { protocols: [6] } }, at);
    versions.push(policiesVersion(t.db));
    updatePolicy(t.db, { policyId: b, match_rules: { protocols: [1] } }, { now: () => 10 });
    versions.push(policiesVersion(t.db));
    expect(new Set(versions).size).toBe(4);
  });
});

const admin = "admin@example.com";
const T = Date.UTC(2026, 2, 1);
const clock = { now: () => T };

function withEvents(): { events: EventBus; heard: DomainEvent[] } {
  const events = new EventBus();
  const heard: DomainEvent[] = [];
  events.subscribe((e) => heard.push(e));
  return { events, heard };
}

function statsRows(policyId: number, n: number): void {
  for (let i = 0; i < n; i++) {
    t.db.run(
      sql`INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows)
          VALUES (${policyId}, ${T + i * 60_000}, ${i}, ${i * 100}, 1)`,
    );
  }
}

describe("empty match-rule lists", () => {
  it("are stored as absent rules, which match anything", () => {
    const policy = createPolicy(t.db, {
      name: "any udp",
      priority: 1,
      match_rules: { protocols: [17], source_cidrs: [], destination_ports: [], dscp: [] },
    });
    expect(policy.match_rules).toEqual({ protocols: [17] });
    expect(getPolicy(t.db, { policyId: policy.policy_id })?.match_rules).toEqual({ protocols: [17] });
  });

  it("are dropped from rows an older release stored, by the migration", () => {
    const old = createTestDb({ migrate: false });
    try {
      migrateDatabase(old.db, migrationsBefore("0009_match_rules_empty_lists"));
      old.db.run(
        sql`INSERT INTO sdwan_policies (name, priority, match_rules, created_at, updated_at)
            VALUES ('old', 1, '{"protocols":[],"dscp":[46],"source_cidrs":[]}', 0, 0)`,
      );
      migrateDatabase(old.db);
      expect(listPolicies(old.db)[0]?.match_rules).toEqual({ dscp: [46] });
    } finally {
      old.destroy();
    }
  });
});

/** A copy of the migrations folder whose journal stops before the migration tagged `tag`. */
function migrationsBefore(tag: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), "patronus-migrations-")), "drizzle");
  cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("createPolicy", () => {
  it("writes a success audit row with the created fields and announces it after the commit", () => {
    const { events, heard } = withEvents();
    const policy = createPolicy(
      t.db,
      { name: "voice", priority: 900, match_rules: { dscp: [46] }, actor: admin },
      { events, ...clock },
    );

    const [row] = listAuditLog(t.db, { target: `policy:${policy.policy_id}` });
    expect(row).toMatchObject({ actor: admin, action: "policy.create", outcome: "success", at: T });
    expect(row?.details).toEqual({
      after: {
        name: "voice",
        description: "",
        priority: 900,
        match_rules: { dscp: [46] },
        path_preference: "lowest_latency",
        pinned_path_id: null,
        enabled: true,
      },
    });
    expect(heard).toEqual([
      {
        type: "policies_changed",
        policy_id: policy.policy_id,
        change: "created",
        actor: admin,
        audit_id: row?.id,
        at: T,
      },
    ]);
  });

  it("refuses a pinned path that does not exist, naming the field", () => {
    const error = thrown(() => createPolicy(t.db, { name: "x", priority: 1, pinned_path_id: 99 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("pinned_path_id");
  });

  it("names the field of a taken name", () => {
    createPolicy(t.db, { name: "web", priority: 1 });
    const error = thrown(() => createPolicy(t.db, { name: "web", priority: 2, actor: admin }));
    expect(error).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(listAuditLog(t.db)[0]).toMatchObject({ action: "policy.create", outcome: "failed", actor: admin });
  });

  it("leaves nothing behind and audits the failure when the transaction fails", () => {
    failSuccessAuditOf(t.db, "policy.create");
    const before = networkRows(t.db);
    const { events, heard } = withEvents();
    expect(() => createPolicy(t.db, { name: "web", priority: 1, actor: admin }, { events })).toThrow(
      /injected failure/,
    );
    expect(networkRows(t.db)).toEqual(before);
    expect(heard).toEqual([]);
    expect(listAuditLog(t.db)[0]).toMatchObject({
      action: "policy.create",
      outcome: "failed",
      details: { reason: "internal error (SqliteError)" },
    });
  });
});

describe("updatePolicy", () => {
  it("audits before and after of the changed fields only", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1, match_rules: { destination_ports: [443] } });
    updatePolicy(t.db, {
      policyId: policy.policy_id,
      priority: 7,
      match_rules: { destination_ports: [443, 80] },
      actor: admin,
    });
    expect(listAuditLog(t.db, { target: `policy:${policy.policy_id}` })[0]).toMatchObject({
      action: "policy.update",
      actor: admin,
      details: {
        before: { priority: 1, match_rules: { destination_ports: [{ from: 443, to: 443 }] } },
        after: {
          priority: 7,
          match_rules: {
            destination_ports: [
              { from: 443, to: 443 },
              { from: 80, to: 80 },
            ],
          },
        },
      },
    });
  });

  it("reports an unknown policy as not found and audits it so", () => {
    expect(() => updatePolicy(t.db, { policyId: 42, priority: 3, actor: admin })).toThrow(NotFoundError);
    expect(listAuditLog(t.db)[0]).toMatchObject({ action: "policy.update", target: "policy:42", outcome: "not_found" });
  });

  it("keeps the stored policy when the transaction fails", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1 });
    failSuccessAuditOf(t.db, "policy.update");
    const before = networkRows(t.db);
    expect(() => updatePolicy(t.db, { policyId: policy.policy_id, name: "renamed" })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });
});

describe("setPolicyEnabled", () => {
  it("disables a policy, keeping its rules and history, and audits it as policy.disable", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1, match_rules: { protocols: [6] } });
    statsRows(policy.policy_id, 3);
    const after = setPolicyEnabled(t.db, { policyId: policy.policy_id, enabled: false, actor: admin });
    expect(after).toMatchObject({ enabled: false, match_rules: { protocols: [6] } });
    expect(countPolicyDependencies(t.db, { policyId: policy.policy_id }).stats_rows).toBe(3);
    expect(listAuditLog(t.db)[0]).toMatchObject({
      action: "policy.disable",
      details: { before: { enabled: true }, after: { enabled: false } },
    });
  });

  it("rolls back when the transaction fails", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1 });
    failSuccessAuditOf(t.db, "policy.enable");
    setPolicyEnabled(t.db, { policyId: policy.policy_id, enabled: false });
    const before = networkRows(t.db);
    expect(() => setPolicyEnabled(t.db, { policyId: policy.policy_id, enabled: true })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });
});

describe("deletePolicy", () => {
  it("counts its history rows first, then removes exactly those with the policy", () => {
    const doomed = createPolicy(t.db, { name: "doomed", priority: 1 }).policy_id;
    const kept = createPolicy(t.db, { name: "kept", priority: 2 }).policy_id;
    statsRows(doomed, 5);
    statsRows(kept, 2);

    expect(countPolicyDependencies(t.db, { policyId: doomed })).toEqual({
      policy_id: doomed,
      name: "doomed",
      stats_rows: 5,
      stats_since: T,
    });
    const result = deletePolicy(t.db, { policyId: doomed, actor: admin });

    expect(result).toMatchObject({ stats_rows: 5, name: "doomed" });
    expect(t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sdwan_policy_stats`)?.n).toBe(2);
    expect(listAuditLog(t.db)[0]).toMatchObject({
      action: "policy.delete",
      target: `policy:${doomed}`,
      details: { removed: { stats_rows: 5 }, before: { name: "doomed" } },
    });
  });

  it("keeps the policy and its history when the transaction fails", () => {
    const policy = createPolicy(t.db, { name: "web", priority: 1 });
    statsRows(policy.policy_id, 4);
    failSuccessAuditOf(t.db, "policy.delete");
    const before = networkRows(t.db);
    expect(() => deletePolicy(t.db, { policyId: policy.policy_id })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });

  it("refuses an id that is not a positive integer, naming the field", () => {
    expect(thrown(() => deletePolicy(t.db, { policyId: -3 }))).toMatchObject({
      code: "VALIDATION",
      field: "policy_id",
    });
  });
});

describe("reorderPolicies", () => {
  it("sets several priorities in one transaction and one audit row of those that moved", () => {
    const [a, b, c] = ["a", "b", "c"].map((name, i) => createPolicy(t.db, { name, priority: 10 + i }).policy_id) as [
      number,
      number,
      number,
    ];
    const { events, heard } = withEvents();
    const order = reorderPolicies(
      t.db,
      {
        priorities: [
          { policy_id: a, priority: 30 },
          { policy_id: b, priority: 11 },
          { policy_id: c, priority: 5 },
        ],
        actor: admin,
      },
      { events },
    );
    expect(order.map((p) => p.name)).toEqual(["a", "b", "c"]);
    const [row] = listAuditLog(t.db);
    expect(row).toMatchObject({
      action: "policy.reorder",
      details: { before: { [a]: 10, [c]: 12 }, after: { [a]: 30, [c]: 5 } },
    });
    expect(heard.map((e) => (e.type === "policies_changed" ? e.policy_id : 0))).toEqual([a, c]);
  });

  it("names the entry of a bad priority, a repeated policy and an unknown one, changing nothing", () => {
    const a = createPolicy(t.db, { name: "a", priority: 1 }).policy_id;
    const before = networkRows(t.db);
    const reorder = (priorities: { policy_id: number; priority: number }[]) =>
      thrown(() => reorderPolicies(t.db, { priorities }));
    expect(
      reorder([
        { policy_id: a, priority: 5 },
        { policy_id: a, priority: 1001 },
      ]),
    ).toMatchObject({
      field: "priorities[1].priority",
    });
    expect(
      reorder([
        { policy_id: a, priority: 5 },
        { policy_id: a, priority: 6 },
      ]),
    ).toMatchObject({
      field: "priorities[1].policy_id",
    });
    expect(
      reorder([
        { policy_id: a, priority: 5 },
        { policy_id: 77, priority: 6 },
      ]),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "priorities[1].policy_id",
    });
    expect(networkRows(t.db)).toEqual(before);
  });

  it("rolls every priority back when the transaction fails", () => {
    const a = createPolicy(t.db, { name: "a", priority: 1 }).policy_id;
    const b = createPolicy(t.db, { name: "b", priority: 2 }).policy_id;
    failSuccessAuditOf(t.db, "policy.reorder");
    const before = networkRows(t.db);
    expect(() =>
      reorderPolicies(t.db, {
        priorities: [
          { policy_id: a, priority: 9 },
          { policy_id: b, priority: 8 },
        ],
      }),
    ).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });
});

describe("pinned paths", () => {
  it("accept a path that exists", () => {
    const s1 = insertSite(t.db, 1, 1);
    const s2 = insertSite(t.db, 2, 1);
    const path = createPath(t.db, {
      source_endpoint_id: s1.endpointIds[0]!,
      destination_endpoint_id: s2.endpointIds[0]!,
    });
    expect(createPolicy(t.db, { name: "pinned", priority: 1, pinned_path_id: path.id }).pinned_path_id).toBe(path.id);
  });
});
