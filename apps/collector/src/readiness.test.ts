import { checkCollector } from "@patronus/core/ops";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { createDataDir, testEnv } from "./testing/harness";

let data: ReturnType<typeof createDataDir>;
let running: RunningCollector | undefined;
let client: CollectorClient;

beforeEach(async () => {
  data = createDataDir([{ name: "all", priority: 0, match_rules: {} }]);
  // An hour between snapshots: only the test's own snapshot() calls write one.
  const env = testEnv(data.dir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "3600000" });
  running = await startCollector(env, () => {});
  client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
});
afterEach(async () => {
  await running?.stop();
  data.cleanup();
});

describe("the readiness check of a running collector", () => {
  it("passes before the first snapshot while the collector is younger than the allowed age", async () => {
    const check = await checkCollector(client, { now: Date.now(), maxSnapshotAgeMs: 60_000 });

    expect(check).toEqual({ ok: true, detail: "reachable, first snapshot pending" });
  });

  it("passes just after a snapshot and fails once that snapshot is older than the allowed age", async () => {
    running!.snapshot();
    const at = Date.now();

    const fresh = await checkCollector(client, { now: at, maxSnapshotAgeMs: 60_000 });
    const stale = await checkCollector(client, { now: at + 125_000, maxSnapshotAgeMs: 60_000 });

    expect(fresh).toEqual({ ok: true, detail: expect.stringMatching(/^last snapshot [0-5] s ago$/) });
    expect(stale).toEqual({ ok: false, detail: expect.stringMatching(/^last snapshot 12[5-9] s ago$/) });
  });

  it("fails with the status the collector answered when the secret is wrong", async () => {
    const wrong = createCollectorClient({ url: running!.controlUrl, secret: "not-the-secret-at-all" });

    const check = await checkCollector(wrong, { now: Date.now(), maxSnapshotAgeMs: 60_000 });

    expect(check).toEqual({ ok: false, detail: "answered with status 401" });
  });

  it("fails as unreachable once the collector has stopped", async () => {
    await running!.stop();
    running = undefined;

    const check = await checkCollector(client, { now: Date.now(), maxSnapshotAgeMs: 60_000 });

    expect(check).toEqual({ ok: false, detail: "unreachable" });
  });
});
