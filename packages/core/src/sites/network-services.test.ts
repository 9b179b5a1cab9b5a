import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { failSuccessAuditOf, networkRows, thrown } from "../audit/inject-failure";
import { EventBus, type DomainEvent } from "../events";
import { createPolicy, getPolicy } from "../policies";
import { createTestDb, insertPath, insertSite, type TestDb } from "../testing";
import { countEndpointDependencies, deleteEndpoint, updateEndpoint, addEndpoint } from "./endpoints";
import { countPathDependencies, createPath, deletePath, updatePathStatus } from "./paths";
import { createSite, getSite, listPaths, updateSite } from "./sites";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

const admin = "admin@example.com";
const T = Date.UTC(2026, 2, 1);

function withEvents(): { events: EventBus; heard: DomainEvent[]; now: () => number } {
  const events = new EventBus();
  const heard: DomainEvent[] = [];
  events.subscribe((e) => heard.push(e));
  return { events, heard, now: () => T };
}

const count = (table: string) => t.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;

/** Sites 1, 2, 3 with one endpoint each (e1, e2, e3); paths e1→e2 (4 metric rows), e2→e1 (3), e2→e3 (2). */
function network() {
  const [e1, e2, e3] = [1, 2, 3].map((n) => insertSite(t.db, n, 1).endpointIds[0]!) as [number, number, number];
  const p12 = insertPath(t.db, e1, e2, 4);
  const p21 = insertPath(t.db, e2, e1, 3);
  const p23 = insertPath(t.db, e2, e3, 2);
  return { e1, e2, e3, p12, p21, p23 };
}

