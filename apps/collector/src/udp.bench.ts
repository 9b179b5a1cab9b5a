/**
 * End to end over UDP loopback: the highest rate at which the real sidecar (startCollector, 1,000
 * policies) decodes every record sent, beside Debian's nfcapd receiving the same NetFlow v5 stream
 * in the same run. A forked sender paces pre-built packets; rates ramp until a receiver loses records
 * on every attempt. Each receiver gets the CPU in turn, never both at once. Ours receives as it runs
 * in production (recvmmsg batches through @patronus/udp-batch where it built); then the receive and
 * decode stages are measured bare, with dgram beside the addon, to show where the CPU goes.
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { FlowDecoder } from "@patronus/core/flows";
import { report } from "@patronus/core/testing";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { openBatchSocket } from "@patronus/udp-batch";
import { startCollector } from "./collector";
import { benchPolicies } from "./testing/bench-policies";
import { createDataDir, testEnv } from "./testing/harness";
import type { SendRequest, SenderMessage } from "./testing/udp-sender";

const RATES = [250_000, 500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000];
const DURATION_MS = 2000;
const ATTEMPTS = 3;
/** Asked of the kernel by both receivers; it grants at most net.core.rmem_max (and reports it doubled). */
const RCVBUF = 4 * 1024 * 1024;
/** A step counts only if the sender reached this share of the asked rate. */
const REACHED = 0.95;
/** The rate at which CPU per datagram is compared, and the receive stages measured bare for scale. */
const FLOOR_RATE = 1_000_000;
const RMEM_MAX = "/proc/sys/net/core/rmem_max";
const NFCAPD = "/usr/bin/nfcapd";
const CLOCK_TICKS = 100;

/**
 * CPU this process uses a wall-clock millisecond with no traffic (the idle collector's timers, the
 * bench's own polling), measured once and taken off every in-process figure, so that a figure is
 * what datagrams cost.
 */
let idleShare = 0;

interface Sent {
  records: number;
  perSecond: number;
}

interface Outcome {
  sent: Sent;
  counted: number;
  drops: number;
  /** CPU the receiver used from the first send until it had drained its socket. */
  cpuMs: number;
  /** For ours: its longest event-loop stall and how often the kernel preempted it. */
  note?: string;
}

interface Receiver {
  name: string;
  /** Starts receiving, has `send(port)` run, waits for the receiver to drain, and says what it counted. */
  measure(send: (port: number) => Promise<Sent>): Promise<Outcome>;
  best: number;
  failed: boolean;
  /** The least CPU a datagram cost it, by rate. */
  cpuPerDatagram: Map<number, number>;
}

