import { createSocket } from "node:dgram";
import { CacheRegistry, createMetricsCache } from "@patronus/core/cache";
import { clearCachesEverywhere, createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { createPolicy, deletePolicy } from "@patronus/core/policies";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { createDataDir, flowsInPcap, makePcap, runTool, testEnv, type PcapFlow } from "./testing/harness";

// Rules simple enough to apply by hand to the pcap's flows below: each flow lands in exactly one.
const policies = [
  { name: "voice", priority: 900, match_rules: { dscp: [46], protocols: [17] } },
  { name: "ipv6 lab", priority: 700, match_rules: { source_cidrs: ["2001:db8::/32"] } },
  { name: "dns", priority: 600, match_rules: { destination_ports: [53] } },
  { name: "web", priority: 500, match_rules: { destination_ports: [80, 443], protocols: [6] } },
  { name: "catch-all", priority: 0, match_rules: {} },
];

function expectedPolicy(flow: PcapFlow): string {
  if (flow.dscp === 46 && flow.protocol === 17) return "voice";
  if (flow.v6 && flow.src.startsWith("2001:db8:")) return "ipv6 lab";
  if (flow.dstPort === 53) return "dns";
  if ((flow.dstPort === 80 || flow.dstPort === 443) && flow.protocol === 6) return "web";
  return "catch-all";
}

let data: ReturnType<typeof createDataDir>;
let running: RunningCollector | undefined;
let client: CollectorClient;
const log = () => {};

beforeEach(async () => {
  data = createDataDir(policies);
  const env = testEnv(data.dir);
  running = await startCollector(env, log);
  client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
});
afterEach(async () => {
  await running?.stop();
  data.cleanup();
});

const policyIds = () => new Map(policies.map((p, i) => [p.name, i + 1]));

describe.each([
  ["IPFIX", ["-v", "10", "-A", "milli"]],
  ["NetFlow v9", ["-v", "9"]],
  ["NetFlow v5", ["-v", "5"]],
])("softflowd exporting %s", (_name, versionArgs) => {
  it("yields per-policy packet, byte and flow totals equal to the pcap's own", async () => {
    const pcap = makePcap(data.dir);
    // NetFlow v5 has no IPv6 records, so softflowd leaves those flows out of a v5 export.
    const v5 = versionArgs[1] === "5";
    const flows = flowsInPcap(pcap).filter((f) => !(v5 && f.v6));
    const expected = new Map<number, { packets_matched: number; bytes_matched: number; active_flows: number }>();
    for (const flow of flows) {
      const id = policyIds().get(expectedPolicy(flow))!;
      const e = expected.get(id) ?? { packets_matched: 0, bytes_matched: 0, active_flows: 0 };
      e.packets_matched += flow.packets;
      e.bytes_matched += flow.bytes;
      e.active_flows += 1;
      expected.set(id, e);
    }

    runTool("softflowd", "softflowd", ["-r", pcap, "-n", running!.flowAddress, ...versionArgs, "-a"]);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(flows.length), {
      timeout: 10_000,
    });

    const live = await client.stats();
    const counted = new Map(
      live.policies
        .filter((p) => p.packets_matched > 0)
        .map((p) => [
          p.policy_id,
          { packets_matched: p.packets_matched, bytes_matched: p.bytes_matched, active_flows: p.active_flows },
        ]),
    );
    expect(counted).toEqual(expected);
    expect(expected.size).toBe(v5 ? 4 : 5); // every policy gets traffic (the IPv6 one but in v5)
    expect(live.totals.packets).toBe(flows.reduce((sum, f) => sum + f.packets, 0));
  });
});

describe("the collector", () => {
  function send(packet: Uint8Array): void {
    const socket = createSocket("udp4");
    const [host, port] = [running!.flowAddress.split(":")[0]!, Number(running!.flowAddress.split(":")[1])];
    socket.send(packet, port, host, () => socket.close());
  }
  const webFlow = {
    src: "10.0.0.1",
    dst: "192.0.2.1",
    srcPort: 40000,
    dstPort: 443,
    protocol: 6,
    packets: 10,
    bytes: 5000,
  };

  it("counts garbage and truncated datagrams as malformed and keeps counting the valid ones around them", async () => {
    const valid = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])],
    });
    send(Uint8Array.from([0, 10, 0, 200, 1, 2, 3]));
    send(valid.subarray(0, valid.length - 7));
    send(Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
    send(valid);

    await vi.waitFor(async () => expect((await client.status()).datagrams_received).toBe(4), { timeout: 5_000 });
    const status = await client.status();
    expect(status.malformed_packets + status.unsupported_version).toBe(3);
    expect(await client.policyStats(4)).toMatchObject({ packets_matched: 10, bytes_matched: 5000, active_flows: 1 });
  });

  it("picks up a policy added through the database without a restart", async () => {
    createPolicy(data.db, { name: "https only", priority: 800, match_rules: { destination_ports: [443] } });

    await vi.waitFor(() => expect(running!.collector.status().matcherGeneration).toBeGreaterThan(1), {
      timeout: 10_000,
    });
    send(
      buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])] }),
    );

    await vi.waitFor(async () => expect(await client.policyStats(6)).toMatchObject({ packets_matched: 10 }), {
      timeout: 5_000,
    });
  });

  it("drops a deleted policy's live counters", async () => {
    send(
      buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])] }),
    );
    await vi.waitFor(async () => expect(await client.policyStats(4)).toMatchObject({ packets_matched: 10 }), {
      timeout: 5_000,
    });

    deletePolicy(data.db, { policyId: 4 });

    await vi.waitFor(async () => expect(await client.policyStats(4)).toBeNull(), { timeout: 10_000 });
  });

  it("reports its exporter_verdicts cache, and clearing all caches empties it and the web's, counting both", async () => {
    send(
      buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])] }),
    );
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(1), { timeout: 5_000 });
    expect(await client.cacheStats()).toEqual([
      expect.objectContaining({ name: "exporter_verdicts", entries: 1, misses: 1 }),
    ]);
    const local = new CacheRegistry();
    const cache = local.register("path_metrics", createMetricsCache());
    cache.insert(1, {
      path_id: 1,
      timestamp: 0,
      latency_ms: 1,
      jitter_ms: 0,
      packet_loss_pct: 0,
      bandwidth_mbps: 1,
      mtu: 1500,
      score: 99,
    });
    cache.insert(2, {
      path_id: 2,
      timestamp: 0,
      latency_ms: 1,
      jitter_ms: 0,
      packet_loss_pct: 0,
      bandwidth_mbps: 1,
      mtu: 1500,
      score: 99,
    });

    expect(await clearCachesEverywhere(local, client)).toEqual({ cleared_entries: 3, collector_reached: true });
    expect(cache.stats().entries).toBe(0);
    expect((await client.cacheStats())[0]).toMatchObject({ name: "exporter_verdicts", entries: 0 });
  });

  it("refuses a control request without the shared secret", async () => {
    const intruder = createCollectorClient({ url: running!.controlUrl, secret: "wrong-secret-wrong-secret" });
    await expect(intruder.stats()).rejects.toThrow(/401/);
  });
});
