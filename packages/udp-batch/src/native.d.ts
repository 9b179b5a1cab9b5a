/** udp_batch.node, as src/udp_batch.c defines it. */
export interface Native {
  open(
    host: string,
    family: 4 | 6,
    port: number,
    receiveBufferSize: number,
    data: ArrayBuffer,
    slotSize: number,
    meta: ArrayBuffer,
    maxBatches: number,
    onBatch: (count: number) => void,
    coalesceMs: number,
    onError: (error: NodeJS.ErrnoException) => void,
  ): [handle: object, address: string, port: number, receiveBufferSize: number];
  close(handle: object): void;
  truncated(handle: object): number;
  ntop(family: 4 | 6, bytes: Uint8Array): string;
  /** Test hooks: the step-th fallible step of the next open() fails (with `errno` where it is a syscall). */
  injectOpenFailure(step: number, errno: number): void;
  /** Test hooks: the next `times` recvmmsg calls, or poll wake-ups, fail with `errno`. */
  injectReceiveFailure(times: number, errno: number): void;
  injectPollFailure(times: number, errno: number): void;
  /** uint32 words a datagram takes in the meta array. */
  metaStride: number;
}
