/**
 * A policy change preview over 100k live flows and 1,000 policies, as the control interface runs it
 * (compile the draft, copy the flows, evaluate in slices), against the real matcher classifying the same
 * 100k flows once in one synchronous loop. And the longest the preview held the event loop, against how
 * long the socket's receive buffer lasts at a given receive rate.
 */
import { availableParallelism, loadavg } from "node:os";
import { createFlowRecord } from "@patronus/core/flows";
import { keep, report } from "@patronus/core/testing";
import { TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { PolicyMatcher } from "@patronus/core/traffic/match";
import { loadEnv } from "./env";
import { createPreviewHandler } from "./preview";
import { asMatchable, BENCH_BASE_MS, BENCH_FLOWS, benchPolicies, createFlowSource } from "./testing/bench-policies";

const ROUNDS = 5;
/** What the kernel charges a full IPFIX datagram (~1,400 bytes) against the receive buffer: its skb's truesize, ~2 KiB. */
const CHARGE_PER_DATAGRAM = 2048;
/** Receive rates to hold the stall against: a busy edge, and a site aggregating fifty of them. */
const DATAGRAMS_PER_SECOND = [10_000, 50_000];

export async function run(): Promise<void> {
  const policies = benchPolicies();
  const matchable = asMatchable(policies);
  const source = createFlowSource(policies);
  const matcher = new PolicyMatcher(matchable);
  const collector = new TrafficStatsCollector({
    matcher,
    maxFlows: 1_000_000,
    exporters: 256,
    now: () => BENCH_BASE_MS,
  });
  const record = createFlowRecord();
  for (let i = 0; i < BENCH_FLOWS; i++) {
    source.fill(i, record);
    collector.ingest(record, record.lastMs);
  }
  if (collector.status().liveFlows !== BENCH_FLOWS) throw new Error("expected every bench flow live");
  // The draft: priorities reversed, one policy in ten disabled, so a good share of flows move.
  const draft = matchable.map((p, i) => ({
    ...p,
    priority: 1000 - p.priority,
    enabled: i % 10 === 0 ? false : p.enabled,
  }));
  const preview = createPreviewHandler(collector);

  // The baseline classifies ready-made records, so that it times the matcher and nothing else.
  const records = Array.from({ length: BENCH_FLOWS }, (_, i) => {
    const r = createFlowRecord();
    source.fill(i, r);
    return r;
  });
  let baseline = Infinity;
  let total = Infinity;
  let compile = Infinity;
  let copy = Infinity;
  const stall = { wall: 0, cpu: 0 };
  let moved = 0;
  let slices = 0;
  let sink = 0;
  // Round 0 warms the JIT up and is not counted: the collector is a long-running process.
  for (let round = 0; round <= ROUNDS; round++) {
    let start = performance.now();
    for (const r of records) sink += matcher.match(r);
    const classify = performance.now() - start;
    start = performance.now();
    keep(new PolicyMatcher(draft));
    const compiled = performance.now() - start;
    start = performance.now();
    keep(collector.liveFlows());
    const copied = performance.now() - start;

    const probe = startStallProbe();
    start = performance.now();
    const answer = await preview({ policies: draft, top: 10 });
    const took = performance.now() - start;
    const longest = probe.stop();
    if (round === 0) continue;
    baseline = Math.min(baseline, classify);
    compile = Math.min(compile, compiled);
    copy = Math.min(copy, copied);
    total = Math.min(total, took);
    stall.wall = Math.max(stall.wall, longest.wall);
    stall.cpu = Math.max(stall.cpu, longest.cpu);
    moved = answer.flows_moved;
    slices = answer.slices;
  }
  keep(sink);
  report(
    `preview: ${policies.length} policies, ${BENCH_FLOWS / 1000}k flows (baseline: classify them once)`,
    total,
    baseline,
    "ms",
    "< 250 ms",
  );
  console.log(
    `  ${moved} flows moved; best of ${ROUNDS}: compiling the draft ${compile.toFixed(1)} ms, copying the flows ` +
      `${copy.toFixed(1)} ms, evaluation in ${slices + 1} slices`,
  );
  const buffer = loadEnv({}).PATRONUS_FLOW_RCVBUF;
  for (const rate of DATAGRAMS_PER_SECOND) {
    const lastsMs = (buffer / CHARGE_PER_DATAGRAM / rate) * 1000;
    for (const clock of ["wall", "cpu"] as const)
      report(
        `  longest stall, ${clock} (max of ${ROUNDS}) vs ${buffer >> 20} MiB buffer at ${rate / 1000}k dgram/s`,
        stall[clock],
        lastsMs,
        "ms",
        "< 1",
      );
  }
  console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores while measuring`);
}

/**
 * The longest gap between turns of the event loop while it runs, timed by a setImmediate chain: in wall
 * time, and in the process's CPU time (on a loaded machine the wall gap also holds the time the OS ran
 * someone else, which no code of ours can shorten).
 */
function startStallProbe(): { stop(): { wall: number; cpu: number } } {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = { wall: performance.now(), cpu: cpuMs() };
  const longest = { wall: 0, cpu: 0 };
  let timer: NodeJS.Immediate;
  const tick = () => {
    const now = { wall: performance.now(), cpu: cpuMs() };
    longest.wall = Math.max(longest.wall, now.wall - last.wall);
    longest.cpu = Math.max(longest.cpu, now.cpu - last.cpu);
    last = now;
    timer = setImmediate(tick);
  };
  timer = setImmediate(tick);
  return {
    stop() {
      clearImmediate(timer);
      tick();
      clearImmediate(timer);
      return longest;
    },
  };
}
