import { createSocket, type Socket } from "node:dgram";
import { readFileSync } from "node:fs";
import { isIPv6 } from "node:net";

export interface UdpListener {
  socket: Socket;
  address: string;
  /** The receive buffer the kernel granted (it caps requests at net.core.rmem_max). */
  receiveBufferSize: number;
  /** Datagrams the kernel dropped on this socket because its buffer was full (from /proc/net/udp). */
  drops(): number;
  close(): Promise<void>;
}

/** Binds the flow socket with a large receive buffer: a burst of exports otherwise overflows the default. */
export async function listenUdp(
  { host, port, receiveBufferSize }: { host: string; port: number; receiveBufferSize: number },
  onMessage: (message: Buffer, from: string) => void,
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
  return {
    socket,
    address: `${bound.address}:${bound.port}`,
    receiveBufferSize: socket.getRecvBufferSize(),
    drops: () => socketDrops(bound.port, isIPv6(host)),
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** The `drops` column of our socket's line in /proc/net/udp(6); 0 where /proc is not there. */
function socketDrops(port: number, v6: boolean): number {
  try {
    const portHex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
    const lines = readFileSync(v6 ? "/proc/net/udp6" : "/proc/net/udp", "utf8").split("\n").slice(1);
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
