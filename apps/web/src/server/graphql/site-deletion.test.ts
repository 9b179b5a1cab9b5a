import { listAuditLog } from "@patronus/core/audit";
import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import { domainEvents, type DomainEvent } from "@patronus/core/events";
import { invalidateRoutingCaches } from "@patronus/core/routing";
import { getSite, listPaths, listSites } from "@patronus/core/sites";
import type { TestDb } from "@patronus/core/testing";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let admin: User;
let viewer: User;
let execute: ReturnType<typeof graphqlClient>;

beforeAll(() => {
  ({
    t,
    execute,
    users: { admin, viewer },
  } = createWebTestFixture({ seed: true }));
});
afterAll(() => t.destroy());

const siteId = (name: string) => listSites(t.db).find((s) => s.name === name)!.id;
const DEPENDENCIES = `query ($id: ID!) {
  site_dependencies(site_id: $id) { site_name endpoints paths path_metrics pinned_policies { policy_id name } }
}`;
const DELETE = `mutation ($id: ID!) {
  deleteSite(site_id: $id) {
    success message code site_name endpoints_deleted paths_deleted path_metrics_deleted audit_id
    unpinned_policies { name }
  }
}`;

interface Deleted {
  deleteSite: {
    success: boolean;
    message: string;
    code: string | null;
    site_name: string | null;
    endpoints_deleted: number;
    paths_deleted: number;
    path_metrics_deleted: number;
    audit_id: number | null;
    unpinned_policies: { name: string }[];
  };
}

describe("deleteSite", () => {
  it("answers the deleteSite mutation docs/api.md documents verbatim, saying why a placeholder id is refused", async () => {
    const result = await execute<Deleted>(
      'mutation {\n  deleteSite(site_id: "UUID") {\n    success\n    message\n  }\n}',
      { user: admin },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteSite).toEqual({ success: false, message: 'site_id: "UUID" is not a UUID' });
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      action: "site.delete",
      outcome: "failed",
      actor: "admin@example.com",
    });
  });

  it("deletes exactly what the dialog's dependency query showed, audits it and tells every listener", async () => {
    const id = siteId("Branch Denver");
    const shown = await execute<{ site_dependencies: { paths: number; endpoints: number; path_metrics: number } }>(
      DEPENDENCIES,
      {
        user: admin,
        variables: { id },
      },
    );
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    const stopInvalidating = invalidateRoutingCaches(domainEvents, caches);
    const heard: DomainEvent[] = [];
    const stopListening = domainEvents.subscribe((event) => heard.push(event));
    await execute("{ paths { latest_metrics { score } } }", { user: viewer, caches });
    const pathsBefore = listPaths(t.db).length;

    const result = await execute<Deleted>(DELETE, { user: admin, variables: { id } });
    stopListening();
    stopInvalidating();

    const { endpoints, paths, path_metrics } = shown.data!.site_dependencies;
    expect(paths).toBeGreaterThan(0);
    expect(result.data!.deleteSite).toMatchObject({
      success: true,
      code: null,
      site_name: "Branch Denver",
      endpoints_deleted: endpoints,
      paths_deleted: paths,
      path_metrics_deleted: path_metrics,
    });
    expect(result.data!.deleteSite.message).toBe(
      `Deleted site Branch Denver with ${endpoints} endpoints, ${paths} paths and ${path_metrics.toLocaleString("en")} path metric rows.`,
    );
    expect(getSite(t.db, { siteId: id })).toBeUndefined();
    expect(listPaths(t.db)).toHaveLength(pathsBefore - paths);
    expect(caches.metrics.stats().entries).toBe(40 - paths);
    expect(heard).toEqual([expect.objectContaining({ type: "site_deleted", site_id: id, actor: "admin@example.com" })]);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      id: result.data!.deleteSite.audit_id,
      action: "site.delete",
      outcome: "success",
      target: `site:${id}`,
    });
  });

  it("says a site that is already gone does not exist", async () => {
    const id = siteId("Branch Seattle");
    await execute<Deleted>(DELETE, { user: admin, variables: { id } });

    const again = await execute<Deleted>(DELETE, { user: admin, variables: { id } });

    expect(again.data!.deleteSite).toMatchObject({
      success: false,
      code: "NOT_FOUND",
      message: `site ${id} does not exist`,
      paths_deleted: 0,
    });
    const dependencies = await execute(DEPENDENCIES, { user: admin, variables: { id } });
    expect(dependencies.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  });

  it("is refused to a viewer, who deletes nothing and is audited as denied", async () => {
    const id = siteId("HQ New York");

    const result = await execute<Deleted>(DELETE, { user: viewer, variables: { id } });

    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(getSite(t.db, { siteId: id })).toBeDefined();
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      action: "site.delete",
      outcome: "denied",
      actor: "viewer@example.com",
    });
  });

  it("is refused to an anonymous caller", async () => {
    const result = await execute<Deleted>(DELETE, { variables: { id: siteId("HQ New York") } });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });
});
