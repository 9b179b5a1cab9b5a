import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSite } from "../sites";
import { seedDemoNetwork } from "../seed";
import { createTestDb, type TestDb } from "../testing";
import { startDemoMetricsFeed } from "./demo-feed";
import { listPathHealth } from "./health";

const NOW = Date.UTC(2026, 5, 1, 12);
let t: TestDb;
let stop: (() => void) | undefined;

beforeEach(() => {
  t = createTestDb();
  vi.useFakeTimers();
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
  t.destroy();
});

describe("the demo metrics feed", () => {
  it("writes a fresh sample for every path of the demo network each interval", () => {
    seedDemoNetwork(t.db, { now: NOW });
    let clock = NOW;
    stop = startDemoMetricsFeed(t.db, { intervalMs: 30_000, now: () => clock });
    clock += 30_000;
    vi.advanceTimersByTime(30_000);
    const paths = listPathHealth(t.db);
    expect(paths).toHaveLength(40);
    expect(paths.every((p) => p.latest?.timestamp === NOW + 30_000)).toBe(true);
  });

  it("leaves a network that is not the demo's alone", () => {
    createSite(t.db, { name: "Somewhere real" });
    const log = vi.fn();
    stop = startDemoMetricsFeed(t.db, { intervalMs: 30_000, now: () => NOW, log });
    vi.advanceTimersByTime(90_000);
    expect(log).not.toHaveBeenCalled();
    expect(listPathHealth(t.db)).toEqual([]);
  });
});
