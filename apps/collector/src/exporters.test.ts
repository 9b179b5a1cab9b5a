import { createSocket } from "node:dgram";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE } from "@patronus/core/flows";
import { addEndpoint, createSite } from "@patronus/core/sites";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { loadEnv } from "./env";
import { createDataDir, testEnv } from "./testing/harness";

// Every 127.x address is loopback, which the production default admits; these tests turn loopback off
// (PATRONUS_FLOW_ALLOW_LOOPBACK=0) so that one loopback address can play a known exporter and another a
// stranger, with real datagrams from real sockets bound to each.
const webFlow = {
  src: "10.0.0.1",
  dst: "192.0.2.1",
  srcPort: 40000,
  dstPort: 443,
  protocol: 6,
  packets: 10,
  bytes: 5000,
};
const packet = buildIpfixPacket({
  templates: [IPFIX_IPV4_TEMPLATE],
  dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [webFlow])],
});

function sendFrom(source: string, port: number, bytes: Uint8Array = packet): Promise<void> {
  const socket = createSocket("udp4");
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, source, () => socket.send(bytes, port, "127.0.0.1", () => socket.close(() => resolve())));
  });
}

let data: ReturnType<typeof createDataDir> | undefined;
let running: RunningCollector | undefined;
let client: CollectorClient;
let port: number;

async function start(overrides: Record<string, string>): Promise<ReturnType<typeof createDataDir>> {
  const dir = createDataDir([{ name: "web", priority: 500, match_rules: { destination_ports: [443] } }]);
  data = dir;
  const env = testEnv(dir.dir, { PATRONUS_FLOW_ALLOW_LOOPBACK: "0", ...overrides });
  running = await startCollector(env, () => {});
  client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
  port = Number(running.flowAddress.split(":").at(-1));
  return dir;
}
afterEach(async () => {
  await running?.stop();
  running = undefined;
  data?.cleanup();
  data = undefined;
});

describe("the exporter allowlist", () => {
  it("refuses to start on an exporter list it cannot read, naming the variable and the entry", () => {
    expect(() => loadEnv({ PATRONUS_FLOW_EXPORTERS: "192.0.2.0/24, 10.0.0.0/33" })).toThrow(
      /PATRONUS_FLOW_EXPORTERS: "10\.0\.0\.0\/33"/,
    );
  });

  it("drops a stranger's datagrams undecoded, counts them as unknown_exporter and names the source", async () => {
    await start({ PATRONUS_FLOW_EXPORTERS: "127.0.0.2" });

    await sendFrom("127.0.0.3", port);
    await sendFrom("127.0.0.3", port);
    await sendFrom("127.0.0.2", port);

    await vi.waitFor(async () => expect((await client.status()).datagrams_received).toBe(3), { timeout: 5_000 });
    const status = await client.status();
    expect(status).toMatchObject({ records_received: 1, unknown_exporter: 2, templates: 1 });
    expect(status.unknown_exporters).toEqual([
      { address: "127.0.0.3", datagrams: 2, error: 0, last_seen: expect.any(Number) },
    ]);
    expect(await client.policyStats(1)).toMatchObject({ packets_matched: 10, active_flows: 1 });
  });

  it("admits an endpoint added to the database within the poll interval, without a restart", async () => {
    const { db } = await start({ PATRONUS_POLICY_POLL_MS: "50" });
    await sendFrom("127.0.0.4", port);
    await vi.waitFor(async () => expect((await client.status()).unknown_exporter).toBe(1), { timeout: 5_000 });

    const site = createSite(db, { name: "edge" });
    addEndpoint(db, { site_id: site.id, address: "127.0.0.4", port: 4500, interface_kind: "fiber" });
    await vi.waitFor(async () => expect((await client.status()).exporters_allowed).toMatch(/^1 endpoint address/), {
      timeout: 5_000,
    });
    await sendFrom("127.0.0.4", port);

    await vi.waitFor(async () => expect(await client.policyStats(1)).toMatchObject({ packets_matched: 10 }), {
      timeout: 5_000,
    });
    expect((await client.status()).unknown_exporter).toBe(1);
  });

  it("matches an IPv4 exporter arriving on a dual-stack socket as ::ffff:a.b.c.d", async () => {
    await start({ PATRONUS_FLOW_BIND: "::", PATRONUS_FLOW_EXPORTERS: "127.0.0.2/32" });

    await sendFrom("127.0.0.2", port);
    await sendFrom("127.0.0.5", port);

    await vi.waitFor(async () => expect((await client.status()).datagrams_received).toBe(2), { timeout: 5_000 });
    const status = await client.status();
    expect(status).toMatchObject({ records_received: 1, unknown_exporter: 1 });
    expect(status.unknown_exporters.map((u) => u.address)).toEqual(["::ffff:127.0.0.5"]);
  });
});

describe("flow table fairness", () => {
  it("keeps one exporter's flow through a flood of new flows from another", async () => {
    // Two exporters on this host: listed one by one, since loopback as such counts as one exporter.
    await start({
      PATRONUS_FLOW_ALLOW_LOOPBACK: "0",
      PATRONUS_FLOW_EXPORTERS: "127.0.0.2,127.0.0.3",
      PATRONUS_MAX_FLOWS: "1000",
      PATRONUS_EXPORTER_FLOW_SHARE: "0.5",
    });
    await sendFrom("127.0.0.2", port);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(1), { timeout: 5_000 });

    // Ten datagrams of a thousand spoofed flows each (port 80: no policy claims them).
    for (let d = 0; d < 10; d++) {
      const spoofed = Array.from({ length: 1000 }, (_, i) => ({
        ...webFlow,
        src: `10.9.${d}.${i % 250}`,
        srcPort: 1024 + i,
        dstPort: 80,
        packets: 1,
        bytes: 60,
      }));
      await sendFrom(
        "127.0.0.3",
        port,
        buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, spoofed)] }),
      );
    }
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(10_001), { timeout: 10_000 });
    await sendFrom("127.0.0.2", port);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(10_002), { timeout: 5_000 });

    expect(await client.status()).toMatchObject({ live_flows: 501, max_flows_per_exporter: 500, evicted_flows: 9_500 });
    expect((await client.topFlows(1, 10)).map((f) => f.packets)).toEqual([20]); // one flow, never evicted
  });
});
