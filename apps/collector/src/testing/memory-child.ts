/**
 * The memory bench's child, a fresh process: imports what the sidecar's counting path imports, then
 * either stops there (`baseline`) or builds a TrafficStatsCollector with the 1,000-policy matcher and
 * ingests 100k distinct flows (`collector`). Prints its memory use as one line of JSON.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createFlowRecord } from "@patronus/core/flows";
import { PolicyMatcher, TrafficStatsCollector } from "@patronus/core/traffic";
import { asMatchable, BENCH_BASE_MS, BENCH_FLOWS, benchPolicies, createFlowSource } from "./bench-policies";

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  liveFlows: number;
  tableBytes: number;
  gc: boolean;
}

let collector: TrafficStatsCollector | undefined;
if (process.argv[2] === "collector") {
  const policies = benchPolicies();
  collector = new TrafficStatsCollector({ matcher: new PolicyMatcher(asMatchable(policies)), now: () => BENCH_BASE_MS });
  const source = createFlowSource(policies);
  const record = createFlowRecord();
  for (let i = 0; i < BENCH_FLOWS; i++) {
    source.fill(i, record);
    collector.ingest(record, BENCH_BASE_MS + i);
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
// Array buffer backing stores are freed by a background sweeper; give it a turn.
await sleep(50);
gc?.();
const memory = process.memoryUsage();
const status = collector?.status();
const report: MemoryReport = {
  rss: memory.rss,
  heapUsed: memory.heapUsed,
  arrayBuffers: memory.arrayBuffers,
  liveFlows: status?.liveFlows ?? 0,
  tableBytes: status?.tableBytes ?? 0,
  gc: gc !== undefined,
};
console.log(JSON.stringify(report));
