import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { createDataDir, testEnv } from "./testing/harness";

let data: ReturnType<typeof createDataDir>;
let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  data.cleanup();
});

async function start(overrides: Record<string, string> = {}): Promise<RunningCollector> {
  data = createDataDir([
    { name: "web", priority: 500, match_rules: { destination_ports: [443] } },
    { name: "rest", priority: 0, match_rules: {} },
  ]);
  // Snapshots only when the test takes one.
  running = await startCollector(
    testEnv(data.dir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "3600000", ...overrides }),
    () => {},
  );
  return running;
}

function send(packet: Uint8Array): void {
  const socket = createSocket("udp4");
  const [host, port] = running!.flowAddress.split(":") as [string, string];
  socket.send(packet, Number(port), host, () => socket.close());
}

/** Every sample of a scrape by series and labels, as Prometheus would read them. */
async function scrape(headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const response = await fetch(`${running!.controlUrl}/metrics`, { headers });
  expect(response.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
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

describe("the collector's /metrics", () => {
  it("moves the datagram, record, malformed and per-policy counters as flows arrive, without the control secret", async () => {
    await start();
    const before = await scrape();

    const valid = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])],
    });
    send(valid);
    // Shorter than its header says: malformed.
    send(valid.subarray(0, valid.length - 7));
    await vi.waitFor(async () => expect((await scrape()).get("patronus_collector_datagrams_total")).toBe(2), {
      timeout: 5_000,
    });

    const after = await scrape();
    expect(before.get("patronus_collector_datagrams_total")).toBe(0);
    expect(after.get("patronus_collector_records_total")).toBe(1);
    expect(after.get("patronus_collector_malformed_datagrams_total")).toBe(1);
    expect(after.get("patronus_collector_live_flows")).toBe(1);
    expect(after.get('patronus_collector_policy_packets_total{policy_id="1"}')).toBe(10);
    expect(after.get('patronus_collector_policy_bytes_total{policy_id="1"}')).toBe(5000);
  });

  it("observes each snapshot's duration and shows when it was taken", async () => {
    const collector = await start();
    const before = await scrape();

    collector.snapshot();
    collector.snapshot();

    const after = await scrape();
    expect(before.get("patronus_collector_snapshot_duration_seconds_count")).toBe(0);
    expect(after.get("patronus_collector_snapshot_duration_seconds_count")).toBe(2);
    expect(after.get("patronus_collector_last_snapshot_timestamp_seconds")).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(after.get("patronus_collector_snapshot_failures_total")).toBe(0);
  });

  it("asks for PATRONUS_METRICS_TOKEN when it is set: 401 without it, 200 with it", async () => {
    await start({ PATRONUS_METRICS_TOKEN: "collector-metrics-token-0123" });

    const without = await fetch(`${running!.controlUrl}/metrics`);
    const samples = await scrape({ authorization: "Bearer collector-metrics-token-0123" });

    expect(without.status).toBe(401);
    expect(await without.json()).toEqual({ error: "metrics need the bearer token (PATRONUS_METRICS_TOKEN)" });
    expect(samples.get("patronus_collector_datagrams_total")).toBe(0);
  });
});
