/**
 * The message header fields every set of a NetFlow v9 packet or IPFIX message is read against, passed as one
 * object from the header down to each set (and copied when a data set is held for its template).
 */
export interface SetHeader {
  /** Opaque key of the sender, e.g. its address. */
  exporter: string;
  version: 9 | 10;
  /** v9 source id or IPFIX observation domain id: templates are scoped by it (RFC 3954 §5.1, RFC 7011 §3.1). */
  domain: number;
  /** v9 only (0 for IPFIX): the export time and the sender's uptime, the base of its uptime timestamps. */
  unixSecs: number;
  sysUptime: number;
}

export const SET_HEADER_LENGTH = 4;

/**
 * Where the sets starting at `p` end, or -1 when one is shorter than its header or runs past `end`: checked
 * before anything is decoded, so a datagram with a bad frame is rejected whole. Bounded: every set advances p
 * by at least its 4-octet header.
 */
export function setsEnd(dv: DataView, p: number, end: number): number {
  while (p + SET_HEADER_LENGTH <= end) {
    const len = dv.getUint16(p + 2);
    if (len < SET_HEADER_LENGTH || p + len > end) return -1;
    p += len;
  }
  return p;
}
