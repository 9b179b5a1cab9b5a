/** NetFlow v5: a fixed 24-octet header and 48-octet records, no templates (Cisco's "NetFlow Export Datagram Format"). */
import { MAX_RECORD_PACKETS, saneCounts } from "./field-kinds";
import type { FlowRecord } from "./flow-record";

export const V5_HEADER_LENGTH = 24;
export const V5_RECORD_LENGTH = 48;
/** The format's own limit: 24 + 30 × 48 octets fit an Ethernet MTU. */
export const V5_MAX_RECORDS = 30;

/**
 * Decodes the records of a v5 packet whose length the caller has checked against its count; returns how many
 * were emitted. A record whose octets are impossible for its packets, or that stands for more than MAX_RECORD_PACKETS once
 * sampled, is skipped (the caller counts it).
 */
export function decodeV5(dv: DataView, r: FlowRecord, onRecord: (r: FlowRecord) => void): number {
  const count = dv.getUint16(2);
  const sysUptime = dv.getUint32(4);
  const headerMs = dv.getUint32(8) * 1000 + Math.floor(dv.getUint32(12) / 1_000_000);
  // sampling_interval: mode in the top 2 bits, interval in the low 14; 0 means unsampled.
  const interval = dv.getUint16(22) & 0x3fff;
  const rate = interval > 1 ? interval : 1;
  const n = count;

  r.ipVersion = 4;
  r.src6.fill(0);
  r.dst6.fill(0);
  let emitted = 0;
  for (let i = 0, p = V5_HEADER_LENGTH; i < n; i++, p += V5_RECORD_LENGTH) {
    const packets = dv.getUint32(p + 16);
    const bytes = dv.getUint32(p + 20);
    // Octets are then bounded too: at most 65,535 a packet.
    if (!saneCounts(packets, bytes) || packets * rate > MAX_RECORD_PACKETS) continue;
    r.src4 = dv.getUint32(p);
    r.dst4 = dv.getUint32(p + 4);
    r.packets = packets * rate;
    r.bytes = bytes * rate;
    // first/last are sysUptime values; the signed difference survives the 32-bit uptime wrap.
    r.firstMs = headerMs + ((dv.getUint32(p + 24) - sysUptime) | 0);
    r.lastMs = headerMs + ((dv.getUint32(p + 28) - sysUptime) | 0);
    r.srcPort = dv.getUint16(p + 32);
    r.dstPort = dv.getUint16(p + 34);
    r.protocol = dv.getUint8(p + 38);
    r.dscp = dv.getUint8(p + 39) >> 2;
    onRecord(r);
    emitted++;
  }
  return emitted;
}
