/** What the decoder refuses reaches no counter, and an admin sees it counted in the status report. */
import { createSocket } from "node:dgram";
import { buildIpfixPacket, buildV5Packet, type TemplateSpec } from "@patronus/core/flows";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { createDataDir, testEnv } from "./testing/harness";

let data: ReturnType<typeof createDataDir>;
let running: RunningCollector;
let client: CollectorClient;

beforeEach(async () => {
  data = createDataDir([{ name: "all", priority: 0, match_rules: {} }]);
  const env = testEnv(data.dir, { PATRONUS_MAX_TEMPLATES_PER_DOMAIN: "1" });
  running = await startCollector(env, () => {});
  client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
});
afterEach(async () => {
  await running.stop();
  data.cleanup();
});

function send(bytes: Uint8Array): void {
  const socket = createSocket("udp4");
  const [host, port] = [running.flowAddress.split(":")[0]!, Number(running.flowAddress.split(":")[1])];
  socket.send(bytes, port, host, () => socket.close());
}

const flow = { src: "10.0.0.1", dst: "192.0.2.1", srcPort: 40000, dstPort: 443, protocol: 6, packets: 10, bytes: 5000 };

describe("the collector's status", () => {
  it("counts a badly framed datagram, an impossible record and an evicted template, and none reaches the traffic counters", async () => {
    const oneField = (templateId: number): TemplateSpec => ({ templateId, fields: [{ id: 7, length: 2 }] });
    send(buildV5Packet({ count: 3, flows: [flow, flow] }));
    send(buildV5Packet({ samplingInterval: 16383, flows: [{ ...flow, packets: 0xffffffff, bytes: 0xffffffff }] }));
    send(buildIpfixPacket({ templates: [oneField(256), oneField(257)] }));

    await vi.waitFor(async () => expect((await client.status()).datagrams_received).toBe(3), { timeout: 5_000 });
    const status = await client.status();
    const { totals } = await client.stats();

    expect({
      malformed: status.malformed_packets,
      insane: status.insane_records,
      evicted: status.templates_evicted,
      templates: status.templates,
      records: status.records_received,
      packets: totals.packets,
    }).toEqual({ malformed: 1, insane: 1, evicted: 1, templates: 1, records: 0, packets: 0 });
  });
});
