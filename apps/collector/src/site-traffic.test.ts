import { createSocket } from "node:dgram";
import { once } from "node:events";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { addEndpoint, createSite } from "@patronus/core/sites";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { getSiteTrafficHistory } from "@patronus/core/traffic/stats";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { createDataDir, testEnv } from "./testing/harness";

// Two sites whose edges are 127.0.0.2 and 127.0.0.3: Linux routes all of 127.0.0.0/8 to loopback.
let data: ReturnType<typeof createDataDir>;
let running: RunningCollector | undefined;
let client: CollectorClient;
let sites: { a: string; b: string };

beforeEach(async () => {
  data = createDataDir([
    { name: "web", priority: 500, match_rules: { destination_ports: [443] } },
    { name: "catch-all", priority: 0, match_rules: {} },
  ]);
  const site = (name: string, address: string) => {
    const { id } = createSite(data.db, { name });
    addEndpoint(data.db, { site_id: id, address, port: 4739, interface_kind: "fiber" });
    return id;
  };
  sites = { a: site("Berlin", "127.0.0.2"), b: site("Lyon", "127.0.0.3") };
  const env = testEnv(data.dir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "3600000" });
  running = await startCollector(env, () => {});
  client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
});
afterEach(async () => {
  await running?.stop();
  data.cleanup();
});

async function sendFrom(source: string, flows: FlowSpec[]): Promise<void> {
  const socket = createSocket("udp4");
  socket.bind({ address: source, port: 0 });
  await once(socket, "listening");
  const [host, port] = running!.flowAddress.split(":");
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  await new Promise<void>((resolve, reject) =>
    socket.send(packet, Number(port), host, (e) => (e ? reject(e) : resolve())),
  );
  socket.close();
}

const flow = (i: number, dstPort: number, packets: number, bytes: number): FlowSpec => ({
  src: `10.0.0.${i}`,
  dst: "192.0.2.1",
  srcPort: 40000 + i,
  dstPort,
  protocol: 6,
  packets,
  bytes,
});

describe("traffic per site over UDP", () => {
  it("counts each site's edge apart, live and in history, and loopback that is no endpoint as such", async () => {
    await sendFrom("127.0.0.2", [flow(1, 443, 10, 5000), flow(2, 22, 1, 60)]);
    await sendFrom("127.0.0.3", [flow(3, 443, 4, 400)]);
    await sendFrom("127.0.0.1", [flow(4, 443, 2, 100)]);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(4), { timeout: 10_000 });

    expect((await client.siteStats(sites.a)).policies).toEqual([
      { policy_id: 1, packets: 10, bytes: 5000 },
      { policy_id: 2, packets: 1, bytes: 60 },
    ]);
    expect((await client.siteStats(sites.b)).policies).toEqual([{ policy_id: 1, packets: 4, bytes: 400 }]);
    const totals = await client.siteTotals();
    expect(totals.sites.sort((x, y) => x.bytes - y.bytes)).toEqual([
      { site_id: "", packets: 2, bytes: 100 },
      { site_id: sites.b, packets: 4, bytes: 400 },
      { site_id: sites.a, packets: 11, bytes: 5060 },
    ]);
    expect(totals.other_exporters).toEqual(["loopback"]);

    running!.snapshot(); // the policies' first snapshot: a baseline
    await sendFrom("127.0.0.3", [flow(3, 443, 6, 600)]);
    await vi.waitFor(async () => expect((await client.status()).records_received).toBe(5), { timeout: 10_000 });
    running!.snapshot();
    const now = Date.now();
    const history = getSiteTrafficHistory(data.db, { siteId: sites.b, from: now - 600_000, to: now + 60_000 });
    expect(history.by_policy).toEqual([{ policy_id: 1, name: "web", packets: 6, bytes: 600 }]);
  });

  it("refuses a site id that is not a UUID with a 400 naming the field", async () => {
    await expect(client.siteStats("berlin")).rejects.toThrow(/400.*site_id: must be a site's UUID/);
  });
});
