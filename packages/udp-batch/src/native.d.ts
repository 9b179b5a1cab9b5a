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
  ): [handle: object, address: string, port: number, receiveBufferSize: number];
  close(handle: object): void;
  truncated(handle: object): number;
  ntop(family: 4 | 6, bytes: Uint8Array): string;
  /** uint32 words a datagram takes in the meta array. */
  metaStride: number;
}
