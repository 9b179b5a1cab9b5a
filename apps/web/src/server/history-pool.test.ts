import { ValidationError } from "@patronus/core/errors";
import { createPolicy } from "@patronus/core/policies";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@patronus/core/db";
import {
  closeHistoryPools,
  createHistoryPool,
  readInThread,
  readTrafficHistory,
  type HistoryPool,
} from "./history-pool";
import type { HistoryRequest } from "./history-protocol";

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
let t: TestDb;
let pool: HistoryPool;

beforeAll(() => {
  t = createTestDb();
  const ids = ["voice", "bulk"].map((name, i) => createPolicy(t.db, { name, priority: 100 + i }).policy_id);
  // Five hours of a snapshot a minute: the 1 h range reads the 10 s totals, the 5 h one the minute level.
  for (let n = 0; n <= 300; n++)
    storePolicyStats(t.db, {
      at: T0 + n * MIN,
      stats: ids.map((policy_id, i) => ({
        policy_id,
        packets_matched: n * 100 * (i + 1),
        bytes_matched: n * 10_000,
        active_flows: i + 1,
      })),
    });
  pool = createHistoryPool({ file: t.file });
});
afterAll(async () => {
  await pool.close();
  await closeHistoryPools();
  t.destroy();
});

describe("history reader threads", () => {
  it("answer exactly what the same read answers in-thread, totals and by policy", async () => {
    const requests: HistoryRequest<"totals" | "with_policies">[] = [
      { kind: "totals", params: { from: T0 + 60 * MIN, to: T0 + 120 * MIN } },
      { kind: "totals", params: { from: T0, to: T0 + 300 * MIN, maxBuckets: 50 } },
      { kind: "with_policies", params: { from: T0, to: T0 + 300 * MIN } },
    ];

    const answers = await Promise.all(requests.map((r) => pool.read(r)));

    answers.forEach((answer, i) => expect(answer).toEqual(readInThread(t.db, requests[i]!)));
    expect(answers[0]!.points.some((p) => p.packets > 0)).toBe(true);
  });

  it("answer every policy's sparklines exactly as the same read in-thread", async () => {
    const request = { kind: "sparklines", params: { now: T0 + 300 * MIN, minutes: 15 } } as const;

    const answer = await pool.read(request);

    expect(answer).toEqual(readInThread(t.db, request));
    expect(answer.policies).toHaveLength(2);
    expect(answer.policies[0]!.packets_per_second.some((rate) => rate !== null && rate > 0)).toBe(true);
  });

  it("serve every read of a file's history, so a read over every policy never runs on the caller's thread", async () => {
    // A closed connection cannot read: only an answer from a thread's own connection comes back.
    const closed = openDatabase(t.file);
    closed.close();
    const requests = [
      { kind: "with_policies", params: { from: T0, to: T0 + 300 * MIN, topPolicies: 1 } },
      { kind: "sparklines", params: { now: T0 + 300 * MIN, minutes: 15 } },
    ] as const;

    const [history, sparklines] = await Promise.all([
      readTrafficHistory(closed.db, requests[0]),
      readTrafficHistory(closed.db, requests[1]),
    ]);

    expect(history).toEqual(readInThread(t.db, requests[0]));
    expect(sparklines).toEqual(readInThread(t.db, requests[1]));
  });

  it("refuse bad input with core's own validation error, naming the field", async () => {
    const read = pool.read({ kind: "totals", params: { from: T0, to: T0 - 1 } });

    await expect(read).rejects.toBeInstanceOf(ValidationError);
    await expect(read).rejects.toMatchObject({ code: "VALIDATION", field: "to", message: "to: must be after from" });
  });

  it("give up on a read past the timeout with HISTORY_TIMEOUT, saying what to try", async () => {
    const impatient = createHistoryPool({ file: t.file, timeoutMs: 1 });
    try {
      await expect(impatient.read({ kind: "totals", params: { from: T0, to: T0 + 300 * MIN } })).rejects.toMatchObject({
        extensions: { code: "HISTORY_TIMEOUT" },
        message: "The traffic history took longer than 0.001 s to read. Try a shorter range or fewer buckets.",
      });
    } finally {
      await impatient.close();
    }
  });

  it("are not ready before one has loaded, and start one when asked", async () => {
    const fresh = createHistoryPool({ file: t.file });
    try {
      expect(fresh.ready()).toBe(false);

      await vi.waitFor(() => expect(fresh.ready()).toBe(true), { timeout: 25_000, interval: 50 });
    } finally {
      await fresh.close();
    }
  });

  it("stop at close, and refuse reads after it with HISTORY_UNAVAILABLE", async () => {
    const closing = createHistoryPool({ file: t.file });
    await closing.read({ kind: "totals", params: { from: T0, to: T0 + MIN } });

    await closing.close();

    await expect(closing.read({ kind: "totals", params: { from: T0, to: T0 + MIN } })).rejects.toMatchObject({
      extensions: { code: "HISTORY_UNAVAILABLE" },
    });
  });
});
