/**
 * The receive loop under a template flood: the real collector (in this process, snapshots every second so
 * template rows are written during the flood) takes a steady NetFlow v5 stream over UDP loopback while 1,000
 * exporter addresses (127.1.x.y) send IPFIX template sets whose ids keep changing, for 10 s. A sender thread
 * does the sending. Printed: the longest event-loop pause beside the same stream without the flood, that pause
 * beside the time the receive buffer lasts at 1M records/s; then the bundled sidecar's peak RSS through the
 * same flood beside 150 MB.
 */
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { buildIpfixPacket, buildV5Packet, type TemplateSpec } from "@patronus/core/flows";
import { report } from "@patronus/core/testing";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { startCollector } from "./collector";
import { createDataDir, testEnv, testSecret } from "./testing/harness";
import { rssOf, startSidecar } from "./testing/sidecar";

const EXPORTERS = 1000;
const FLOOD_MS = 10_000;
const BASELINE_MS = 5_000;
const DATA_DATAGRAMS_PER_S = 3000; // 90k records/s of v5, 30 a datagram
const FLOOD_DATAGRAMS_PER_S = 1000; // 100 templates of 10 fields each: 100k templates/s
const TEMPLATES_PER_DATAGRAM = 100;
const FLOOD_VARIANTS = 64; // distinct template-id ranges, cycled, so that every domain keeps churning
const V5_BYTES_PER_RECORD = (24 + 30 * 48) / 30;

const SENDER = `
const { workerData, parentPort } = require("node:worker_threads");
const dgram = require("node:dgram");
const { port, exporters, data, flood, dataPerS, floodPerS, floodMs, baselineMs } = workerData;
const dataSocket = dgram.createSocket("udp4");
const floodSockets = [];
let bound = 0;
for (let i = 0; i < exporters; i++) {
  const s = dgram.createSocket("udp4");
  s.bind(0, "127.1." + (i >> 8) + "." + (i & 255), () => { if (++bound === exporters) start(); });
  floodSockets.push(s);
}
function start() {
  const t0 = Date.now();
  let sentData = 0, sentFlood = 0;
  parentPort.postMessage({ phase: "baseline" });
  const tick = () => {
    const elapsed = Date.now() - t0;
    if (elapsed > baselineMs + floodMs) {
      parentPort.postMessage({ phase: "done", sentData, sentFlood });
      for (const s of floodSockets) s.close();
      dataSocket.close();
      return;
    }
    while (sentData < (elapsed * dataPerS) / 1000) dataSocket.send(data[sentData++ % data.length], port, "127.0.0.1");
    if (elapsed > baselineMs) {
      if (sentFlood === 0) parentPort.postMessage({ phase: "flood" });
      while (sentFlood < ((elapsed - baselineMs) * floodPerS) / 1000) {
        const i = sentFlood++;
        floodSockets[i % exporters].send(flood[(i + Math.floor(i / exporters)) % flood.length], port, "127.0.0.1");
      }
    }
    setTimeout(tick, 1);
  };
  tick();
}
`;

export async function run(): Promise<void> {
  const data = createDataDir([]);
  data.close();
  try {
    await pauses(data.dir);
    await residentMemory(data.dir);
  } finally {
    data.cleanup();
  }
}

interface SenderEvents {
  onPhase(phase: "baseline" | "flood"): void;
}

/** Runs the sender thread against `port`: data alone for BASELINE_MS, then data and the flood for FLOOD_MS. */
function send(port: number, events: SenderEvents): Promise<{ sentData: number; sentFlood: number }> {
  const worker = new Worker(SENDER, {
    eval: true,
    workerData: {
      port,
      exporters: EXPORTERS,
      data: v5Stream(),
      flood: floodDatagrams(),
      dataPerS: DATA_DATAGRAMS_PER_S,
      floodPerS: FLOOD_DATAGRAMS_PER_S,
      floodMs: FLOOD_MS,
      baselineMs: BASELINE_MS,
    },
  });
  return new Promise((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (m: { phase: "baseline" | "flood" | "done"; sentData: number; sentFlood: number }) => {
      if (m.phase === "done") void worker.terminate().then(() => resolve(m));
      else events.onPhase(m.phase);
    });
  });
}

