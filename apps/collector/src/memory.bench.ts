/**
 * The sidecar's resident memory with 1,000 policies and 100k live flows, measured on the real thing:
 * dist/main.mjs under plain node as `npm start` runs it, fed the flows as IPFIX over UDP loopback,
 * its RSS read from /proc with no forced GC (what `top` shows an admin). The baseline is the same
 * sidecar with the same policies before any flow arrives; each figure is the smallest of fresh runs.
 */
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { setTimeout as sleep } from "node:timers/promises";
import {
  buildIpfixPacket,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  type FlowSpec,
} from "@patronus/core/flows";
import { report } from "@patronus/core/testing";
import { BENCH_FLOWS, benchPolicies, createFlowSource } from "./testing/bench-policies";
import { createDataDir } from "./testing/harness";
import { rssOf, startSidecar, type Sidecar } from "./testing/sidecar";

const ROUNDS = 3;
const RECORDS_PER_PACKET = 30;

export async function run(): Promise<void> {
  const policies = benchPolicies();
  const source = createFlowSource(policies);
  const packets = ipfixPackets(Array.from({ length: BENCH_FLOWS }, (_, i) => source.testFlow(i)));
  const data = createDataDir(policies);
  data.close();
  try {
    let idle = Infinity;
    let loaded = Infinity;
    let tableNote = "";
    for (let round = 0; round < ROUNDS; round++) {
      const sidecar = await startSidecar(data.dir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "3600000" });
      try {
        idle = Math.min(idle, rssOf(sidecar.child));
        const status = await deliver(sidecar, packets, BENCH_FLOWS);
        loaded = Math.min(loaded, rssOf(sidecar.child));
        tableNote = `${policies.length} policies + ${status.live_flows / 1000}k live flows`;
      } finally {
        await sidecar.stop();
      }
    }
    const mb = (bytes: number) => bytes / 2 ** 20;
    report(`sidecar RSS, ${tableNote}`, mb(loaded), mb(idle), "MB", "< 100 MB");
    console.log(`  (baseline: the same sidecar before any flow; smallest of ${ROUNDS} fresh processes each)`);
    const bare = Number(
      execFileSync(process.execPath, ["-e", "console.log(process.memoryUsage().rss)"], { encoding: "utf8" }),
    );
    console.log(`  for scale: node alone ${mb(bare).toFixed(0)} MB`);
  } finally {
    data.cleanup();
  }
}

/**
 * Sends every packet, then waits for the sidecar to have counted them all. UDP may drop a packet under
 * load; re-sending is harmless (it only adds to flows already live), so a short round is sent again.
 */
async function deliver(sidecar: Sidecar, packets: Uint8Array[], flows: number) {
  const socket = createSocket("udp4");
  try {
    for (let attempt = 1; attempt <= 3; attempt++) {
      for (let i = 0; i < packets.length; i++) {
        await new Promise<void>((resolve, reject) =>
          socket.send(packets[i]!, sidecar.flowPort, "127.0.0.1", (error) => (error ? reject(error) : resolve())),
        );
      }
      let status = await sidecar.client.status();
      // The sidecar drains its socket in well under a second; poll until the count stops moving.
      for (let poll = 0; poll < 50; poll++) {
        await sleep(100);
        const next = await sidecar.client.status();
        if (next.records_received === status.records_received) break;
        status = next;
      }
      if (status.live_flows >= flows) return status;
    }
    throw new Error(`the sidecar holds fewer than ${flows} flows after three deliveries`);
  } finally {
    socket.close();
  }
}

/** IPFIX packets of RECORDS_PER_PACKET flows each, templates included in every packet. */
function ipfixPackets(flows: FlowSpec[]): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let at = 0; at < flows.length; at += RECORDS_PER_PACKET) {
    const chunk = flows.slice(at, at + RECORDS_PER_PACKET);
    const v4 = chunk.filter((f) => !f.src.includes(":"));
    const v6 = chunk.filter((f) => f.src.includes(":"));
    packets.push(
      buildIpfixPacket({
        sequence: at,
        templates: [IPFIX_IPV4_TEMPLATE, IPFIX_IPV6_TEMPLATE],
        dataSets: [
          ...(v4.length > 0 ? [flowDataSet(IPFIX_IPV4_TEMPLATE, v4)] : []),
          ...(v6.length > 0 ? [flowDataSet(IPFIX_IPV6_TEMPLATE, v6)] : []),
        ],
      }),
    );
  }
  return packets;
}