export async function run(): Promise<void> {
  const restoreRmem = ensureRmemMax();
  const data = createDataDir(benchPolicies());
  data.close();
  const env = testEnv(data.dir, { PATRONUS_FLOW_RCVBUF: String(RCVBUF) });
  const running = await startCollector(env, (line) => console.log(`  ${line}`));
  const sender = fork(fileURLToPath(new URL("./testing/udp-sender.ts", import.meta.url)), [], { stdio: "inherit" });
  try {
    const ready = await nextMessage(sender, 60_000);
    if (ready.type !== "ready") throw new Error(`sender said ${ready.type} first`);
    const send = async (port: number, recordsPerSecond: number, durationMs: number): Promise<Sent> => {
      sender.send({ type: "send", port, recordsPerSecond, durationMs } satisfies SendRequest);
      const done = await nextMessage(sender, durationMs * 4 + 10_000);
      if (done.type !== "sent") throw new Error(`sender said ${done.type}`);
      if (done.errors > 0) console.log(`  (sender: ${done.errors} sends failed)`);
      return { records: done.records, perSecond: done.records / (done.elapsedMs / 1000) };
    };

    const client = createCollectorClient({ url: running.controlUrl, secret: env.secret });
    const ours = ourReceiver(running.flowAddress, client);
    const nfcapd = nfcapdReceiver();
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")} on ${availableParallelism()} cores`,
    );
    console.log(
      `stream: ${ready.packets} NetFlow v5 packets of ${ready.recordsPerPacket} records, cycled, ${DURATION_MS / 1000} s a step`,
    );
    const { receiver } = (await client.status()) as { receiver?: string };
    console.log(
      `ours receives with ${receiver}; receive buffers granted (ss rb): ours ${grantedBuffer(port(running.flowAddress))} bytes, nfcapd shown at its first step`,
    );

    // Warm-up: every flow once, so the ramp measures live flows rather than new ones.
    const warm = await ours.measure((p) => send(p, 250_000, 500));
    console.log(`warm-up (ours): sent ${n(warm.sent.records)}, counted ${n(warm.counted)}`);
    idleShare = await idleCpuShare();
    console.log(
      `idle CPU of this process (taken off the in-process figures): ${(idleShare * 1000).toFixed(1)} ms a second`,
    );

    let senderLimit: number | undefined;
    for (const rate of RATES) {
      if (senderLimit !== undefined) break;
      for (const receiver of [ours, nfcapd]) {
        if (receiver.failed) continue;
        let passed = false;
        let reached = false;
        for (let attempt = 1; attempt <= ATTEMPTS && !passed; attempt++) {
          const o = await receiver.measure((p) => send(p, rate, DURATION_MS));
          const lost = o.sent.records - o.counted;
          const short = o.sent.perSecond < rate * REACHED;
          passed = lost === 0 && !short;
          reached ||= !short;
          const perDatagram = (o.cpuMs * 1000) / (o.counted / ready.recordsPerPacket);
          receiver.cpuPerDatagram.set(rate, Math.min(perDatagram, receiver.cpuPerDatagram.get(rate) ?? Infinity));
          console.log(
            `  ${mega(rate).padStart(5)}M rec/s  ${receiver.name.padEnd(6)}  sent ${n(o.sent.records).padStart(9)} at ${mega(o.sent.perSecond)}M/s` +
              `  counted ${n(o.counted).padStart(9)}  lost ${n(lost).padStart(8)}  socket drops ${n(o.drops).padStart(6)}` +
              `  ${passed ? "ok" : lost > 0 ? "LOSS" : "sender short of the rate"}` +
              `  [cpu ${o.cpuMs.toFixed(0)} ms, ${perDatagram.toFixed(1)} µs a datagram${o.note ? `, ${o.note}` : ""}]`,
          );
        }
        if (passed) receiver.best = rate;
        else if (reached) receiver.failed = true;
        else {
          senderLimit = rate;
          break;
        }
      }
      if (ours.failed && nfcapd.failed) break;
    }
    if (senderLimit !== undefined)
      console.log(`  the sender could not reach ${mega(senderLimit)}M rec/s: the ramp stops there`);
    const top = (r: Receiver) => (r.failed ? "" : " (at least: it lost nothing the sender could send)");
    console.log(
      `highest zero-loss rate: ours ${mega(ours.best)}M rec/s${top(ours)}, nfcapd ${mega(nfcapd.best)}M rec/s${top(nfcapd)}`,
    );
    report(
      "zero-loss rate over UDP, ours vs nfcapd",
      ours.best / 1e6,
      nfcapd.best / 1e6,
      "Mrec/s",
      ">= 1 Mrec/s, ratio >= 1.0",
    );

    // Where ours spends its CPU, stage by stage, at the same rates and buffer: receiving alone (with the
    // addon, and with dgram for comparison), then receiving and decoding; the rest of ours is counting.
    // At the lower rate the receiver keeps up and wakes for nearly every datagram; at the top rate
    // datagrams queue between wake-ups and recvmmsg takes them in batches.
    const stageRates = [FLOOR_RATE, RATES.at(-1)!];
    const stages: Array<[string, Stage]> = [
      ["receive only, recvmmsg addon", "recvmmsg"],
      ["receive only, addon, no coalescing", "recvmmsg, no coalescing"],
      ["receive only, bare Node dgram", "dgram"],
      ["receive + decode, no counting", "recvmmsg+decode"],
    ];
    const figures = new Map<Stage, Map<number, Bare>>();
    for (const [, kind] of stages) {
      const byRate = new Map<number, Bare>();
      for (const rate of stageRates) {
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          const o = await bareReceiver(kind, ready.recordsPerPacket, (p) => send(p, rate, DURATION_MS));
          const best = byRate.get(rate);
          if (o.counted === o.sent && (!best || o.perDatagram < best.perDatagram)) byRate.set(rate, o);
        }
      }
      figures.set(kind, byRate);
    }
    const us = (x: number | undefined) => (x === undefined ? "-" : `${x.toFixed(1)} µs`);
    console.log(
      `CPU a datagram (${ready.recordsPerPacket} records), least over attempts (- where not reached, or lossy for the bare stages):` +
        stageRates.map((r) => `${mega(r)}M rec/s`.padStart(14)).join(""),
    );
    const row = (name: string, at: (rate: number) => string) =>
      console.log(`  ${name.padEnd(38)}${stageRates.map((r) => at(r).padStart(14)).join("")}`);
    row("nfcapd (its own process)", (r) => us(nfcapd.cpuPerDatagram.get(r)));
    row("ours: receive, decode, count", (r) => us(ours.cpuPerDatagram.get(r)));
    for (const [name, kind] of stages) row(name, (r) => us(figures.get(kind)!.get(r)?.perDatagram));
    row("  datagrams a batch, addon", (r) => figures.get("recvmmsg")!.get(r)?.perBatch.toFixed(1) ?? "-");
    row(
      "  datagrams a batch, no coalescing",
      (r) => figures.get("recvmmsg, no coalescing")!.get(r)?.perBatch.toFixed(1) ?? "-",
    );
    const topRate = stageRates.at(-1)!;
    const addon = figures.get("recvmmsg")!.get(topRate)?.perDatagram;
    const dgram = figures.get("dgram")!.get(topRate)?.perDatagram;
    if (addon !== undefined && dgram !== undefined) {
      report(
        `CPU a datagram to receive at ${mega(topRate)}M rec/s, recvmmsg vs dgram`,
        addon,
        dgram,
        "µs",
        "a small fraction of dgram's",
      );
    }
  } finally {
    sender.disconnect();
    await running.stop();
    data.cleanup();
    restoreRmem();
  }
}

