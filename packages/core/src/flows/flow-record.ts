/**
 * One decoded flow record, as every decoder emits it and the traffic collector consumes it.
 *
 * Decoders reuse a single FlowRecord object and hand it to a callback per record (no allocation per
 * record: the collector's budget is a few hundred nanoseconds a record), so a consumer must copy what it
 * keeps. Addresses are numbers, not strings: IPv4 as an unsigned 32-bit integer in `src4`/`dst4`;
 * IPv6 as four unsigned 32-bit words (most significant first) in `src6`/`dst6`.
 */
export interface FlowRecord {
  ipVersion: 4 | 6;
  src4: number;
  dst4: number;
  src6: Uint32Array;
  dst6: Uint32Array;
  srcPort: number;
  dstPort: number;
  protocol: number;
  /** The DSCP (upper six bits of the IP TOS / traffic class byte), 0-63. */
  dscp: number;
  /** Counters with sampling already applied; exact up to 2^53. */
  packets: number;
  bytes: number;
  /** Epoch milliseconds of the flow's first and last packet, as the exporter reported them (0 when absent). */
  firstMs: number;
  lastMs: number;
}

export function createFlowRecord(): FlowRecord {
  return {
    ipVersion: 4,
    src4: 0,
    dst4: 0,
    src6: new Uint32Array(4),
    dst6: new Uint32Array(4),
    srcPort: 0,
    dstPort: 0,
    protocol: 0,
    dscp: 0,
    packets: 0,
    bytes: 0,
    firstMs: 0,
    lastMs: 0,
  };
}
