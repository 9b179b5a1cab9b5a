import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FlowRecord } from "../../flows/flow-record";
import { flowKey, type FlowKeyInput } from "../match/flow-key";
import { PolicyMatcher, UNMATCHED_POLICY_ID, type PolicyClassifier } from "../match/policy-matcher";
import { TrafficStatsCollector, type PolicyStats } from "./traffic-stats-collector";

const T0 = 1_700_000_000_000;

function setup(
  options: { maxFlows?: number; maxFlowsPerExporter?: number; exporters?: number; matcher?: PolicyClassifier } = {},
) {
  const clock = { now: T0 };
  const collector = new TrafficStatsCollector({ now: () => clock.now, ...options });
  return { clock, collector };
}

function flow(i: number, extra: Partial<FlowKeyInput> = {}): FlowRecord {
  return flowKey({ src: `10.0.0.${i}`, dst: "192.168.1.1", srcPort: 40000 + i, dstPort: 443, protocol: 6, ...extra });
}

function record(f: FlowRecord, packets: number, bytes: number): FlowRecord {
  f.packets = packets;
  f.bytes = bytes;
  return f;
}

describe("TrafficStatsCollector", () => {
  // The basic counting and expiry cases, with an injected clock.
  it("counts three packets of one flow as 3 packets, 4500 bytes and 1 active flow", () => {
    const { collector } = setup();
    const f = flow(1);
    for (const size of [1500, 1400, 1600]) collector.recordPacket(1, f, size);
    expect(collector.getPolicyStats(1)).toMatchObject({
      policy_id: 1,
      packets_matched: 3,
      bytes_matched: 4500,
      active_flows: 1,
    });
  });

  it("keeps separate counts for two policies", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 200);
    collector.recordPacket(2, flow(3), 300);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 1, bytes_matched: 100, active_flows: 1 });
    expect(collector.getPolicyStats(2)).toMatchObject({ packets_matched: 2, bytes_matched: 500, active_flows: 2 });
  });

  it("cleans up exactly the flows idle for longer than the timeout and updates active_flows", () => {
    const { clock, collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    clock.now += 30_000;
    collector.recordPacket(1, flow(2), 100);
    clock.now += 30_000;
    const removed = collector.cleanupStaleFlows(30_000);
    expect(removed).toBe(1);
    expect(collector.getPolicyStats(1)).toMatchObject({ active_flows: 1, packets_matched: 2 });
    expect(collector.topFlows(1, 10).map((f) => f.key.src_addr)).toEqual(["10.0.0.2"]);
  });

  it("resetting one policy zeroes its counters and leaves the other's", () => {
    const { clock, collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 200);
    clock.now += 5_000;
    expect(collector.resetPolicyStats(1)).toBe(true);
    expect(collector.getPolicyStats(1)).toEqual({
      policy_id: 1,
      packets_matched: 0,
      bytes_matched: 0,
      active_flows: 1,
      first_seen: clock.now,
      last_updated: clock.now,
    });
    expect(collector.getPolicyStats(2)).toMatchObject({ packets_matched: 1, bytes_matched: 200 });
  });

  it("resetting all statistics zeroes every counter but keeps live flows counted as active", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 200);
    collector.resetStats();
    expect(collector.totals()).toEqual({ packets: 0, bytes: 0, active_flows: 2 });
    expect(collector.topFlows(2, 1)[0]).toMatchObject({ packets: 0, bytes: 0 });
  });

  it("totals add up every policy, the unmatched bucket included", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 200);
    collector.recordPacket(UNMATCHED_POLICY_ID, flow(3), 50);
    expect(collector.totals()).toEqual({ packets: 3, bytes: 350, active_flows: 3 });
  });

  it("returns undefined for a policy that has seen no traffic", () => {
    expect(setup().collector.getPolicyStats(42)).toBeUndefined();
  });

  it("getPolicyStats refreshes the policy's one view object in place rather than allocating", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    const first = collector.getPolicyStats(1);
    const copy = { ...first };
    collector.recordPacket(1, flow(1), 100);
    expect(collector.getPolicyStats(1)).toBe(first);
    expect([copy.packets_matched, first?.packets_matched]).toEqual([1, 2]);
  });

  it("always lists the unmatched bucket, first", () => {
    const { collector } = setup();
    collector.recordPacket(5, flow(1), 100);
    expect(collector.getAllPolicyStats().map((s) => s.policy_id)).toEqual([UNMATCHED_POLICY_ID, 5]);
  });

  it("counts records of flows no policy matches under the unmatched bucket", () => {
    const matcher = new PolicyMatcher([
      { policy_id: 1, priority: 1, enabled: true, match_rules: { destination_ports: [{ from: 53, to: 53 }] } },
    ]);
    const { collector } = setup({ matcher });
    collector.ingest(record(flow(1), 10, 1000), T0);
    collector.ingest(record(flow(2, { dstPort: 53 }), 1, 80), T0);
    expect(collector.getPolicyStats(UNMATCHED_POLICY_ID)).toMatchObject({
      packets_matched: 10,
      bytes_matched: 1000,
      active_flows: 1,
    });
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 1, bytes_matched: 80, active_flows: 1 });
  });

  it("classifies a flow once, by its first record", () => {
    let calls = 0;
    const { collector } = setup({ matcher: { match: () => (calls++, 7) } });
    const f = flow(1);
    for (let i = 0; i < 3; i++) collector.ingest(record(f, 1, 100), T0 + i);
    expect(calls).toBe(1);
    expect(collector.getPolicyStats(7)).toMatchObject({
      packets_matched: 3,
      active_flows: 1,
      first_seen: T0,
      last_updated: T0 + 2,
    });
  });

  it("re-classifies a live flow on its next record after setMatcher, moving its active count", () => {
    const { collector } = setup({ matcher: { match: () => 1 } });
    const f = flow(1);
    collector.ingest(record(f, 1, 100), T0);
    collector.setMatcher({ match: () => 2 });
    expect(collector.getPolicyStats(1)).toMatchObject({ active_flows: 1 });
    collector.ingest(record(f, 1, 100), T0 + 1);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 1, active_flows: 0 });
    expect(collector.getPolicyStats(2)).toMatchObject({ packets_matched: 1, active_flows: 1 });
  });

  it("moves a flow recorded under another policy, keeping active_flows exact", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(1), 100);
    expect([collector.getPolicyStats(1)?.active_flows, collector.getPolicyStats(2)?.active_flows]).toEqual([0, 1]);
  });

  it("tracks IPv6 flows apart from IPv4 flows and shows their addresses", () => {
    const { collector } = setup();
    const v6 = flowKey({ src: "2001:db8::1", dst: "2001:db8:0:0:1::2", srcPort: 1000, dstPort: 443, protocol: 6 });
    collector.recordPacket(1, v6, 1200);
    collector.recordPacket(1, v6, 1200);
    collector.recordPacket(1, flow(1), 100);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 3, active_flows: 2 });
    expect(collector.topFlows(1, 1)[0]).toMatchObject({
      key: { src_addr: "2001:db8::1", dst_addr: "2001:db8::1:0:0:2", src_port: 1000, dst_port: 443, protocol: 6 },
      packets: 2,
      bytes: 2400,
    });
  });

  it("evicts the least recently seen flow at the bound, counts it, and keeps active_flows exact", () => {
    const { clock, collector } = setup({ maxFlows: 3 });
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 100);
    collector.recordPacket(2, flow(3), 100);
    clock.now += 1;
    collector.recordPacket(1, flow(1), 100); // flow 1 is now the most recent; flow 2 the least
    collector.recordPacket(1, flow(4), 100);
    expect(collector.status()).toMatchObject({ liveFlows: 3, evictedFlows: 1 });
    expect(collector.getPolicyStats(1)).toMatchObject({ active_flows: 2, packets_matched: 3 });
    expect(collector.getPolicyStats(2)).toMatchObject({ active_flows: 1, packets_matched: 2 });
    expect(collector.topFlows(2, 10).map((f) => f.key.src_addr)).toEqual(["10.0.0.3"]);
  });

  it("keeps another exporter's flows through a flood of new flows from one exporter over its quota", () => {
    const { collector } = setup({ maxFlows: 1000, maxFlowsPerExporter: 500, exporters: 4 });
    for (let i = 0; i < 10; i++) collector.ingest(record(flow(i), 1, 100), T0, 2);
    for (let i = 0; i < 160_000; i++) {
      const spoofed = flowKey({
        src: "192.0.2.1",
        dst: "10.0.0.2",
        srcPort: i % 65536,
        dstPort: i >> 16,
        protocol: 17,
      });
      collector.ingest(record(spoofed, 1, 60), T0, 1);
    }
    for (let i = 0; i < 10; i++) collector.ingest(record(flow(i), 1, 100), T0, 2);

    expect(collector.status()).toMatchObject({ liveFlows: 510, evictedFlows: 159_500, maxFlowsPerExporter: 500 });
    expect(collector.getPolicyStats(UNMATCHED_POLICY_ID)).toMatchObject({
      active_flows: 510,
      packets_matched: 160_020,
    });
    expect(collector.exporterFlows(2)).toBe(10);
  });

  it("evicts from the exporter holding the most flows when the table is full", () => {
    const { clock, collector } = setup({ maxFlows: 1000, exporters: 3 });
    for (let i = 0; i < 600; i++)
      collector.ingest(
        record(flowKey({ src: "10.1.0.1", dst: "10.9.0.1", srcPort: i, dstPort: 1, protocol: 6 }), 1, 1),
        T0,
        1,
      );
    clock.now += 1;
    for (let i = 0; i < 500; i++)
      collector.ingest(
        record(flowKey({ src: "10.2.0.1", dst: "10.9.0.1", srcPort: i, dstPort: 1, protocol: 6 }), 1, 1),
        T0 + 1,
        2,
      );

    expect([collector.exporterFlows(1), collector.exporterFlows(2), collector.status().evictedFlows]).toEqual([
      500, 500, 100,
    ]);
  });

  it("bounds memory under a flood of new flows", () => {
    const { collector } = setup({ maxFlows: 1000 });
    for (let i = 0; i < 20_000; i++)
      collector.recordFlow(
        1,
        flowKey({ src: "10.0.0.1", dst: "10.0.0.2", srcPort: i % 65536, dstPort: i >> 16, protocol: 17 }),
        1,
        60,
        T0,
      );
    expect(collector.status()).toMatchObject({ liveFlows: 1000, evictedFlows: 19_000, flowCells: 2048 });
    expect(collector.getPolicyStats(1)).toMatchObject({ active_flows: 1000, packets_matched: 20_000 });
  });

  it("removing a policy drops its counters and its flows", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 100);
    expect(collector.removePolicy(1)).toBe(true);
    expect(collector.getPolicyStats(1)).toBeUndefined();
    expect(collector.totals()).toEqual({ packets: 1, bytes: 100, active_flows: 1 });
  });

  it("counts a removed policy's flow as new when its traffic returns", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.removePolicy(1);
    collector.recordPacket(1, flow(1), 100);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 1, active_flows: 1 });
  });

  it("restores counters from a snapshot and adds new traffic to them", () => {
    const { collector } = setup();
    collector.restore(3, {
      packets_matched: 1000,
      bytes_matched: 64_000,
      first_seen: T0 - 86_400_000,
      last_updated: T0 - 60_000,
    });
    collector.recordPacket(3, flow(1), 100);
    expect(collector.getPolicyStats(3)).toEqual({
      policy_id: 3,
      packets_matched: 1001,
      bytes_matched: 64_100,
      active_flows: 1,
      first_seen: T0 - 86_400_000,
      last_updated: T0,
    });
  });

  it("does not report a restored policy as changed until traffic changes it", () => {
    const { collector } = setup();
    collector.takeDirty();
    collector.restore(3, { packets_matched: 1000, bytes_matched: 64_000 });
    expect(collector.takeDirty()).toEqual([]);
    collector.recordPacket(3, flow(1), 100);
    expect(collector.takeDirty().map((s) => s.policy_id)).toEqual([3]);
  });

  it("takeDirty returns only the policies whose counters changed since the previous call", () => {
    const { collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.recordPacket(2, flow(2), 100);
    expect(collector.takeDirty().map((s) => s.policy_id)).toEqual([UNMATCHED_POLICY_ID, 1, 2]);
    collector.recordPacket(2, flow(2), 100);
    expect(collector.takeDirty()).toMatchObject([{ policy_id: 2, packets_matched: 2 }]);
    expect(collector.takeDirty()).toEqual([]);
  });

  it("reports a policy as changed when only its active flow count drops", () => {
    const { clock, collector } = setup();
    collector.recordPacket(1, flow(1), 100);
    collector.takeDirty();
    clock.now += 60_000;
    collector.cleanupStaleFlows(30_000);
    expect(collector.takeDirty()).toMatchObject([{ policy_id: 1, active_flows: 0 }]);
  });

  it("changedSince lets a writer retry from its last successful cursor", () => {
    const { collector } = setup();
    const start = collector.changedSince(0).cursor;
    collector.recordPacket(1, flow(1), 100);
    const failedWrite = collector.changedSince(start);
    collector.recordPacket(2, flow(2), 100);
    expect(collector.changedSince(start).stats.map((s) => s.policy_id)).toEqual([1, 2]);
    expect(collector.changedSince(failedWrite.cursor).stats.map((s) => s.policy_id)).toEqual([2]);
  });

  it("lists a policy's top flows by bytes", () => {
    const { collector } = setup();
    collector.recordFlow(1, flow(1), 1, 100, T0);
    collector.recordFlow(1, flow(2), 1, 900, T0);
    collector.recordFlow(1, flow(3), 1, 500, T0);
    collector.recordFlow(2, flow(4), 1, 5000, T0);
    expect(collector.topFlows(1, 2).map((f) => [f.key.src_addr, f.bytes])).toEqual([
      ["10.0.0.2", 900],
      ["10.0.0.3", 500],
    ]);
  });

  it("behaves like a plain reference model under random ingest, cleanup, reset, removal and matcher changes", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 10, maxLength: 120, size: "max" }),
        fc.constantFrom(3, 6, 50),
        fc.constantFrom(2, 4, 50),
        runModel,
      ),
      {
        numRuns: 150,
      },
    );
  });
});

