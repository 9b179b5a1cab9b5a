import { describe, expect, it } from "vitest";
import type { FlowRecord } from "../../flows/flow-record";
import type { MatchRules } from "../../policies/match-rules";
import { flowKey, type FlowKeyInput } from "../match/flow-key";
import { PolicyMatcher, UNMATCHED_POLICY_ID, type MatchablePolicy } from "../match/policy-matcher";
import { previewMatcher } from "./preview";
import { TrafficStatsCollector } from "./traffic-stats-collector";

const T0 = 1_700_000_000_000;
const policy = (policy_id: number, priority: number, match_rules: MatchRules): MatchablePolicy => ({
  policy_id,
  priority,
  enabled: true,
  match_rules,
});
const catchAll = policy(1, 0, {});
const web = policy(2, 10, { destination_ports: [{ from: 443, to: 443 }] });
const voice = policy(3, 20, { dscp: [46] });

function flow(i: number, extra: Partial<FlowKeyInput> = {}, packets = 10, bytes = 10_000): FlowRecord {
  const r = flowKey({ src: `10.0.0.${i}`, dst: "192.0.2.1", srcPort: 40000 + i, dstPort: 443, protocol: 6, ...extra });
  r.packets = packets;
  r.bytes = bytes;
  return r;
}

function collectorWith(policies: MatchablePolicy[]) {
  const clock = { now: T0 };
  const collector = new TrafficStatsCollector({ now: () => clock.now, matcher: new PolicyMatcher(policies) });
  return { clock, collector };
}

describe("previewMatcher", () => {
  it("reports the flows a draft moves, per (from, to) pair, with rates over each flow's observed span", async () => {
    const { collector } = collectorWith([catchAll]);
    // Flow 1: 10 + 30 packets over 4 s; flow 2: one record (its span counts as 1 s); flow 3 stays.
    collector.ingest(flow(1), T0);
    collector.ingest(flow(1, {}, 30, 30_000), T0 + 4000);
    collector.ingest(flow(2, {}, 5, 2_000), T0);
    collector.ingest(flow(3, { dstPort: 22 }), T0);

    const preview = await previewMatcher(collector.liveFlows(), new PolicyMatcher([catchAll, web]));

    expect(preview).toMatchObject({
      flows_considered: 3,
      flows_moved: 2,
      packets_per_second_moved: 40 / 4 + 5,
      bits_per_second_moved: (40_000 * 8) / 4 + 2_000 * 8,
      packets_per_second_total: 40 / 4 + 5 + 10,
      moves: [{ from_policy_id: 1, to_policy_id: 2, flows: 2, packets_per_second: 15, bits_per_second: 96_000 }],
    });
    expect(preview.top_flows.map((f) => [f.key.src_addr, f.bits_per_second])).toEqual([
      ["10.0.0.1", 80_000],
      ["10.0.0.2", 16_000],
    ]);
  });

  it("judges each flow by the DSCP of the record that classified it", async () => {
    const { collector } = collectorWith([catchAll]);
    collector.ingest(flow(1, { dscp: 46 }), T0);
    collector.ingest(flow(2, { dscp: 0 }), T0);

    const preview = await previewMatcher(collector.liveFlows(), new PolicyMatcher([catchAll, voice]));

    expect(preview.top_flows.map((f) => [f.key.src_addr, f.dscp, f.from_policy_id, f.to_policy_id])).toEqual([
      ["10.0.0.1", 46, 1, 3],
    ]);
  });

  it("moves no counter: after a preview the policies' counters and flows are as before, and traffic counts as before", async () => {
    const { collector } = collectorWith([catchAll]);
    for (let i = 1; i <= 20; i++) collector.ingest(flow(i), T0);
    const before = { stats: collector.getAllPolicyStats(), flows: collector.topFlows(1, 100) };

    await previewMatcher(collector.liveFlows(), new PolicyMatcher([web]));
    expect({ stats: collector.getAllPolicyStats(), flows: collector.topFlows(1, 100) }).toEqual(before);

    collector.ingest(flow(1), T0 + 1000);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 210, active_flows: 20 });
    expect(collector.getPolicyStats(2)).toBeUndefined();
  });

  it("counts a flow to a policy the draft drops as moving to unmatched traffic", async () => {
    const { collector } = collectorWith([web]);
    collector.ingest(flow(1), T0);

    const preview = await previewMatcher(collector.liveFlows(), new PolicyMatcher([]));

    expect(preview.moves).toEqual([expect.objectContaining({ from_policy_id: 2, to_policy_id: UNMATCHED_POLICY_ID })]);
  });

  it("judges a flow classified before the last matcher change by the current matcher, as its next record will be", async () => {
    const { collector } = collectorWith([catchAll]);
    collector.ingest(flow(1), T0);
    collector.setMatcher(new PolicyMatcher([catchAll, web]));

    const unchanged = await previewMatcher(collector.liveFlows(), new PolicyMatcher([catchAll, web]));
    const back = await previewMatcher(collector.liveFlows(), new PolicyMatcher([catchAll]));

    expect(unchanged.flows_moved).toBe(0);
    expect(back.moves).toEqual([expect.objectContaining({ from_policy_id: 2, to_policy_id: 1, flows: 1 })]);
  });

  it("reads IPv6 flows' addresses back as the exporter sent them", async () => {
    const { collector } = collectorWith([catchAll]);
    collector.ingest(flow(1, { src: "2001:db8::1", dst: "2001:db8:ffff::2" }), T0);

    const preview = await previewMatcher(collector.liveFlows(), new PolicyMatcher([web]));

    expect(preview.top_flows[0]?.key).toEqual({
      src_addr: "2001:db8::1",
      dst_addr: "2001:db8:ffff::2",
      src_port: 40001,
      dst_port: 443,
      protocol: 6,
    });
  });

  it("lists at most `top` moved flows, the highest bit rate first", async () => {
    const { collector } = collectorWith([catchAll]);
    for (let i = 1; i <= 30; i++) collector.ingest(flow(i, {}, 1, ((i * 7) % 30) * 100 + 100), T0);

    const preview = await previewMatcher(collector.liveFlows(), new PolicyMatcher([web]), { top: 5 });

    const rates = preview.top_flows.map((f) => f.bits_per_second);
    expect(rates).toEqual([30, 29, 28, 27, 26].map((n) => n * 100 * 8));
  });

  it("yields to the event loop whenever a slice outlasts sliceMs, and counts the flows as they were when it began", async () => {
    const { collector } = collectorWith([catchAll]);
    for (let i = 0; i < 3000; i++) collector.ingest(flow(i, { src: `10.1.${i >> 8}.${i & 255}` }), T0);
    const live = collector.liveFlows();
    let time = 0;
    let yields = 0;

    const preview = await previewMatcher(live, new PolicyMatcher([web]), {
      sliceMs: 5,
      // Each look at the clock finds 10 ms gone: every chunk ends its slice.
      clock: () => (time += 10),
      yieldToLoop: async () => {
        yields++;
        // What the receive loop does meanwhile: new flows, a reset. The preview reads its copy.
        collector.ingest(flow(yields, { src: `10.2.0.${yields}` }), T0);
        collector.resetStats();
      },
    });

    expect({
      yields,
      slices: preview.slices,
      considered: preview.flows_considered,
      moved: preview.flows_moved,
    }).toEqual({ yields: 2, slices: 2, considered: 3000, moved: 3000 });
    expect(preview.bits_per_second_moved).toBe(3000 * 10_000 * 8);
  });
});
