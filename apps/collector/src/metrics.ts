import type { CollectorStatusReport } from "@patronus/core/traffic/control";
import type { PolicyStats } from "@patronus/core/traffic/engine";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from "prom-client";

/** What the metrics read at each scrape: the figures the collector keeps anyway, nothing counted twice. */
export interface CollectorMetricSources {
  status(): CollectorStatusReport;
  policies(): PolicyStats[];
}

export interface CollectorMetrics {
  registry: Registry;
  /** Observed by the collector around each snapshot write. */
  snapshotDuration: Histogram;
}

/** Totals the status report keeps, exposed as counters: series name, help, and the report's field. */
const STATUS_COUNTERS = [
  ["patronus_collector_datagrams_total", "UDP datagrams received on the flow port", "datagrams_received"],
  ["patronus_collector_records_total", "Flow records decoded", "records_received"],
  ["patronus_collector_malformed_datagrams_total", "Datagrams rejected whole as malformed", "malformed_packets"],
  [
    "patronus_collector_unsupported_version_total",
    "Datagrams of an unsupported NetFlow version",
    "unsupported_version",
  ],
  ["patronus_collector_insane_records_total", "Records refused for impossible counts or sampling", "insane_records"],
  [
    "patronus_collector_unknown_exporter_datagrams_total",
    "Datagrams dropped undecoded: the source is not an allowed exporter",
    "unknown_exporter",
  ],
  ["patronus_collector_socket_drops_total", "Datagrams the kernel dropped on the flow socket", "socket_drops"],
  [
    "patronus_collector_evicted_flows_total",
    "Live flows evicted to stay within the flow table's bounds",
    "evicted_flows",
  ],
  [
    "patronus_collector_snapshot_failures_total",
    "Snapshot writes that failed (retried next time)",
    "snapshot_failures",
  ],
  ["patronus_collector_templates_evicted_total", "Templates replaced to stay within their caps", "templates_evicted"],
  ["patronus_collector_templates_throttled_total", "Template definitions refused past the rate", "templates_throttled"],
] as const satisfies readonly (readonly [string, string, keyof CollectorStatusReport])[];

/**
 * The collector's Prometheus metrics. Counters are read from the collector's own totals when scraped
 * (prom-client's collect), so the receive loop pays nothing per datagram for them.
 */
export function createCollectorMetrics(
  sources: CollectorMetricSources,
  { defaults = true }: { defaults?: boolean } = {},
): CollectorMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  // One status report per scrape, shared by every series that reads it: prom-client calls each series'
  // collect() in one synchronous pass, so the report is dropped once that pass is over.
  let report: CollectorStatusReport | undefined;
  const status = (): CollectorStatusReport => {
    if (!report) {
      report = sources.status();
      queueMicrotask(() => (report = undefined));
    }
    return report;
  };
  for (const [name, help, field] of STATUS_COUNTERS) {
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(status()[field]);
      },
    });
  }
  new Gauge({
    name: "patronus_collector_live_flows",
    help: "Flows in the flow table",
    registers,
    collect() {
      this.set(status().live_flows);
    },
  });
  new Gauge({
    name: "patronus_collector_templates",
    help: "NetFlow v9 / IPFIX templates held",
    registers,
    collect() {
      this.set(status().templates);
    },
  });
  new Gauge({
    name: "patronus_collector_last_snapshot_timestamp_seconds",
    help: "When the last snapshot was written (0: none yet)",
    registers,
    collect() {
      this.set((status().last_snapshot_at ?? 0) / 1000);
    },
  });
  // Per-policy series hand prom-client their values as they are, rebuilt at each scrape (so a deleted
  // policy's series goes with it). A labelled Counter rebuilt with reset() and inc() cost ~2 ms more a
  // series at 1,000 policies, on the event loop that receives flows (pnpm bench metrics).
  for (const [name, help, field] of [
    ["patronus_collector_policy_packets_total", "Packets matched per policy", "packets_matched"],
    ["patronus_collector_policy_bytes_total", "Bytes matched per policy", "bytes_matched"],
  ] as const) {
    const get = () => ({
      name,
      help,
      type: "counter",
      aggregator: "sum",
      values: sources.policies().map((policy) => ({ labels: { policy_id: policy.policy_id }, value: policy[field] })),
    });
    registry.registerMetric({ name, help, type: "counter", aggregator: "sum", get, reset() {} } as unknown as Metric);
  }
  const snapshotDuration = new Histogram({
    name: "patronus_collector_snapshot_duration_seconds",
    help: "Time to write one snapshot of the changed policies' counters",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  return { registry, snapshotDuration };
}
