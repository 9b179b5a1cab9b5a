/** Why batch receive cannot be used here (not Linux, addon not built), or undefined when it can. */
export const unavailable: string | undefined;

export interface BatchSocketOptions {
  /** An IPv4 or IPv6 literal; "::" and "0.0.0.0" bind every interface. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** SO_RCVBUF to ask for; the kernel caps it at net.core.rmem_max. */
  receiveBufferSize?: number;
  /** Datagrams one recvmmsg call can return (64). */
  slots?: number;
  /** Larger datagrams are counted in truncated() and not delivered. The default (65,536) fits any UDP payload. */
  maxDatagramSize?: number;
  /** recvmmsg calls per wake-up of the event loop before other work gets a turn (16). */
  maxBatchesPerWake?: number;
  /**
   * After a wake-up that found fewer datagrams than a batch holds, wait this long before watching the
   * socket again, so that datagrams gather and are read many per wake-up (1 ms; 0 reads at once).
   */
  coalesceMs?: number;
  /**
   * Called with a Node-style system error (`code`, `errno`, `syscall` "recvmmsg" or "poll") when a read
   * fails. The socket goes on receiving 10 ms later; the error is counted in errors() either way.
   */
  onError?: (error: NodeJS.ErrnoException) => void;
}

export interface BatchSocket {
  /** The bound address and port (the port the kernel chose when 0 was asked). */
  readonly address: string;
  readonly port: number;
  /** The receive buffer the kernel granted, as getsockopt reports it (double the usable size on Linux). */
  readonly receiveBufferSize: number;
  /** Datagrams dropped because they were larger than maxDatagramSize. */
  truncated(): number;
  /** Calls from native code so far, each with one recvmmsg's datagrams: datagrams / batches is the batch size. */
  batches(): number;
  /** Reads that failed since open (each also passed to onError). */
  errors(): number;
  /** Stops delivery, even for the rest of a batch in progress, and frees the port. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * `bytes` is a view into a buffer that the next batch overwrites: copy what must outlive the call.
 * `from` is the source address as dgram's rinfo.address spells it. A throw is an uncaught exception,
 * as from a dgram "message" listener, and the rest of that batch is lost.
 */
export type OnDatagram = (bytes: Uint8Array, from: string, port: number) => void;

/**
 * Binds a UDP socket and calls `onDatagram` for every datagram, in order, from the event loop. Throws
 * Node-style system errors (`code` EADDRINUSE, EACCES, EINVAL...) when it cannot bind.
 */
export function openBatchSocket(options: BatchSocketOptions, onDatagram: OnDatagram): BatchSocket;
