/** What the collector reports that the banner judges (a subset of its status report). */
export interface CollectorCounters {
  uptime_ms: number;
  last_snapshot_at: number | null;
  socket_drops: number;
  malformed_packets: number;
  unknown_exporter: number;
}

export type CollectorProblemKind =
  "unreachable" | "stale_snapshots" | "socket_drops" | "malformed" | "unknown_exporters";

export interface CollectorProblem {
  kind: CollectorProblemKind;
  message: string;
  /** Epoch ms: when the problem was first seen (for stale snapshots, the last snapshot). */
  since: number;
}

/** The counters whose rise is a problem, with what the banner says of them. */
const RISING: { kind: CollectorProblemKind; counter: keyof CollectorCounters; says: (n: string) => string }[] = [
  {
    kind: "socket_drops",
    counter: "socket_drops",
    says: (n) => `The collector's socket is dropping datagrams (${n} so far): flows are being lost.`,
  },
  {
    kind: "malformed",
    counter: "malformed_packets",
    says: (n) => `Malformed flow datagrams are arriving (${n} so far).`,
  },
  {
    kind: "unknown_exporters",
    counter: "unknown_exporter",
    says: (n) => `Datagrams from unknown exporters are arriving (${n} so far); an edge may need allowing.`,
  },
];

const count = new Intl.NumberFormat("en");

/**
 * Judges the collector from its successive status reports: unreachable, snapshots older than three
 * intervals, or a drop / malformed / unknown-exporter counter that rose within the last three intervals.
 * Rises are seen between two reports, so the first report of a process (or after a collector restart,
 * when counters fall) only sets the baseline. Time comes from the caller.
 */
export class CollectorHealthTracker {
  private readonly windowMs: number;
  private unreachableSince: number | undefined;
  private last: CollectorCounters | undefined;
  /** Per rising counter: when the current run of rises began and when it last rose. */
  private readonly rises = new Map<CollectorProblemKind, { since: number; lastAt: number }>();

  constructor(private readonly snapshotIntervalMs: number) {
    this.windowMs = 3 * snapshotIntervalMs;
  }

  /** Records one observation at `now`: the report, or undefined when the collector did not answer. */
  observe(now: number, report: CollectorCounters | undefined): CollectorProblem[] {
    if (!report) {
      this.unreachableSince ??= now;
      return [
        {
          kind: "unreachable",
          message: "The collector cannot be reached: live counters are missing and traffic shows the last snapshots.",
          since: this.unreachableSince,
        },
      ];
    }
    this.unreachableSince = undefined;
    const problems: CollectorProblem[] = [];
    const stale = this.staleSince(now, report);
    if (stale !== undefined)
      problems.push({
        kind: "stale_snapshots",
        message: `The collector has written no snapshot for over three intervals (${this.snapshotIntervalMs / 1000} s each): traffic history has stopped.`,
        since: stale,
      });
    const restarted = this.last !== undefined && report.uptime_ms < this.last.uptime_ms;
    for (const { kind, counter, says } of RISING) {
      const before = restarted ? undefined : this.last?.[counter];
      const value = report[counter] ?? 0;
      if (typeof before === "number" && typeof value === "number" && value > before) {
        const run = this.rises.get(kind);
        this.rises.set(kind, { since: run && now - run.lastAt <= this.windowMs ? run.since : now, lastAt: now });
      }
      const run = this.rises.get(kind);
      if (run && now - run.lastAt <= this.windowMs)
        problems.push({ kind, message: says(count.format(Number(value))), since: run.since });
    }
    this.last = report;
    return problems;
  }

  /** When snapshots stopped, if the newest is older than three intervals (or none came since start). */
  private staleSince(now: number, report: CollectorCounters): number | undefined {
    const from = report.last_snapshot_at ?? now - report.uptime_ms;
    return now - from > this.windowMs ? from : undefined;
  }
}
