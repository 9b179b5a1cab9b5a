/** What the data-set loop does with a field, and per-template flags; shared by the plan and the reader code generator. */

/** A declared field length of 65535 means variable-length (RFC 7011 §7). */
export const VARIABLE_LENGTH = 65535;

// Field kinds: what the data-set loop does with a field. SKIP fields only appear in variable-length plans,
// where every field must be walked to find the next offset.
export const K_SKIP = 0;
export const K_BYTES = 1;
export const K_PACKETS = 2;
export const K_PROTOCOL = 3;
export const K_TOS = 4;
export const K_SRC_PORT = 5;
export const K_DST_PORT = 6;
export const K_SRC4 = 7;
export const K_DST4 = 8;
export const K_SRC6 = 9;
export const K_DST6 = 10;
export const K_FIRST_UPTIME = 11;
export const K_LAST_UPTIME = 12;
export const K_FIRST_SEC = 13;
export const K_LAST_SEC = 14;
export const K_FIRST_MS = 15;
export const K_LAST_MS = 16;
export const K_FIRST_NTP = 17;
export const K_LAST_NTP = 18;
export const K_SYS_INIT_MS = 19;
export const K_SAMPLING_INTERVAL = 20;
export const K_SAMPLING_SPACE = 21;

/** Template flags, tested once per record. */
export const F_V4 = 1;
export const F_V6 = 2;
/**
 * A sampling interval field is present: in an options template it sets the exporter domain's rate; in a
 * data template (some v9 exporters put field 34 there) it is that record's own rate.
 */
export const F_SAMPLING = 4;
/** samplingPacketSpace (306) is present: the rate is (interval + space) / interval (RFC 5477). */
export const F_SAMPLING_SPACE = 8;
/** systemInitTimeMilliseconds (160) is present, in an options record or in the data record itself. */
export const F_SYS_INIT = 16;
/** Both a packet and an octet count are mapped, so one can be judged against the other. */
export const F_COUNTS = 32;

// Bounds a record's counts must meet, checked before sampling is applied: an IP packet is at least its 20-octet
// IPv4 header and at most 65,535 octets (the IPv4 total length and the IPv6 payload length are 16-bit).
export const MIN_PACKET_OCTETS = 20;
export const MAX_PACKET_OCTETS = 65535;
/** The largest sampling rate believed: routers configure 1-in-N with N in 16 bits (v5's header has 14). */
export const MAX_SAMPLING_RATE = 65535;

/**
 * The most packets one record may stand for, after sampling: a 10 Gb/s link full of minimum-size frames for
 * about 5 minutes. Beyond it one datagram could push counters past where doubles count single packets.
 */
export const MAX_RECORD_PACKETS = 2 ** 32;
/** The octets of MAX_RECORD_PACKETS full-size packets: bounds records that carry octets alone. */
export const MAX_RECORD_OCTETS = MAX_RECORD_PACKETS * MAX_PACKET_OCTETS;

/** Whether `bytes` octets are possible for `packets` packets. */
export function saneCounts(packets: number, bytes: number): boolean {
  return packets * MIN_PACKET_OCTETS <= bytes && bytes <= packets * MAX_PACKET_OCTETS;
}