// The reference model: Maps and arrays, no cleverness.
const keys = [
  ...Array.from({ length: 8 }, (_, i) => flow(i, { dstPort: 80 + (i % 3) })),
  ...Array.from({ length: 4 }, (_, i) =>
    flowKey({ src: `2001:db8::${i + 1}`, dst: "2001:db8::ff", srcPort: 5000 + i, dstPort: 80 + (i % 3), protocol: 17 }),
  ),
];
const matchers: PolicyClassifier[] = [
  { match: (r) => r.dstPort - 80 }, // policies 0 (unmatched), 1 and 2
  { match: (r) => (r.srcPort % 2) + 2 }, // policies 2 and 3
  { match: () => 4 },
];

type Op =
  | { kind: "ingest"; key: number; packets: number; bytes: number; lateBy: number; exporter: number }
  | { kind: "advance"; ms: number }
  | { kind: "cleanup"; timeout: number }
  | { kind: "reset"; policy: number }
  | { kind: "remove"; policy: number }
  | { kind: "matcher"; index: number };

const policyIdArb = fc.integer({ min: 0, max: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("ingest" as const),
      key: fc.nat(keys.length - 1),
      exporter: fc.nat(2),
      packets: fc.nat(5),
      bytes: fc.nat(3000),
      // Now and then a record stamped in the past, as a replayed or delayed datagram would be.
      lateBy: fc.oneof(
        { arbitrary: fc.constant(0), weight: 9 },
        { arbitrary: fc.integer({ min: 1, max: 50_000 }), weight: 1 },
      ),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("cleanup" as const), timeout: fc.integer({ min: 0, max: 60_000 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("reset" as const), policy: policyIdArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("remove" as const), policy: policyIdArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("matcher" as const), index: fc.nat(matchers.length - 1) }), weight: 1 },
);

