import { listAuditLog } from "@patronus/core/audit";
import { domainEvents, type DomainEvent } from "@patronus/core/events";
import { listPolicies } from "@patronus/core/policies";
import { listPaths } from "@patronus/core/sites";
import type { User } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebTestFixture, type WebTestFixture } from "./test-fixture";

let t: WebTestFixture["t"];
let admin: User;
let operator: User;
let execute: WebTestFixture["execute"];

beforeEach(() => {
  const fixture = createWebTestFixture();
  ({ t, execute } = fixture);
  ({ admin, operator } = fixture.users);
});
afterEach(() => t.destroy());

type Data = Record<string, Record<string, unknown>>;

/** Runs `query` and returns its data, failing the test with the errors when there are any. */
async function ok(query: string, user: User, variables?: Record<string, unknown>): Promise<Data> {
  const result = await execute<Data>(query, { user, variables });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Runs `query` and returns the one error's extensions. */
async function refused(query: string, user: User, variables?: Record<string, unknown>) {
  const result = await execute<Data>(query, { user, variables });
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!.extensions;
}

/** Two sites with an endpoint each, the admin making the sites and the operator the endpoints. */
async function twoSites() {
  const site = async (name: string) =>
    (await ok(`mutation ($name: String!) { createSite(input: { name: $name }) { id } }`, admin, { name })).createSite!
      .id as string;
  const endpoint = async (siteId: string, address: string) =>
    (
      await ok(
        `mutation ($site: ID!, $address: String!) {
          createEndpoint(input: { site_id: $site, address: $address, port: 4500, interface_kind: "fiber" }) { id }
        }`,
        operator,
        { site: siteId, address },
      )
    ).createEndpoint!.id as string;
  const a = await site("HQ");
  const b = await site("Branch");
  return { a, b, ea: await endpoint(a, "198.51.100.1"), eb: await endpoint(b, "2001:db8::1") };
}

const CREATE_POLICY = `mutation ($input: PolicyInput!) {
  createPolicy(input: $input) { id name priority enabled match_rules pinned_path_id }
}`;

describe("building a network over GraphQL", () => {
  it("creates sites, endpoints and a path with its reverse, each audited under its caller", async () => {
    const { a, ea, eb } = await twoSites();
    const created = await ok(
      `mutation ($s: ID!, $d: ID!) {
        createPath(input: { source_endpoint_id: $s, destination_endpoint_id: $d, create_reverse: true }) {
          path { id source_site_id status } reverse { id source_endpoint_id }
        }
      }`,
      operator,
      { s: ea, d: eb },
    );
    expect(created.createPath).toMatchObject({
      path: { source_site_id: a, status: "up" },
      reverse: { source_endpoint_id: 2 },
    });
    expect(listPaths(t.db)).toHaveLength(2);
    expect(listAuditLog(t.db).map((r) => [r.actor, r.action])).toEqual([
      ["operator@example.com", "path.create"],
      ["operator@example.com", "endpoint.create"],
      ["operator@example.com", "endpoint.create"],
      ["admin@example.com", "site.create"],
      ["admin@example.com", "site.create"],
    ]);
    const site = await ok(`query ($id: ID!) { site(id: $id) { endpoints { address interface_kind } } }`, operator, {
      id: a,
    });
    expect(site.site).toEqual({ endpoints: [{ address: "198.51.100.1", interface_kind: "fiber" }] });
  });

  it("edits a site, an endpoint and a path's status", async () => {
    const { a, ea, eb } = await twoSites();
    const path = (
      await ok(
        `mutation { createPath(input: { source_endpoint_id: "${ea}", destination_endpoint_id: "${eb}" }) { path { id } } }`,
        operator,
      )
    ).createPath!.path as { id: string };
    const data = await ok(
      `mutation ($site: ID!, $endpoint: ID!, $path: ID!) {
        updateSite(site_id: $site, input: { status: maintenance }) { status name }
        updateEndpoint(endpoint_id: $endpoint, input: { cost_per_gb: 0.5, reachable: false }) { cost_per_gb reachable port }
        updatePathStatus(path_id: $path, status: degraded) { status }
      }`,
      admin,
      { site: a, endpoint: ea, path: path.id },
    );
    expect(data).toEqual({
      updateSite: { status: "maintenance", name: "HQ" },
      updateEndpoint: { cost_per_gb: 0.5, reachable: false, port: 4500 },
      updatePathStatus: { status: "degraded" },
    });
  });

  it("counts what deleting an endpoint and a path removes, then removes exactly that", async () => {
    const { ea, eb } = await twoSites();
    const { createPath: made } = await ok(
      `mutation { createPath(input: { source_endpoint_id: "${ea}", destination_endpoint_id: "${eb}", create_reverse: true }) { path { id } reverse { id } } }`,
      operator,
    );
    const { path, reverse } = made as { path: { id: string }; reverse: { id: string } };
    await ok(CREATE_POLICY, operator, { input: { name: "pinned", priority: 5, pinned_path_id: reverse.id } });

    expect(
      await ok(
        `query { path_dependencies(path_id: "${path.id}") { path_id path_metrics pinned_policies { name } } }`,
        operator,
      ),
    ).toEqual({ path_dependencies: { path_id: path.id, path_metrics: 0, pinned_policies: [] } });
    await ok(`mutation { deletePath(path_id: "${path.id}") { path_metrics_deleted } }`, operator);

    const counted = await ok(
      `query { endpoint_dependencies(endpoint_id: "${eb}") { paths pinned_policies { name } } }`,
      operator,
    );
    expect(counted.endpoint_dependencies).toEqual({ paths: 1, pinned_policies: [{ name: "pinned" }] });
    const deleted = await ok(
      `mutation { deleteEndpoint(endpoint_id: "${eb}") { paths_deleted unpinned_policies { name } audit_id } }`,
      operator,
    );
    expect(deleted.deleteEndpoint).toMatchObject({ paths_deleted: 1, unpinned_policies: [{ name: "pinned" }] });
    expect(listPaths(t.db)).toEqual([]);
    expect(listPolicies(t.db)[0]?.pinned_path_id).toBeNull();
  });
});

describe("policies over GraphQL", () => {
  it("are created from typed match rules, an empty list meaning any, and announced with their actor", async () => {
    const heard: DomainEvent[] = [];
    const unsubscribe = domainEvents.subscribe((e) => heard.push(e));
    try {
      const data = await ok(CREATE_POLICY, operator, {
        input: {
          name: "voice",
          priority: 900,
          match_rules: { dscp: [46], destination_ports: ["5060", "10000-20000"], protocols: [] },
        },
      });
      expect(JSON.parse(data.createPolicy!.match_rules as string)).toEqual({
        dscp: [46],
        destination_ports: [
          { from: 5060, to: 5060 },
          { from: 10000, to: 20000 },
        ],
      });
      expect(heard).toEqual([
        expect.objectContaining({ type: "policies_changed", change: "created", actor: "operator@example.com" }),
      ]);
    } finally {
      unsubscribe();
    }
  });

  it("read one policy back with its rules typed as the form sent them, empty lists meaning any", async () => {
    const { createPolicy } = await ok(CREATE_POLICY, operator, {
      input: { name: "voice", priority: 900, match_rules: { dscp: [46], destination_ports: ["5060", "10000-20000"] } },
    });
    const data = await ok(
      `query ($id: ID!) { policy(id: $id) { name rules { source_cidrs destination_ports protocols dscp } } }`,
      operator,
      { id: createPolicy!.id },
    );
    expect(data.policy).toEqual({
      name: "voice",
      rules: { source_cidrs: [], destination_ports: ["5060", "10000-20000"], protocols: [], dscp: [46] },
    });
    const missing = await execute<Data>(`{ none: policy(id: "9999") { id } bad: policy(id: "x") { id } }`, {
      user: operator,
    });
    expect(missing.data).toEqual({ none: null, bad: null });
  });

  it("carry the field path of a bad match-rule entry in the error's extensions", async () => {
    const extensions = await refused(CREATE_POLICY, operator, {
      input: { name: "x", priority: 1, match_rules: { source_cidrs: ["10.0.0.0/8", "fd00::/8", "10.1.2.3/8"] } },
    });
    expect(extensions).toEqual({ code: "VALIDATION", field: "match_rules.source_cidrs[2]" });
  });

  it("name the field of a taken name, a missing pinned path and a malformed id", async () => {
    await ok(CREATE_POLICY, operator, { input: { name: "web", priority: 1 } });
    expect(await refused(CREATE_POLICY, operator, { input: { name: "web", priority: 2 } })).toEqual({
      code: "CONFLICT",
      field: "name",
    });
    expect(await refused(CREATE_POLICY, operator, { input: { name: "x", priority: 2, pinned_path_id: "77" } })).toEqual(
      {
        code: "VALIDATION",
        field: "pinned_path_id",
      },
    );
    expect(await refused(`mutation { deletePolicy(policy_id: "1e3") { audit_id } }`, operator)).toEqual({
      code: "VALIDATION",
      field: "policy_id",
    });
  });

  it("are edited, disabled, reordered and deleted, the deletion saying how much history went", async () => {
    const id = (name: string, priority: number) =>
      ok(CREATE_POLICY, operator, { input: { name, priority } }).then((d) => d.createPolicy!.id as string);
    const web = await id("web", 10);
    const bulk = await id("bulk", 20);
    const data = await ok(
      `mutation ($web: ID!, $bulk: ID!) {
        updatePolicy(policy_id: $web, input: { description: "https", match_rules: { destination_ports: ["443"] } }) { description match_rules }
        setPolicyEnabled(policy_id: $bulk, enabled: false) { enabled }
        setPolicyPriorities(priorities: [{ policy_id: $web, priority: 30 }]) { name priority }
      }`,
      operator,
      { web, bulk },
    );
    expect(data).toEqual({
      updatePolicy: {
        description: "https",
        match_rules: JSON.stringify({ destination_ports: [{ from: 443, to: 443 }] }),
      },
      setPolicyEnabled: { enabled: false },
      setPolicyPriorities: [
        { name: "web", priority: 30 },
        { name: "bulk", priority: 20 },
      ],
    });
    expect(
      await ok(`query { policy_dependencies(policy_id: "${bulk}") { name stats_rows stats_since } }`, operator),
    ).toEqual({ policy_dependencies: { name: "bulk", stats_rows: 0, stats_since: null } });
    const deleted = await ok(`mutation { deletePolicy(policy_id: "${bulk}") { name stats_rows_deleted } }`, operator);
    expect(deleted.deletePolicy).toEqual({ name: "bulk", stats_rows_deleted: 0 });
  });

  it("name the entry of a bad priority in a reorder", async () => {
    expect(
      await refused(
        `mutation { setPolicyPriorities(priorities: [{ policy_id: "1", priority: 5 }, { policy_id: "2", priority: 5000 }]) { id } }`,
        operator,
      ),
    ).toEqual({ code: "VALIDATION", field: "priorities[1].priority" });
  });
});
