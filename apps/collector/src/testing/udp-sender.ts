/**
 * The UDP bench's sender, forked so that sending and receiving do not share an event loop. Builds
 * NetFlow v5 packets of 30 flows over the bench's population once, says `ready`, then for each
 * `send` request paces them at the asked rate for the asked time to 127.0.0.1 and answers with what
 * it sent. Exits when the parent disconnects.
 */
import { createSocket, type Socket } from "node:dgram";
import { setImmediate as yieldTurn, setTimeout as sleep } from "node:timers/promises";
import { buildV5Packet } from "@patronus/core/flows";
import { BENCH_BASE_MS, BENCH_FLOWS, benchPolicies, createFlowSource } from "./bench-policies";

const V5_RECORDS = 30;

export interface SendRequest {
  type: "send";
  port: number;
  recordsPerSecond: number;
  durationMs: number;
}

export type SenderMessage =
  | { type: "ready"; packets: number; recordsPerPacket: number }
  | { type: "sent"; records: number; packets: number; errors: number; elapsedMs: number };

/** Packets handed to the socket between turns of the event loop, which let send completions run. */
const BATCH = 64;

const source = createFlowSource(benchPolicies(), { v6Share: 0 });
const packets: Uint8Array[] = [];
for (let i = 0; i + V5_RECORDS <= BENCH_FLOWS; i += V5_RECORDS) {
  const flows = Array.from({ length: V5_RECORDS }, (_, k) => source.testFlow(i + k));
  packets.push(buildV5Packet({ sequence: i, unixSecs: BENCH_BASE_MS / 1000, sysUptimeMs: 86_400_000, flows }));
}
let next = 0;

async function send({ port, recordsPerSecond, durationMs }: SendRequest): Promise<SenderMessage> {
  const socket = createSocket({ type: "udp4", sendBufferSize: 4 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.connect(port, "127.0.0.1", () => {
      socket.off("error", reject);
      resolve();
    });
  });
  const total = Math.round((recordsPerSecond * durationMs) / 1000 / V5_RECORDS);
  const packetsPerNs = recordsPerSecond / V5_RECORDS / 1e9;
  const giveUpNs = durationMs * 3 * 1e6;
  let sent = 0;
  let done = 0;
  let errors = 0;
  const onSent = (error: Error | null) => {
    done++;
    if (error) errors++;
  };
  const start = process.hrtime.bigint();
  while (sent < total) {
    const elapsed = Number(process.hrtime.bigint() - start);
    if (elapsed > giveUpNs) break;
    const due = Math.min(total, Math.floor(elapsed * packetsPerNs) + 1);
    if (due === sent) {
      // Ahead of schedule: sleep a timer tick (~1 ms, a burst of at most ~100 packets at 3M records/s)
      // rather than spin, which would take a core from the receivers on a 2-core machine.
      await sleep(1);
      continue;
    }
    for (let n = 0; sent < due && n < BATCH; n++, sent++) sendOne(socket, onSent);
    await yieldTurn();
  }
  for (let waited = 0; done < sent && waited < 5000; waited += 5) await sleep(5);
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return { type: "sent", records: (sent - errors) * V5_RECORDS, packets: sent, errors, elapsedMs };
}

function sendOne(socket: Socket, onSent: (error: Error | null) => void): void {
  socket.send(packets[next]!, onSent);
  next = next + 1 === packets.length ? 0 : next + 1;
}

process.on("message", (message: SendRequest) => {
  if (message.type !== "send") return;
  send(message).then(
    (report) => process.send!(report),
    (error: unknown) => {
      console.error("udp sender:", error);
      process.exit(1);
    },
  );
});
process.on("disconnect", () => process.exit(0));
process.send!({ type: "ready", packets: packets.length, recordsPerPacket: V5_RECORDS } satisfies SenderMessage);