/** The collector in this process, its event loop watched while the sender thread floods it. */
async function pauses(dataDir: string): Promise<void> {
  let buffer = 0;
  const running = await startCollector(testEnv(dataDir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "1000" }), (line) => {
    buffer = Number(/receive buffer (\d+) bytes/.exec(line)?.[1] ?? buffer);
  });
  try {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let baseline = 0;
    // How busy the loop was: a long pause on an otherwise idle loop is the host's scheduler or GC, not our work.
    let elu = performance.eventLoopUtilization();
    let baselineElu = 0;
    const done = await send(Number(running.flowAddress.split(":").at(-1)), {
      onPhase(phase) {
        if (phase === "baseline") delay.enable();
        if (phase === "baseline") elu = performance.eventLoopUtilization();
        if (phase !== "flood") return;
        baseline = delay.max / 1e6;
        baselineElu = performance.eventLoopUtilization(elu).utilization;
        elu = performance.eventLoopUtilization();
        delay.reset();
      },
    });
    const flood = delay.max / 1e6;
    const floodElu = performance.eventLoopUtilization(elu).utilization;
    delay.disable();
    const drainMs = (buffer / (1_000_000 * V5_BYTES_PER_RECORD)) * 1000;
    console.log(
      `${EXPORTERS} exporters, ${FLOOD_DATAGRAMS_PER_S} template datagrams/s (${TEMPLATES_PER_DATAGRAM} new templates of 10 fields each) ` +
        `for ${FLOOD_MS / 1000} s, beside ${DATA_DATAGRAMS_PER_S * 30} v5 records/s; sent ${done.sentFlood} template and ${done.sentData} data datagrams`,
    );
    report("longest event-loop pause, flood vs none", flood, baseline, "ms");
    report("longest pause vs receive-buffer drain at 1M rec/s", flood, drainMs, "ms", "ratio < 1");
    console.log(
      `  (drain: ${buffer} bytes granted / ${V5_BYTES_PER_RECORD.toFixed(1)} bytes a v5 record / 1M records/s)`,
    );
    report("event-loop utilisation, flood vs none", floodElu * 100, baselineElu * 100, "%");
    console.log(`  (host load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    const status = await createCollectorClient({ url: running.controlUrl, secret: testSecret }).status();
    console.log(
      `  decoder: ${status.templates} templates, ${status.templates_evicted} evicted, ${status.templates_throttled} throttled; ` +
        `${status.records_received} records, ${status.socket_drops} socket drops`,
    );
  } finally {
    await running.stop();
  }
}

/** The bundled sidecar as `npm start` runs it, its RSS read from /proc (what `top` shows) through the flood. */
async function residentMemory(dataDir: string): Promise<void> {
  const sidecar = await startSidecar(dataDir, { PATRONUS_SNAPSHOT_INTERVAL_MS: "1000" });
  try {
    const rss = { baseline: 0, flood: 0 };
    let phase: "baseline" | "flood" = "baseline";
    const sample = setInterval(() => (rss[phase] = Math.max(rss[phase], rssOf(sidecar.child))), 100);
    await send(sidecar.flowPort, { onPhase: (p) => (phase = p) });
    clearInterval(sample);
    const mb = (bytes: number) => bytes / 2 ** 20;
    report("sidecar peak RSS during the flood vs 150 MB", mb(rss.flood), 150, "MB", "ratio < 1");
    console.log(`  (before the flood, same stream: ${mb(rss.baseline).toFixed(0)} MB)`);
  } finally {
    await sidecar.stop();
  }
}

/** 64 prebuilt v5 datagrams of 30 sane records each, cycled. */
function v5Stream(): Uint8Array[] {
  return Array.from({ length: 64 }, (_, k) =>
    buildV5Packet({
      flows: Array.from({ length: 30 }, (_, i) => ({
        src: `10.0.${k}.${i + 1}`,
        dst: "192.0.2.1",
        srcPort: 1024 + i,
        dstPort: 443,
        protocol: 6,
        packets: 10,
        bytes: 6000,
      })),
    }),
  );
}

/** IPFIX template sets, each naming template ids none of the others does. */
function floodDatagrams(): Uint8Array[] {
  return Array.from({ length: FLOOD_VARIANTS }, (_, k) => {
    const templates: TemplateSpec[] = Array.from({ length: TEMPLATES_PER_DATAGRAM }, (_, i) => ({
      templateId: 256 + k * TEMPLATES_PER_DATAGRAM + i,
      fields: Array.from({ length: 10 }, (_, f) => ({
        id: [8, 12, 7, 11, 4, 5, 2, 1, 152, 153][f]!,
        length: [4, 4, 2, 2, 1, 1, 8, 8, 8, 8][f]!,
      })),
    }));
    return buildIpfixPacket({ domainId: k % 4, templates });
  });
}
