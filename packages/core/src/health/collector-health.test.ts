import { describe, expect, it } from "vitest";
import { CollectorHealthTracker, type CollectorCounters } from "./collector-health";

const T0 = Date.UTC(2026, 0, 1);
const INTERVAL = 10_000;
/** A healthy report at `at`: up for an hour, snapshot one second ago, no drops. */
const report = (at: number, over: Partial<CollectorCounters> = {}): CollectorCounters => ({
  uptime_ms: 3_600_000 + (at - T0),
  last_snapshot_at: at - 1_000,
  socket_drops: 0,
  malformed_packets: 0,
  unknown_exporter: 0,
  ...over,
});
const kinds = (problems: { kind: string }[]) => problems.map((p) => p.kind);

describe("collector health", () => {
  it("finds nothing wrong with a collector that answers, snapshots on time and drops nothing", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    expect(tracker.observe(T0, report(T0))).toEqual([]);
    expect(tracker.observe(T0 + 5_000, report(T0 + 5_000))).toEqual([]);
  });

  it("reports an unreachable collector since the first failed observation, until it answers again", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    tracker.observe(T0, report(T0));
    expect(tracker.observe(T0 + 5_000, undefined)).toEqual([
      expect.objectContaining({ kind: "unreachable", since: T0 + 5_000 }),
    ]);
    expect(tracker.observe(T0 + 9_000, undefined)[0]!.since).toBe(T0 + 5_000);
    expect(tracker.observe(T0 + 12_000, report(T0 + 12_000))).toEqual([]);
  });

  it("reports snapshots older than three intervals, since the last one, and not at three intervals exactly", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    const last = T0 - 30_000;
    expect(tracker.observe(T0, report(T0, { last_snapshot_at: last }))).toEqual([]);
    expect(tracker.observe(T0 + 1, report(T0 + 1, { last_snapshot_at: last }))).toEqual([
      expect.objectContaining({ kind: "stale_snapshots", since: last }),
    ]);
  });

  it("counts a collector that never snapshotted from its start", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    expect(tracker.observe(T0, report(T0, { uptime_ms: 20_000, last_snapshot_at: null }))).toEqual([]);
    expect(tracker.observe(T0, report(T0, { uptime_ms: 40_000, last_snapshot_at: null }))).toEqual([
      expect.objectContaining({ kind: "stale_snapshots", since: T0 - 40_000 }),
    ]);
  });

  it("reports socket drops, malformed datagrams and unknown exporters while they rise, with the count, since the first rise", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    // Counts a process found already there are history, not a rise.
    expect(tracker.observe(T0, report(T0, { socket_drops: 7, malformed_packets: 2, unknown_exporter: 1 }))).toEqual([]);

    const rising = tracker.observe(
      T0 + 5_000,
      report(T0 + 5_000, { socket_drops: 1_207, malformed_packets: 3, unknown_exporter: 1 }),
    );
    expect(rising).toEqual([
      {
        kind: "socket_drops",
        since: T0 + 5_000,
        message: "The collector's socket is dropping datagrams (1,207 so far): flows are being lost.",
      },
      { kind: "malformed", since: T0 + 5_000, message: "Malformed flow datagrams are arriving (3 so far)." },
    ]);
    tracker.observe(
      T0 + 25_000,
      report(T0 + 25_000, { socket_drops: 1_250, malformed_packets: 3, unknown_exporter: 1 }),
    );
    // Still rising 40 s later: the run keeps its start; malformed stopped over three intervals ago.
    const later = tracker.observe(
      T0 + 45_000,
      report(T0 + 45_000, { socket_drops: 1_300, malformed_packets: 3, unknown_exporter: 1 }),
    );
    expect(later).toEqual([expect.objectContaining({ kind: "socket_drops", since: T0 + 5_000 })]);
  });

  it("clears a rising counter three intervals after its last rise", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    tracker.observe(T0, report(T0));
    tracker.observe(T0 + 1_000, report(T0 + 1_000, { unknown_exporter: 5 }));
    expect(kinds(tracker.observe(T0 + 31_000, report(T0 + 31_000, { unknown_exporter: 5 })))).toEqual([
      "unknown_exporters",
    ]);
    expect(tracker.observe(T0 + 31_001, report(T0 + 31_001, { unknown_exporter: 5 }))).toEqual([]);
  });

  it("takes counters that fell after a collector restart as a new baseline, not a rise", () => {
    const tracker = new CollectorHealthTracker(INTERVAL);
    tracker.observe(T0, report(T0, { socket_drops: 500 }));
    expect(tracker.observe(T0 + 5_000, report(T0 + 5_000, { uptime_ms: 2_000, socket_drops: 3 }))).toEqual([]);
  });
});