describe("createSite and updateSite", () => {
  it("create a site with an audit row of its fields, announced after the commit", () => {
    const { events, heard, now } = withEvents();
    const site = createSite(t.db, { name: "HQ", location: "NYC", actor: admin }, { events, now });
    const [row] = listAuditLog(t.db, { target: `site:${site.id}` });
    expect(row).toMatchObject({
      action: "site.create",
      actor: admin,
      outcome: "success",
      at: T,
      details: { after: { name: "HQ", location: "NYC", status: "active" } },
    });
    expect(heard).toEqual([
      {
        type: "network_changed",
        entity: "site",
        id: site.id,
        change: "created",
        actor: admin,
        audit_id: row!.id,
        at: T,
        path_ids: [],
      },
    ]);
  });

  it("refuse an empty name and a taken one, naming the field, and audit the failures", () => {
    createSite(t.db, { name: "HQ" });
    expect(thrown(() => createSite(t.db, { name: "  " }))).toMatchObject({ code: "VALIDATION", field: "name" });
    expect(thrown(() => createSite(t.db, { name: "HQ", actor: admin }))).toMatchObject({
      code: "CONFLICT",
      field: "name",
    });
    expect(
      listAuditLog(t.db)
        .slice(0, 2)
        .map((r) => r.outcome),
    ).toEqual(["failed", "failed"]);
  });

  it("update only the fields given, auditing their before and after", () => {
    const site = createSite(t.db, { name: "HQ", location: "NYC" });
    const updated = updateSite(t.db, { siteId: site.id, status: "maintenance", actor: admin });
    expect(updated).toMatchObject({ name: "HQ", location: "NYC", status: "maintenance" });
    expect(listAuditLog(t.db, { target: `site:${site.id}` })[0]).toMatchObject({
      action: "site.update",
      details: { before: { status: "active" }, after: { status: "maintenance" } },
    });
  });

  it("refuse renaming a site to another's name", () => {
    createSite(t.db, { name: "HQ" });
    const branch = createSite(t.db, { name: "Branch" });
    expect(thrown(() => updateSite(t.db, { siteId: branch.id, name: "HQ" }))).toMatchObject({ field: "name" });
    expect(getSite(t.db, { siteId: branch.id })?.name).toBe("Branch");
  });

  it("report an unknown site as not found and a malformed id as invalid", () => {
    expect(thrown(() => updateSite(t.db, { siteId: "00000000-0000-4000-8000-00000000dead", name: "x" }))).toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(thrown(() => updateSite(t.db, { siteId: "nope", name: "x" }))).toMatchObject({ field: "site_id" });
    expect(listAuditLog(t.db).map((r) => r.outcome)).toEqual(["failed", "not_found"]);
  });

  it("roll back a site's creation and edit when the transaction fails", () => {
    const site = createSite(t.db, { name: "HQ" });
    failSuccessAuditOf(t.db, "site.create");
    failSuccessAuditOf(t.db, "site.update");
    const before = networkRows(t.db);
    expect(() => createSite(t.db, { name: "Branch" })).toThrow(/injected failure/);
    expect(() => updateSite(t.db, { siteId: site.id, name: "Renamed" })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });
});

describe("endpoints", () => {
  it("are created on an existing site only, with an audit row", () => {
    const site = createSite(t.db, { name: "HQ" });
    const endpoint = addEndpoint(t.db, {
      site_id: site.id,
      address: "2001:db8::1",
      port: 4500,
      interface_kind: "fiber",
      actor: admin,
    });
    expect(listAuditLog(t.db, { target: `endpoint:${endpoint.id}` })[0]).toMatchObject({
      action: "endpoint.create",
      details: { after: { address: "2001:db8::1", port: 4500, site_id: site.id } },
    });
    expect(
      thrown(() =>
        addEndpoint(t.db, {
          site_id: "00000000-0000-4000-8000-00000000dead",
          address: "10.0.0.1",
          port: 1,
          interface_kind: "lte",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", field: "site_id" });
  });

  it("refuse an address that is not an IP literal and a port out of range, naming the field", () => {
    const site = createSite(t.db, { name: "HQ" });
    const bad = (fields: Partial<{ address: string; port: number }>) =>
      thrown(() =>
        addEndpoint(t.db, { site_id: site.id, address: "10.0.0.1", port: 4500, interface_kind: "dsl", ...fields }),
      );
    expect(bad({ address: "edge.example.com" })).toMatchObject({ field: "address" });
    expect(bad({ port: 0 })).toMatchObject({ field: "port" });
    expect(bad({ port: 65536 })).toMatchObject({ field: "port" });
    expect(count("sdwan_endpoints")).toBe(0);
  });

  it("update the fields given and announce the paths that touch them", () => {
    const n = network();
    const { events, heard, now } = withEvents();
    updateEndpoint(t.db, { endpointId: n.e2, cost_per_gb: 3, actor: admin }, { events, now });
    expect(listAuditLog(t.db, { target: `endpoint:${n.e2}` })[0]).toMatchObject({
      details: { before: { cost_per_gb: 0.01 }, after: { cost_per_gb: 3 } },
    });
    expect(heard).toEqual([
      expect.objectContaining({ entity: "endpoint", change: "updated", path_ids: [n.p12, n.p21, n.p23] }),
    ]);
  });

  it("count what a deletion removes: every path from or to it, their metrics and pinned policies", () => {
    const n = network();
    const pinned = createPolicy(t.db, { name: "voice", priority: 9, pinned_path_id: n.p21 });
    expect(countEndpointDependencies(t.db, { endpointId: n.e1 })).toEqual({
      endpoint_id: n.e1,
      site_id: "00000000-0000-4000-8000-000000000001",
      address: "10.1.0.1",
      paths: 2,
      path_metrics: 7,
      pinned_policies: [{ policy_id: pinned.policy_id, name: "voice" }],
    });
  });

  it("are deleted with exactly the counted paths and metrics; pinned policies are unpinned, not deleted", () => {
    const n = network();
    const pinned = createPolicy(t.db, { name: "voice", priority: 9, pinned_path_id: n.p12 });
    const counted = countEndpointDependencies(t.db, { endpointId: n.e1 });
    const { events, heard, now } = withEvents();

    const result = deleteEndpoint(t.db, { endpointId: n.e1, actor: admin }, { events, now });

    expect(result).toMatchObject({ ...counted, path_ids: [n.p12, n.p21] });
    expect([count("sdwan_endpoints"), count("sdwan_paths"), count("sdwan_path_metrics")]).toEqual([2, 1, 2]);
    expect(getPolicy(t.db, { policyId: pinned.policy_id })?.pinned_path_id).toBeNull();
    expect(listAuditLog(t.db, { target: `endpoint:${n.e1}` })[0]).toMatchObject({
      action: "endpoint.delete",
      details: { before: { address: "10.1.0.1" }, removed: { paths: 2, path_metrics: 7 } },
    });
    expect(heard).toEqual([
      expect.objectContaining({ entity: "endpoint", change: "deleted", path_ids: [n.p12, n.p21] }),
    ]);
  });

  it("keep every row when a deletion's transaction fails", () => {
    const n = network();
    createPolicy(t.db, { name: "voice", priority: 9, pinned_path_id: n.p12 });
    failSuccessAuditOf(t.db, "endpoint.delete");
    failSuccessAuditOf(t.db, "endpoint.update");
    const before = networkRows(t.db);
    expect(() => deleteEndpoint(t.db, { endpointId: n.e1 })).toThrow(/injected failure/);
    expect(() => updateEndpoint(t.db, { endpointId: n.e1, port: 1 })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
    expect(listAuditLog(t.db, { target: `endpoint:${n.e1}` }).map((r) => r.outcome)).toEqual(["failed", "failed"]);
  });
});

describe("paths", () => {
  it("are created with their reverse in one call and one audit row", () => {
    const [a, b] = [1, 2].map((n) => insertSite(t.db, n, 1).endpointIds[0]!) as [number, number];
    const path = createPath(t.db, {
      source_endpoint_id: a,
      destination_endpoint_id: b,
      create_reverse: true,
      actor: admin,
    });
    expect(path.reverse).toMatchObject({ source_endpoint_id: b, destination_endpoint_id: a });
    expect(listPaths(t.db).map((p) => [p.source_endpoint_id, p.destination_endpoint_id])).toEqual([
      [a, b],
      [b, a],
    ]);
    expect(listAuditLog(t.db)[0]).toMatchObject({
      action: "path.create",
      target: `path:${path.id}`,
      details: { reverse_path_id: path.reverse!.id },
    });
  });

  it("refuse endpoints of one site, an unknown endpoint, and a pair that exists, naming the field", () => {
    const s1 = insertSite(t.db, 1, 2);
    const [b] = insertSite(t.db, 2, 1).endpointIds as [number];
    const [a1, a2] = s1.endpointIds as [number, number];
    expect(thrown(() => createPath(t.db, { source_endpoint_id: a1, destination_endpoint_id: a2 }))).toMatchObject({
      code: "VALIDATION",
      field: "destination_endpoint_id",
    });
    expect(thrown(() => createPath(t.db, { source_endpoint_id: 99, destination_endpoint_id: b }))).toMatchObject({
      field: "source_endpoint_id",
    });
    createPath(t.db, { source_endpoint_id: b, destination_endpoint_id: a1 });
    expect(thrown(() => createPath(t.db, { source_endpoint_id: b, destination_endpoint_id: a1 }))).toMatchObject({
      code: "CONFLICT",
      field: "destination_endpoint_id",
    });
  });

  it("create neither direction when the reverse exists already", () => {
    const [a, b] = [1, 2].map((n) => insertSite(t.db, n, 1).endpointIds[0]!) as [number, number];
    createPath(t.db, { source_endpoint_id: b, destination_endpoint_id: a });
    expect(
      thrown(() => createPath(t.db, { source_endpoint_id: a, destination_endpoint_id: b, create_reverse: true })),
    ).toMatchObject({ code: "CONFLICT", field: "create_reverse" });
    expect(count("sdwan_paths")).toBe(1);
  });

  it("change status with an audit row of before and after, refusing an unknown status", () => {
    const n = network();
    updatePathStatus(t.db, { pathId: n.p12, status: "down", actor: admin });
    expect(listAuditLog(t.db, { target: `path:${n.p12}` })[0]).toMatchObject({
      action: "path.update",
      details: { before: { status: "up" }, after: { status: "down" } },
    });
    expect(thrown(() => updatePathStatus(t.db, { pathId: n.p12, status: "sideways" as "up" }))).toMatchObject({
      field: "status",
    });
  });

  it("are deleted with exactly their counted metrics, one direction only, unpinning policies", () => {
    const n = network();
    const pinned = createPolicy(t.db, { name: "voice", priority: 9, pinned_path_id: n.p12 });
    const counted = countPathDependencies(t.db, { pathId: n.p12 });
    expect(counted).toEqual({
      path_id: n.p12,
      path_metrics: 4,
      pinned_policies: [{ policy_id: pinned.policy_id, name: "voice" }],
    });

    expect(deletePath(t.db, { pathId: n.p12, actor: admin })).toMatchObject(counted);
    expect(listPaths(t.db).map((p) => p.id)).toEqual([n.p21, n.p23]);
    expect(count("sdwan_path_metrics")).toBe(5);
    expect(getPolicy(t.db, { policyId: pinned.policy_id })?.pinned_path_id).toBeNull();
  });

  it("keep every row when a creation, status change or deletion fails", () => {
    const n = network();
    for (const action of ["path.create", "path.update", "path.delete"]) failSuccessAuditOf(t.db, action);
    const before = networkRows(t.db);
    expect(() =>
      createPath(t.db, { source_endpoint_id: n.e1, destination_endpoint_id: n.e3, create_reverse: true }),
    ).toThrow(/injected failure/);
    expect(() => updatePathStatus(t.db, { pathId: n.p12, status: "down" })).toThrow(/injected failure/);
    expect(() => deletePath(t.db, { pathId: n.p12 })).toThrow(/injected failure/);
    expect(networkRows(t.db)).toEqual(before);
  });
});
