import { createSocket } from "node:dgram";
import { networkInterfaces } from "node:os";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { loadEnv } from "./env";
import { createDataDir, testEnv, testSecret } from "./testing/harness";

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

/** This host's first address other than loopback: a scraper there is "another host" to the collector. */
function outsideAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a?.family === "IPv4" && !a.internal)?.address;
  if (!address) throw new Error("this test needs a network interface with an IPv4 address other than loopback");
  return address;
}

describe("the collector's /metrics for a Prometheus on another host", () => {
  const token = "collector-metrics-token-0123";

  it("is served on PATRONUS_METRICS_BIND to whoever presents the token, from a non-loopback address", async () => {
    const address = outsideAddress();
    await start({ PATRONUS_METRICS_TOKEN: token, PATRONUS_METRICS_BIND: address, PATRONUS_METRICS_PORT: "0" });
    const url = running!.metricsUrl!;
    expect(new URL(url).hostname).toBe(address);

    const without = await fetch(`${url}/metrics`);
    const withToken = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });

    expect(without.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toMatch(/^patronus_collector_datagrams_total 0$/m);
  });

  it("answers nothing but /metrics there: the control interface stays on loopback", async () => {
    await start({ PATRONUS_METRICS_TOKEN: token, PATRONUS_METRICS_BIND: outsideAddress(), PATRONUS_METRICS_PORT: "0" });

    const stats = await fetch(`${running!.metricsUrl!}/stats`, { headers: { authorization: `Bearer ${testSecret}` } });

    expect(stats.status).toBe(404);
  });

  it("refuses a non-loopback PATRONUS_METRICS_BIND without PATRONUS_METRICS_TOKEN, naming both", () => {
    expect(() => loadEnv({ PATRONUS_METRICS_BIND: "0.0.0.0" })).toThrow(
      /PATRONUS_METRICS_BIND: .*needs PATRONUS_METRICS_TOKEN/,
    );
    expect(loadEnv({ PATRONUS_METRICS_BIND: "127.0.0.1" }).PATRONUS_METRICS_BIND).toBe("127.0.0.1");
  });

  it("has no listener of its own unless PATRONUS_METRICS_BIND is set", async () => {
    await start({ PATRONUS_METRICS_TOKEN: token });

    expect(running!.metricsUrl).toBeUndefined();
  });
});
