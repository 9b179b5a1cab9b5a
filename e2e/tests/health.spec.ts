import { expect, test } from "@playwright/test";

// No session: load balancers and orchestrators probe these without one.
test.use({ storageState: { cookies: [], origins: [] } });

test("GET /api/health answers 200 without a session, with the request's id", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  // Every request gets one before Next handles it (server/request-id.ts); its log lines carry it.
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test("GET /api/ready answers 200 once the collector has snapshotted, every check passing", async ({ request }) => {
  // The collector snapshots every second here; it may have started a moment ago.
  await expect(async () => {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: {
        database: { ok: true, detail: "writable" },
        migrations: { ok: true, detail: "current" },
        collector: { ok: true, detail: expect.stringMatching(/^last snapshot \d+ s ago$/) },
      },
    });
  }).toPass({ timeout: 15_000 });
});
