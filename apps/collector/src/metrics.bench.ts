/**
 * What a Prometheus scrape costs the collector's event loop at 1,000 policies: building every series
 * (per-policy packets and bytes included) and its text, beside serialising the same policies' counters
 * as the control interface's GET /stats answer does, in the same run. The receive loop waits for either.
 */
import { keep, report } from "@patronus/core/testing";
import type { CollectorStatusReport } from "@patronus/core/traffic/control";
import type { PolicyStats } from "@patronus/core/traffic/engine";
import { BENCH_POLICIES } from "./testing/bench-policies";
import { createCollectorMetrics } from "./metrics";

const ROUNDS = 21;

/** Median of ROUNDS timed calls, after as many untimed ones (the JIT's first passes are not a scrape's cost). */
async function medianMs(fn: () => unknown): Promise<number> {
  for (let r = 0; r < ROUNDS; r++) keep(await fn());
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    keep(await fn());
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

export async function run(): Promise<void> {
  const policies: PolicyStats[] = Array.from({ length: BENCH_POLICIES }, (_, i) => ({
    policy_id: i + 1,
    packets_matched: 1_000_000 + i * 7919,
    bytes_matched: 900_000_000 + i * 104_729,
    active_flows: i % 100,
    first_seen: 1_700_000_000_000,
    last_updated: 1_700_000_100_000,
  }));
  // Only the fields the metrics read matter; the rest keep the shape.
  const status = {
    datagrams_received: 1e9,
    records_received: 3e10,
    malformed_packets: 12,
    unsupported_version: 0,
    insane_records: 3,
    unknown_exporter: 40,
    socket_drops: 0,
    live_flows: 100_000,
    evicted_flows: 5,
    snapshot_failures: 0,
    templates: 40,
    templates_evicted: 0,
    templates_throttled: 0,
    last_snapshot_at: 1_700_000_100_000,
  } as CollectorStatusReport;
  const { registry } = createCollectorMetrics({ status: () => status, policies: () => policies }, { defaults: false });

  const scrape = await medianMs(() => registry.metrics());
  const stats = await medianMs(() => JSON.stringify({ policies, totals: { packets: 1, bytes: 1 }, at: Date.now() }));
  report(
    `scrape, ${BENCH_POLICIES} policies (${(await registry.metrics()).length >> 10} KB)`,
    scrape,
    stats,
    "ms",
    "a few ms",
  );
  console.log("  (baseline: the same policies serialised as GET /stats answers; median of 21 after 21 untimed)");
}
