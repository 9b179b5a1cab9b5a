import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import { listPathHealth } from "@patronus/core/path-metrics";
import { addEndpoint, createPath, createSite } from "@patronus/core/sites";
import type { TestDb } from "@patronus/core/testing";
import { createApiToken, type User, type UserRole } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveHttp } from "~/server/graphql/test-client";
import { createWebTestFixture } from "~/server/graphql/test-fixture";
import { resolveViewer } from "~/server/graphql/viewer";
import { ingestResponse, MAX_INGEST_BODY_BYTES } from "./ingest-response";

let t: TestDb;
let users: Record<UserRole, User>;
let server: { url: string; close: () => Promise<void> };
let pathId: number;
const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };

beforeAll(async () => {
  ({ t, users } = createWebTestFixture());
  const a = createSite(t.db, { name: "A" });
  const b = createSite(t.db, { name: "B" });
  const end = (site_id: string, address: string) =>
    addEndpoint(t.db, { site_id, address, port: 4500, interface_kind: "fiber" }).id;
  pathId = createPath(t.db, {
    source_endpoint_id: end(a.id, "198.51.100.1"),
    destination_endpoint_id: end(b.id, "198.51.100.2"),
  }).id;
  server = await serveHttp((request) =>
    ingestResponse(request, {
      db: t.db,
      caches,
      authenticate: () =>
        resolveViewer(t.db, { authorization: request.headers.get("authorization"), session: async () => undefined }),
    }),
  );
});
afterAll(async () => {
  await server.close();
  t.destroy();
});

const tokenOf = (role: UserRole) =>
  createApiToken(t.db, { actor: "admin@example.com", userId: users[role].id, name: `${role} probe` }).token;
const post = (body: string, headers: Record<string, string>) =>
  fetch(`${server.url}/api/metrics/paths`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const batch = (latency_ms: number, extra: object = {}) =>
  JSON.stringify({ samples: [{ path_id: pathId, latency_ms, jitter_ms: 1, packet_loss_pct: 0, ...extra }] });

describe("POST /api/metrics/paths", () => {
  it("records a batch sent with an operator's token and answers what changed", async () => {
    const response = await post(batch(240), { authorization: `Bearer ${tokenOf("operator")}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ recorded: 1, status_changes: [{ path_id: pathId, status: "degraded" }] });
    expect(listPathHealth(t.db, { pathId })[0]).toMatchObject({ status: "degraded", latest: { latency_ms: 240 } });
    expect(caches.metrics.get(pathId)?.latency_ms).toBe(240);
  });

  it("records a batch sent with a metrics token, even one a viewer owns", async () => {
    const { token } = createApiToken(t.db, {
      actor: "admin@example.com",
      userId: users.viewer.id,
      name: "probe",
      scope: "metrics",
    });
    const response = await post(batch(20), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(listPathHealth(t.db, { pathId })[0]).toMatchObject({ latest: { latency_ms: 20 } });
  });

  it.each([
    ["no token", {}, 401, /send an API token/],
    ["an unknown token", { authorization: "Bearer nope" }, 401, /unknown, revoked or expired/],
    ["a viewer's token", { authorization: "viewer" }, 403, /needs the operator role/],
  ])("refuses a request with %s", async (_, headers: Record<string, string>, status, message) => {
    const auth = headers.authorization === "viewer" ? { authorization: `Bearer ${tokenOf("viewer")}` } : headers;
    const response = await post(batch(10), auth);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("answers 400 naming the field for a bad sample, and 400 for a body that is not JSON", async () => {
    const authorization = `Bearer ${tokenOf("operator")}`;
    const bad = await post(batch(10, { packet_loss_pct: 101 }), { authorization });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "samples[0].packet_loss_pct" });
    expect((await post("{", { authorization })).status).toBe(400);
  });

  it("refuses a body past the cap with 413 before parsing it", async () => {
    const response = await post(" ".repeat(MAX_INGEST_BODY_BYTES + 1), {
      authorization: `Bearer ${tokenOf("operator")}`,
    });
    expect(response.status).toBe(413);
  });
});