function ourReceiver(address: string, client: ReturnType<typeof createCollectorClient>): Receiver {
  const flowPort = port(address);
  return {
    name: "ours",
    best: 0,
    failed: false,
    cpuPerDatagram: new Map(),
    async measure(send) {
      const before = await client.status();
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const usage = process.resourceUsage();
      const startedAt = performance.now();
      const sent = await send(flowPort);
      let last = -1;
      for (let stable = 0, waited = 0; stable < 3 && waited < 5000; waited += 50) {
        await sleep(50);
        const { records_received } = await client.status();
        stable = records_received === last && udpSocket(flowPort).rxQueue === 0 ? stable + 1 : 0;
        last = records_received;
      }
      loop.disable();
      const used = process.resourceUsage();
      const cpuMs = cpuSince(usage, used, startedAt);
      const preempted = used.involuntaryContextSwitches - usage.involuntaryContextSwitches;
      const note = `longest stall ${(loop.max / 1e6).toFixed(0)} ms, preempted ${preempted}x`;
      const after = await client.status();
      return {
        sent,
        counted: after.records_received - before.records_received,
        drops: after.socket_drops - before.socket_drops,
        cpuMs,
        note,
      };
    },
  };
}

/** nfcapd afresh for each step (own port, own directory); counts are what nfdump reads back from its file. */
function nfcapdReceiver(): Receiver {
  let first = true;
  return {
    name: "nfcapd",
    best: 0,
    failed: false,
    cpuPerDatagram: new Map(),
    async measure(send) {
      const dir = mkdtempSync(join(tmpdir(), "patronus-nfcapd-"));
      const flowPort = await freePort();
      const child = spawn(NFCAPD, ["-b", "127.0.0.1", "-p", String(flowPort), "-w", dir, "-B", String(RCVBUF)], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      try {
        for (let waited = 0; udpSocket(flowPort).bound === false; waited += 20) {
          if (waited > 5000 || child.exitCode !== null)
            throw new Error(`nfcapd did not bind port ${flowPort}: ${output}`);
          await sleep(20);
        }
        if (first) {
          console.log(`  nfcapd ${versionOf()}: receive buffer granted (ss rb) ${grantedBuffer(flowPort)} bytes`);
          first = false;
        }
        const cpuBefore = cpuTimeMs(child.pid!);
        const sent = await send(flowPort);
        for (let empty = 0, waited = 0; empty < 3 && waited < 5000; waited += 50) {
          await sleep(50);
          empty = udpSocket(flowPort).rxQueue === 0 ? empty + 1 : 0;
        }
        const drops = udpSocket(flowPort).drops;
        const cpuMs = cpuTimeMs(child.pid!) - cpuBefore;
        await stop(child);
        const summary = execFileSync("nfdump", ["-R", dir, "-I"], { encoding: "utf8" });
        const flows = /^Flows: (\d+)$/m.exec(summary);
        if (!flows) throw new Error(`nfdump -I gave no flow count: ${summary}\nnfcapd said: ${output}`);
        return { sent, counted: Number(flows[1]), drops, cpuMs };
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

type Stage = "dgram" | "recvmmsg" | "recvmmsg, no coalescing" | "recvmmsg+decode";

interface Bare {
  sent: number;
  counted: number;
  perDatagram: number;
  /** Datagrams a JS call (one for dgram). */
  perBatch: number;
}

/**
 * A socket that only sums the v5 header's record counts (Node's dgram, or the recvmmsg addon), or the
 * addon feeding the real decoder with a record callback that does nothing: one stage's cost a datagram.
 */
async function bareReceiver(
  kind: Stage,
  recordsPerPacket: number,
  send: (port: number) => Promise<Sent>,
): Promise<Bare> {
  let counted = 0;
  const decoder = new FlowDecoder();
  const ignore = () => {};
  let flowPort: number;
  let close: () => Promise<void>;
  let batches = () => counted / recordsPerPacket;
  if (kind === "dgram") {
    const socket = createSocket({ type: "udp4", recvBufferSize: RCVBUF });
    socket.on("message", (message) => (counted += message.readUInt16BE(2)));
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    flowPort = socket.address().port;
    close = () => new Promise<void>((resolve) => socket.close(resolve));
  } else {
    const onDatagram =
      kind === "recvmmsg+decode"
        ? (bytes: Uint8Array, from: string) => (counted += decoder.decode(bytes, from, Date.now(), ignore).records)
        : (bytes: Uint8Array) => (counted += (bytes[2]! << 8) | bytes[3]!);
    const coalesceMs = kind === "recvmmsg, no coalescing" ? 0 : undefined;
    const socket = openBatchSocket({ host: "127.0.0.1", port: 0, receiveBufferSize: RCVBUF, coalesceMs }, onDatagram);
    flowPort = socket.port;
    close = () => socket.close();
    batches = () => socket.batches();
  }
  const usage = process.resourceUsage();
  const startedAt = performance.now();
  const sent = await send(flowPort);
  for (let empty = 0, waited = 0; empty < 3 && waited < 5000; waited += 50) {
    await sleep(50);
    empty = udpSocket(flowPort).rxQueue === 0 ? empty + 1 : 0;
  }
  const used = process.resourceUsage();
  await close();
  const cpuMs = cpuSince(usage, used, startedAt);
  const datagrams = counted / recordsPerPacket;
  return { sent: sent.records, counted, perDatagram: (cpuMs * 1000) / datagrams, perBatch: datagrams / batches() };
}

/** This process's user + system CPU between two readings, less what it uses idle over that time. */
function cpuSince(before: NodeJS.ResourceUsage, after: NodeJS.ResourceUsage, startedAt: number): number {
  const cpuMs = (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000;
  return Math.max(0, cpuMs - idleShare * (performance.now() - startedAt));
}

/** The least over a few one-second windows, so that a stray GC or JIT burst is not taken for idle. */
async function idleCpuShare(): Promise<number> {
  let least = Infinity;
  for (let window = 0; window < 3; window++) {
    const before = process.resourceUsage();
    const startedAt = performance.now();
    await sleep(1000);
    const after = process.resourceUsage();
    const cpuMs = (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000;
    least = Math.min(least, cpuMs / (performance.now() - startedAt));
  }
  return least;
}

/** User + system CPU of process `pid` so far, from /proc/<pid>/stat (in clock ticks of 10 ms). */
function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timeout = sleep(10_000).then(() => {
    throw new Error("nfcapd did not exit within 10 s of SIGTERM");
  });
  await Promise.race([exited, timeout]);
}

/**
 * Both receivers ask for RCVBUF; where the kernel would grant less, raise net.core.rmem_max for the
 * bench (root only) and put it back afterwards. Returns the undo.
 */
function ensureRmemMax(): () => void {
  let current: number;
  try {
    current = Number(readFileSync(RMEM_MAX, "utf8").trim());
  } catch {
    console.log("net.core.rmem_max unreadable: receive buffers are whatever the kernel grants");
    return () => {};
  }
  if (current >= RCVBUF) {
    console.log(`net.core.rmem_max = ${current}: both receivers ask for ${RCVBUF} bytes and get it`);
    return () => {};
  }
  try {
    writeFileSync(RMEM_MAX, "8388608");
    console.log(`net.core.rmem_max raised from ${current} to 8388608 for the bench (restored after)`);
    return () => writeFileSync(RMEM_MAX, String(current));
  } catch {
    console.log(`net.core.rmem_max = ${current} caps both receivers' ${RCVBUF}-byte request (not root: left alone)`);
    return () => {};
  }
}

/** Our socket's line in /proc/net/udp: whether it exists, its receive queue in bytes, and its drops. */
function udpSocket(port: number): { bound: boolean; rxQueue: number; drops: number } {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  for (const line of readFileSync("/proc/net/udp", "utf8").split("\n").slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns[1] !== local) continue;
    return {
      bound: true,
      rxQueue: Number.parseInt(columns[4]?.split(":")[1] ?? "0", 16),
      drops: Number(columns.at(-1)) || 0,
    };
  }
  return { bound: false, rxQueue: 0, drops: 0 };
}

/** The receive buffer the kernel granted the socket on `port`, as `ss` reports it (rb). */
function grantedBuffer(port: number): string {
  try {
    const out = execFileSync("ss", ["-uamn", `sport = :${port}`], { encoding: "utf8" });
    return /rb(\d+)/.exec(out)?.[1] ?? "?";
  } catch {
    return "?";
  }
}

function versionOf(): string {
  try {
    return /Version: (\S+)/.exec(execFileSync(NFCAPD, ["-V"], { encoding: "utf8" }))?.[1] ?? "?";
  } catch {
    return "?";
  }
}

async function freePort(): Promise<number> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

function nextMessage(child: ChildProcess, timeoutMs: number): Promise<SenderMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no word from the sender in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: SenderMessage) => done(undefined, message);
    const onExit = (code: number | null) => done(new Error(`sender exited (${code})`));
    const done = (error?: Error, message?: SenderMessage) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

function port(address: string): number {
  return Number(address.split(":").at(-1));
}

const n = (x: number) => x.toLocaleString("en-US");
const mega = (x: number) => (x / 1e6).toFixed(2);
