import { createSocket } from "node:dgram";
import { readFileSync } from "node:fs";
import { isIPv6 } from "node:net";

export interface UdpListener {
  address: string;
  /** The receive buffer the kernel granted (it caps requests at net.core.rmem_max). */
  receiveBufferSize: number;
  /** recvmmsg: batches through @patronus/udp-batch; dgram: Node's socket, where that addon is unavailable. */
  receiver: "recvmmsg" | "dgram";
  /** Datagrams the kernel dropped on this socket because its buffer was full (from /proc/net/udp). */
  drops(): number;
  /** Reads that failed since start (the socket goes on receiving); the first of each kind is logged. */
  errors(): number;
  close(): Promise<void>;
}

export interface UdpListenerOptions {
  host: string;
  port: number;
  receiveBufferSize: number;
  /** Force Node's dgram socket even where batch receive works (tests of the fallback). */
  receiver?: "dgram";
  log?: (line: string) => void;
}

/**
 * Binds the flow socket with a large receive buffer: a burst of exports otherwise overflows the default.
 * `message` is valid only during the call: with batch receive it is a view the next batch overwrites.
 * Logs which receive path it took and why; a bind failure rejects with Node's system error (EADDRINUSE).
 */
export async function listenUdp(
  { host, port, receiveBufferSize, receiver, log = console.log }: UdpListenerOptions,
  onMessage: (message: Uint8Array, from: string) => void,
): Promise<UdpListener> {
  const batch = receiver === "dgram" ? `receiver "dgram" was asked for` : await loadBatchReceive();
  const errors = new ReceiveErrors(log);
  if (typeof batch === "string") {
    const listener = await listenDgram({ host, port, receiveBufferSize }, onMessage, errors);
    // The cost is measured in packages/udp-batch/README.md (`pnpm bench udp`).
    log(
      `udp: receiving on ${listener.address} with Node's dgram socket, a datagram at a time (about 5 times the CPU of recvmmsg batches), because ${batch}`,
    );
    return listener;
  }

  const socket = batch.openBatchSocket({ host, port, receiveBufferSize, onError: errors.add }, onMessage);
  const address = `${socket.address}:${socket.port}`;
  log(`udp: receiving on ${address} in recvmmsg batches through @patronus/udp-batch`);
  return {
    address,
    receiveBufferSize: socket.receiveBufferSize,
    receiver: "recvmmsg",
    drops: () => socketDrops(socket.port, isIPv6(host)),
    errors: () => errors.count,
    close: () => socket.close(),
  };
}

/**
 * Counts read errors and logs the first of each code: a persistent one repeats many times a second,
 * and errno codes are few, so the set stays small.
 */
class ReceiveErrors {
  count = 0;
  private readonly logged = new Set<string>();

  constructor(private readonly log: (line: string) => void) {}

  add = (error: NodeJS.ErrnoException) => {
    this.count += 1;
    const code = error.code ?? "unknown";
    if (this.logged.has(code)) return;
    this.logged.add(code);
    this.log(`udp: read failed: ${error.message}; receiving goes on, further ${code} errors are only counted`);
  };
}

/**
 * The addon, or why not. Imported on demand so that a platform without it (or a bundle that cannot
 * load it) still starts, on dgram.
 */
async function loadBatchReceive(): Promise<typeof import("@patronus/udp-batch") | string> {
  try {
    const batch = await import("@patronus/udp-batch");
    return batch.unavailable ?? batch;
  } catch (error) {
    return `@patronus/udp-batch did not load (${(error as Error).message.split("\n")[0]})`;
  }
}

async function listenDgram(
  { host, port, receiveBufferSize }: { host: string; port: number; receiveBufferSize: number },
  onMessage: (message: Uint8Array, from: string) => void,
  errors: ReceiveErrors,
): Promise<UdpListener> {
  const socket = createSocket({ type: isIPv6(host) ? "udp6" : "udp4", recvBufferSize: receiveBufferSize });
  socket.on("message", (message, rinfo) => onMessage(message, rinfo.address));
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, host, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  const bound = socket.address();
  // Without a listener an "error" event after bind would be an uncaught exception.
  socket.on("error", errors.add);
  return {
    address: `${bound.address}:${bound.port}`,
    receiveBufferSize: socket.getRecvBufferSize(),
    receiver: "dgram",
    drops: () => socketDrops(bound.port, isIPv6(host)),
    errors: () => errors.count,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** The `drops` column of our socket's line in /proc/net/udp(6); 0 where /proc is not there. */
function socketDrops(port: number, v6: boolean): number {
  try {
    const portHex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
    const lines = readFileSync(v6 ? "/proc/net/udp6" : "/proc/net/udp", "utf8")
      .split("\n")
      .slice(1);
    let drops = 0;
    for (const line of lines) {
      const columns = line.trim().split(/\s+/);
      if (columns[1]?.endsWith(portHex)) drops += Number(columns.at(-1)) || 0;
    }
    return drops;
  } catch {
    return 0;
  }
}
