/**
 * Decoding the records of one NetFlow v9 / IPFIX data set into the one reused FlowRecord: through the
 * template's generated reader (record-reader.ts) when it has one, else by walking its plan, which is also what
 * options records and the generated code's tests use. Callers have checked that [start, end) is in the DataView.
 */
import type { FlowRecord } from "./flow-record";
import {
  F_COUNTS,
  F_SAMPLING,
  F_SAMPLING_SPACE,
  F_V4,
  F_V6,
  K_BYTES,
  K_DST4,
  K_DST6,
  K_DST_PORT,
  K_FIRST_MS,
  K_FIRST_NTP,
  K_FIRST_SEC,
  K_FIRST_UPTIME,
  K_LAST_MS,
  K_LAST_NTP,
  K_LAST_SEC,
  K_LAST_UPTIME,
  K_PACKETS,
  K_PROTOCOL,
  K_SAMPLING_INTERVAL,
  K_SAMPLING_SPACE,
  K_SRC4,
  K_SRC6,
  K_SRC_PORT,
  K_SYS_INIT_MS,
  K_TOS,
  MAX_RECORD_OCTETS,
  MAX_RECORD_PACKETS,
  MAX_SAMPLING_RATE,
  saneCounts,
  VARIABLE_LENGTH,
} from "./field-kinds";
import { ntpToMs, setIpfixUptimeBase, type SetContext } from "./set-context";
import type { Template } from "./template";

const TWO_32 = 4294967296;

/** Big-endian unsigned integer of 1-8 octets (reduced-size encoding, RFC 7011 §6.2); exact up to 2^53. */
export function readUint(dv: DataView, o: number, len: number): number {
  switch (len) {
    case 1:
      return dv.getUint8(o);
    case 2:
      return dv.getUint16(o);
    case 4:
      return dv.getUint32(o);
    case 8:
      return dv.getUint32(o) * TWO_32 + dv.getUint32(o + 4);
    default: {
      let v = 0;
      for (let i = 0; i < len; i++) v = v * 256 + dv.getUint8(o + i);
      return v;
    }
  }
}

function readField(dv: DataView, o: number, len: number, kind: number, r: FlowRecord, c: SetContext): void {
  switch (kind) {
    case K_BYTES:
      r.bytes = readUint(dv, o, len);
      return;
    case K_PACKETS:
      r.packets = readUint(dv, o, len);
      return;
    case K_PROTOCOL:
      r.protocol = dv.getUint8(o);
      return;
    case K_TOS:
      r.dscp = dv.getUint8(o) >> 2;
      return;
    case K_SRC_PORT:
      r.srcPort = len === 2 ? dv.getUint16(o) : dv.getUint8(o);
      return;
    case K_DST_PORT:
      r.dstPort = len === 2 ? dv.getUint16(o) : dv.getUint8(o);
      return;
    case K_SRC4:
      r.src4 = dv.getUint32(o);
      return;
    case K_DST4:
      r.dst4 = dv.getUint32(o);
      return;
    case K_SRC6:
      readWords(dv, o, r.src6);
      return;
    case K_DST6:
      readWords(dv, o, r.dst6);
      return;
    case K_FIRST_UPTIME:
      r.firstMs = c.uptimeOk ? c.refMs + ((readUint(dv, o, len) - c.refUptime) | 0) : 0;
      return;
    case K_LAST_UPTIME:
      r.lastMs = c.uptimeOk ? c.refMs + ((readUint(dv, o, len) - c.refUptime) | 0) : 0;
      return;
    case K_FIRST_SEC:
      r.firstMs = dv.getUint32(o) * 1000;
      return;
    case K_LAST_SEC:
      r.lastMs = dv.getUint32(o) * 1000;
      return;
    case K_FIRST_MS:
      r.firstMs = dv.getUint32(o) * TWO_32 + dv.getUint32(o + 4);
      return;
    case K_LAST_MS:
      r.lastMs = dv.getUint32(o) * TWO_32 + dv.getUint32(o + 4);
      return;
    case K_FIRST_NTP:
      r.firstMs = ntpToMs(dv, o);
      return;
    case K_LAST_NTP:
      r.lastMs = ntpToMs(dv, o);
      return;
    case K_SYS_INIT_MS:
      c.sysInitMs = dv.getUint32(o) * TWO_32 + dv.getUint32(o + 4);
      setIpfixUptimeBase(c, c.sysInitMs);
      return;
    case K_SAMPLING_INTERVAL:
      c.interval = readUint(dv, o, len);
      return;
    case K_SAMPLING_SPACE:
      c.space = readUint(dv, o, len);
  }
}

/**
 * The rate an options or data record announces: samplingPacketInterval alone means 1-in-N; with
 * samplingPacketSpace it is N selected, M skipped (RFC 5477). 0 when the record says nothing usable.
 */
export function announcedRate(c: SetContext, flags: number): number {
  const n = c.interval;
  if (!(n > 0)) return 0;
  return flags & F_SAMPLING_SPACE ? (n + c.space) / n : n;
}

