import { spawn, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { fileURLToPath } from "node:url";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type FlowSpec } from "@patronus/core/flows";
import { checkIntegrity } from "@patronus/core/db";
import { createCollectorClient, type CollectorClient } from "@patronus/core/traffic/control";
import { getLatestStatsOfAllPolicies } from "@patronus/core/traffic/stats";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDataDir, testEnvVars, testSecret } from "./testing/harness";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

interface Started {
  child: ChildProcess;
  flowPort: number;
  client: CollectorClient;
  exited: Promise<number | null>;
}

/** Starts the real sidecar process and waits for the line that says where it listens. */
async function startProcess(dataDir: string, snapshotMs: number): Promise<Started> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a child process of its own,
  // so a SIGKILL would hit the wrapper and leave the collector running.
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: { ...process.env, ...testEnvVars(dataDir, { PATRONUS_SNAPSHOT_INTERVAL_MS: String(snapshotMs) }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /flows on udp .*\n/.exec(out);
      if (found) resolve(found[0]);
    });
    void exited.then((code) => reject(new Error(`collector exited with ${code} before listening: ${out}`)));
  });
  const flowPort = Number(/udp [\d.]+:(\d+)/.exec(line)![1]);
  const controlUrl = /control on (http:\/\/[\d.:]+)/.exec(line)![1]!;
  return { child, flowPort, client: createCollectorClient({ url: controlUrl, secret: testSecret }), exited };
}

function send(port: number, flows: FlowSpec[]): Promise<void> {
  const socket = createSocket("udp4");
  const packet = buildIpfixPacket({
    templates: [IPFIX_IPV4_TEMPLATE],
    dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
  });
  return new Promise((resolve) => socket.send(packet, port, "127.0.0.1", () => socket.close(() => resolve())));
}

const flows = (round: number): FlowSpec[] => [
  {
    src: "10.0.0.1",
    dst: "192.0.2.1",
    srcPort: 40000,
    dstPort: 443,
    protocol: 6,
    packets: 10 + round,
    bytes: 9000 + round,
  },
  { src: "10.0.0.2", dst: "192.0.2.2", srcPort: 5000, dstPort: 53, protocol: 17, packets: 3, bytes: 300 },
];

async function countersOf(client: CollectorClient) {
  const { policies } = await client.stats();
  return policies.map(({ policy_id, packets_matched, bytes_matched }) => ({
    policy_id,
    packets_matched,
    bytes_matched,
  }));
}

let data: ReturnType<typeof createDataDir>;
let running: Started | undefined;
beforeEach(() => {
  data = createDataDir([
    { name: "web", priority: 500, match_rules: { destination_ports: [443] } },
    { name: "dns", priority: 400, match_rules: { destination_ports: [53] } },
  ]);
});
afterEach(async () => {
  running?.child.kill("SIGKILL");
  await running?.exited;
  running?.child.stdout?.destroy();
  data.cleanup();
});

describe("counters across a restart", () => {
  it("are the same after SIGTERM and a restart as before", async () => {
    running = await startProcess(data.dir, 60_000);
    for (let round = 0; round < 5; round++) await send(running.flowPort, flows(round));
    await vi.waitFor(async () => expect((await running!.client.status()).records_received).toBe(10), {
      timeout: 10_000,
    });
    const before = await countersOf(running.client);

    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    running = await startProcess(data.dir, 60_000);

    expect(await countersOf(running.client)).toEqual(before);
    expect(before.find((p) => p.policy_id === 1)).toEqual({ policy_id: 1, packets_matched: 60, bytes_matched: 45010 });
  });

  it("are at least the last snapshot after SIGKILL, and the database passes integrity_check", async () => {
    running = await startProcess(data.dir, 100);
    await send(running.flowPort, flows(0));
    const counted = Date.now();
    await vi.waitFor(async () => expect((await running!.client.status()).last_snapshot_at).toBeGreaterThan(counted), {
      timeout: 10_000,
    });
    await send(running.flowPort, flows(1));

    running.child.kill("SIGKILL");
    await running.exited;
    const lastSnapshot = getLatestStatsOfAllPolicies(data.db);
    expect(checkIntegrity(data.db)).toBe("ok");
    running = await startProcess(data.dir, 60_000);

    const after = await countersOf(running.client);
    expect(lastSnapshot.length).toBe(2);
    for (const row of lastSnapshot) {
      const restored = after.find((p) => p.policy_id === row.policy_id)!;
      expect(restored.packets_matched).toBeGreaterThanOrEqual(row.packets_matched);
      expect(restored.bytes_matched).toBeGreaterThanOrEqual(row.bytes_matched);
    }
  });

  it("decode data-only records at once after a restart, from the templates it saved", async () => {
    running = await startProcess(data.dir, 60_000);
    await send(running.flowPort, flows(0));
    await vi.waitFor(async () => expect((await running!.client.status()).records_received).toBe(2), {
      timeout: 10_000,
    });
    running.child.kill("SIGTERM");
    await running.exited;

    running = await startProcess(data.dir, 60_000);
    const dataOnly = buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows(0))] });
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) =>
      socket.send(dataOnly, running!.flowPort, "127.0.0.1", () => socket.close(() => resolve())),
    );

    await vi.waitFor(async () => expect((await running!.client.status()).records_received).toBe(2), {
      timeout: 10_000,
    });
    expect((await running.client.status()).unknown_template_sets).toBe(0);
  });
});