interface ModelFlow {
  key: number;
  exporter: number;
  policy: number;
  generation: number;
  packets: number;
  bytes: number;
  first: number;
  last: number;
  touched: number;
}

function runModel(ops: Op[], maxFlows: number, maxFlowsPerExporter: number): void {
  let now = T0;
  const collector = new TrafficStatsCollector({
    now: () => now,
    maxFlows,
    maxFlowsPerExporter,
    exporters: 3,
    matcher: matchers[0],
  });
  let matcher = matchers[0]!;
  let generation = 0;
  let touches = 0;
  let evicted = 0;
  const flows = new Map<number, ModelFlow>();
  const policies = new Map<number, { packets: number; bytes: number; first: number; last: number }>([
    [UNMATCHED_POLICY_ID, { packets: 0, bytes: 0, first: T0, last: T0 }],
  ]);
  const policyFor = (id: number, at: number) => {
    if (!policies.has(id)) policies.set(id, { packets: 0, bytes: 0, first: at, last: at });
    return policies.get(id)!;
  };
  const zero = (id: number) => Object.assign(policies.get(id)!, { packets: 0, bytes: 0, first: now, last: now });

  for (const op of ops) {
    switch (op.kind) {
      case "ingest": {
        const r = record(keys[op.key]!, op.packets, op.bytes);
        const at = now - op.lateBy;
        collector.ingest(r, at, op.exporter);
        let f = flows.get(op.key);
        if (f === undefined) {
          const policy = matcher.match(r);
          policyFor(policy, at);
          // The rule: over its quota, an exporter loses its own oldest flow; in a full table, the
          // exporter with the most flows (lowest id among equals) loses its oldest.
          const held = (e: number) => [...flows.values()].filter((x) => x.exporter === e);
          let victim = -1;
          if (held(op.exporter).length >= Math.min(maxFlowsPerExporter, maxFlows)) victim = op.exporter;
          else if (flows.size === maxFlows)
            victim = [0, 1, 2].reduce((a, b) => (held(b).length > held(a).length ? b : a));
          if (victim >= 0) {
            const oldest = held(victim).reduce((a, b) => (a.touched < b.touched ? a : b));
            flows.delete(oldest.key);
            evicted++;
          }
          f = {
            key: op.key,
            exporter: op.exporter,
            policy,
            generation,
            packets: 0,
            bytes: 0,
            first: at,
            last: at,
            touched: 0,
          };
          flows.set(op.key, f);
        } else if (f.generation !== generation) {
          f.policy = matcher.match(r);
          f.generation = generation;
          policyFor(f.policy, at);
        }
        f.touched = ++touches;
        f.packets += op.packets;
        f.bytes += op.bytes;
        f.last = Math.max(f.last, at);
        const p = policies.get(f.policy)!;
        p.packets += op.packets;
        p.bytes += op.bytes;
        p.last = Math.max(p.last, at);
        break;
      }
      case "advance":
        now += op.ms;
        break;
      case "cleanup": {
        const stale = [...flows.values()].filter((f) => now - f.last > op.timeout);
        for (const f of stale) flows.delete(f.key);
        expect(collector.cleanupStaleFlows(op.timeout)).toBe(stale.length);
        break;
      }
      case "reset":
        collector.resetPolicyStats(op.policy);
        if (policies.has(op.policy)) {
          zero(op.policy);
          for (const f of flows.values()) if (f.policy === op.policy) Object.assign(f, { packets: 0, bytes: 0 });
        }
        break;
      case "remove":
        collector.removePolicy(op.policy);
        for (const f of [...flows.values()]) if (f.policy === op.policy) flows.delete(f.key);
        if (op.policy === UNMATCHED_POLICY_ID) zero(op.policy);
        else policies.delete(op.policy);
        break;
      case "matcher":
        matcher = matchers[op.index]!;
        generation++;
        collector.setMatcher(matcher);
        break;
    }

    const expected: PolicyStats[] = [...policies.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, p]) => ({
        policy_id: id,
        packets_matched: p.packets,
        bytes_matched: p.bytes,
        active_flows: [...flows.values()].filter((f) => f.policy === id).length,
        first_seen: p.first,
        last_updated: p.last,
      }));
    const liveFlows = (
      source: {
        policy_id: number;
        key: { src_addr: string; src_port: number };
        packets: number;
        bytes: number;
        first_seen: number;
        last_seen: number;
      }[],
    ) =>
      source
        .map(
          (f) =>
            `${f.policy_id} ${f.key.src_addr}:${f.key.src_port} ${f.packets}/${f.bytes} ${f.first_seen}-${f.last_seen}`,
        )
        .sort();
    const modelFlows = [...flows.values()].map((f) => {
      const k = keys[f.key]!;
      const src = k.ipVersion === 4 ? `10.0.0.${f.key}` : `2001:db8::${f.key - 7}`;
      return {
        policy_id: f.policy,
        key: { src_addr: src, src_port: k.srcPort },
        packets: f.packets,
        bytes: f.bytes,
        first_seen: f.first,
        last_seen: f.last,
      };
    });
    expect({
      stats: collector.getAllPolicyStats(),
      flows: liveFlows(collector.getAllPolicyStats().flatMap((p) => collector.topFlows(p.policy_id, 100))),
      evicted: collector.status().evictedFlows,
      live: collector.totals().active_flows,
    }).toEqual({ stats: expected, flows: liveFlows(modelFlows), evicted, live: flows.size });
  }
}