/** Clears what the template does not set, once per set: records of one set all write the same fields. */
function resetRecord(r: FlowRecord, flags: number): void {
  r.ipVersion = flags & F_V6 && !(flags & F_V4) ? 6 : 4;
  r.src4 = 0;
  r.dst4 = 0;
  r.src6.fill(0);
  r.dst6.fill(0);
  r.srcPort = 0;
  r.dstPort = 0;
  r.protocol = 0;
  r.dscp = 0;
  r.packets = 0;
  r.bytes = 0;
  r.firstMs = 0;
  r.lastMs = 0;
}

/** Applies sampling; false (and counted) when the record's counts, sampled or not, or its sampling rate cannot be believed. */
function finishRecord(r: FlowRecord, flags: number, c: SetContext): boolean {
  if ((flags & (F_V4 | F_V6)) === (F_V4 | F_V6)) r.ipVersion = r.src4 === 0 && r.dst4 === 0 ? 6 : 4;
  let rate = c.rate;
  if (flags & F_SAMPLING) rate = announcedRate(c, flags) || c.rate;
  if ((flags & F_COUNTS && !saneCounts(r.packets, r.bytes)) || rate > MAX_SAMPLING_RATE) {
    c.insane++;
    return false;
  }
  if (rate !== 1) {
    r.packets *= rate;
    r.bytes *= rate;
  }
  if (r.packets > MAX_RECORD_PACKETS || r.bytes > MAX_RECORD_OCTETS) {
    c.insane++;
    return false;
  }
  return true;
}

/**
 * Decodes every record of a data set into `r`, calling `onRecord` after each sane one; returns the count. Trailing
 * octets too short for a record are padding (RFC 7011 §3.3.1).
 */
export function decodeDataRecords(
  dv: DataView,
  start: number,
  end: number,
  t: Template,
  c: SetContext,
  r: FlowRecord,
  onRecord: (r: FlowRecord) => void,
): number {
  const flags = t.flags;
  resetRecord(r, flags);
  if (t.reader) return t.reader(dv, start, end, r, c, onRecord);
  const plan = t.plan;
  const n = plan.length;
  let count = 0;
  const stride = t.fixedLength;
  if (stride > 0) {
    for (let p = start; p + stride <= end; p += stride) {
      for (let i = 0; i < n; i += 3) readField(dv, p + plan[i]!, plan[i + 1]!, plan[i + 2]!, r, c);
      if (!finishRecord(r, flags, c)) continue;
      onRecord(r);
      count++;
    }
    return count;
  }
  for (let p = start; p + t.minLength <= end;) {
    const q = walkRecord(dv, p, end, plan, r, c);
    if (q < 0) {
      c.malformed = true;
      break;
    }
    p = q;
    if (!finishRecord(r, flags, c)) continue;
    onRecord(r);
    count++;
  }
  return count;
}

/**
 * Reads one record of a variable-length template (RFC 7011 §7: a 1-octet length, or 255 then a 2-octet
 * length); returns the offset after it, or -1 when it does not fit in the set.
 */
function walkRecord(dv: DataView, p: number, end: number, plan: Int32Array, r: FlowRecord, c: SetContext): number {
  for (let i = 0; i < plan.length; i += 3) {
    let len = plan[i + 1]!;
    if (len === VARIABLE_LENGTH) {
      if (p >= end) return -1;
      len = dv.getUint8(p++);
      if (len === 255) {
        if (p + 2 > end) return -1;
        len = dv.getUint16(p);
        p += 2;
      }
    }
    if (p + len > end) return -1;
    const kind = plan[i + 2]!;
    if (kind !== 0) readField(dv, p, len, kind, r, c);
    p += len;
  }
  return p;
}

/**
 * Walks the records of an options data set, calling `onOptions` after each with the scratch fields of the
 * context (sampling interval/space, system init time) filled in.
 */
export function readOptionsRecords(
  dv: DataView,
  start: number,
  end: number,
  t: Template,
  c: SetContext,
  r: FlowRecord,
  onOptions: (c: SetContext) => void,
): number {
  let count = 0;
  for (let p = start; p + t.minLength <= end;) {
    c.interval = 0;
    c.space = 0;
    c.sysInitMs = 0;
    let q: number;
    if (t.fixedLength > 0) {
      for (let i = 0; i < t.plan.length; i += 3) readField(dv, p + t.plan[i]!, t.plan[i + 1]!, t.plan[i + 2]!, r, c);
      q = p + t.fixedLength;
    } else {
      q = walkRecord(dv, p, end, t.plan, r, c);
      if (q < 0) {
        c.malformed = true;
        break;
      }
    }
    onOptions(c);
    count++;
    p = q;
  }
  return count;
}

/** An IPv6 address at `o` into four 32-bit words, most significant first (the FlowRecord layout). */
function readWords(dv: DataView, o: number, words: Uint32Array): void {
  words[0] = dv.getUint32(o);
  words[1] = dv.getUint32(o + 4);
  words[2] = dv.getUint32(o + 8);
  words[3] = dv.getUint32(o + 12);
}
