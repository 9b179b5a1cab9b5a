/**
 * Encodes NetFlow v5, v9 and IPFIX packets from plain specs: the demo exporter's traffic, and the packets
 * tests and benchmarks send. Not used by the decoder. Throws on a spec it cannot encode (a value that does
 * not fit its field): a wrong packet should fail loudly, not go out half right.
 */
import { clip, ipv4ToNumber, ipv6ToWords } from "../net/ip";

export type FieldValue = number | bigint | string | Uint8Array;

export interface TemplateFieldSpec {
  id: number;
  /** Octets; 65535 is variable-length (IPFIX), the value then being a Uint8Array. */
  length: number;
  /** IPFIX Private Enterprise Number: sets the E bit. */
  enterprise?: number;
}

export interface TemplateSpec {
  templateId: number;
  fields: readonly TemplateFieldSpec[];
  /** Makes it an options template whose first `scopeFieldCount` fields are scope fields. */
  scopeFieldCount?: number;
}

/** Records of one template; each record's values follow the template's fields in order. */
export interface DataSetSpec {
  template: TemplateSpec;
  records: readonly (readonly FieldValue[])[];
}

/** One set in wire order: templates (options ones get their own set id), data, IPFIX withdrawals, or raw bytes. */
export type SetSpec =
  | { templates: readonly TemplateSpec[] }
  | DataSetSpec
  | { withdraw: readonly number[]; options?: boolean }
  | { setId: number; body: Uint8Array; /** Overrides the set header's length, to lie. */ length?: number };

/** A flow in friendly terms, mapped onto whatever fields a template has by `flowValues`. */
export interface FlowSpec {
  /** Dotted IPv4 or IPv6 text. */
  src: string;
  dst: string;
  srcPort?: number;
  dstPort?: number;
  protocol?: number;
  dscp?: number;
  packets: number;
  bytes: number;
  firstMs?: number;
  lastMs?: number;
}

/** What uptime fields (21/22) are relative to: the v9 header, or IPFIX systemInitTimeMilliseconds. */
export type UptimeClock = { unixSecs: number; sysUptimeMs: number } | { systemInitMs: number };

const f = (id: number, length: number): TemplateFieldSpec => ({ id, length });

/** IPv4 flows with millisecond timestamps, the shape softflowd `-A milli` and most IPFIX exporters send. */
export const IPFIX_IPV4_TEMPLATE: TemplateSpec = {
  templateId: 256,
  fields: [f(8, 4), f(12, 4), f(7, 2), f(11, 2), f(4, 1), f(5, 1), f(2, 8), f(1, 8), f(152, 8), f(153, 8)],
};

export const IPFIX_IPV6_TEMPLATE: TemplateSpec = {
  templateId: 257,
  fields: [f(27, 16), f(28, 16), f(7, 2), f(11, 2), f(4, 1), f(5, 1), f(2, 8), f(1, 8), f(152, 8), f(153, 8)],
};

/** IPv4 flows with uptime timestamps and 4-octet counters, as Cisco IOS and softflowd send v9. */
export const V9_IPV4_TEMPLATE: TemplateSpec = {
  templateId: 256,
  fields: [f(8, 4), f(12, 4), f(7, 2), f(11, 2), f(4, 1), f(5, 1), f(2, 4), f(1, 4), f(22, 4), f(21, 4)],
};

export const V9_IPV6_TEMPLATE: TemplateSpec = {
  templateId: 257,
  fields: [f(27, 16), f(28, 16), f(7, 2), f(11, 2), f(4, 1), f(5, 1), f(2, 4), f(1, 4), f(22, 4), f(21, 4)],
};

export interface IpfixPacketSpec {
  domainId?: number;
  sequence?: number;
  exportTimeSec?: number;
  /** Sent first, data templates in one set 2 and options templates in one set 3. */
  templates?: readonly TemplateSpec[];
  /** Sent after the templates. */
  dataSets?: readonly DataSetSpec[];
  /** Sent last, in order. */
  sets?: readonly SetSpec[];
}

export function buildIpfixPacket(spec: IpfixPacketSpec): Uint8Array {
  const w = new ByteWriter();
  w.u16(10)
    .u16(0)
    .u32(spec.exportTimeSec ?? 1_700_000_000)
    .u32(spec.sequence ?? 0)
    .u32(spec.domainId ?? 0);
  for (const set of orderedSets(spec.templates, spec.dataSets, spec.sets)) writeSet(w, set, 10);
  const bytes = w.finish();
  new DataView(bytes.buffer).setUint16(2, bytes.byteLength);
  return bytes;
}

export interface V9PacketSpec {
  sourceId?: number;
  sequence?: number;
  unixSecs?: number;
  sysUptimeMs?: number;
  templates?: readonly TemplateSpec[];
  dataSets?: readonly DataSetSpec[];
  sets?: readonly SetSpec[];
}

export function buildV9Packet(spec: V9PacketSpec): Uint8Array {
  const w = new ByteWriter();
  const sets = orderedSets(spec.templates, spec.dataSets, spec.sets);
  let count = 0;
  for (const s of sets) count += "templates" in s ? s.templates.length : "records" in s ? s.records.length : 0;
  w.u16(9)
    .u16(count)
    .u32(spec.sysUptimeMs ?? 3_600_000)
    .u32(spec.unixSecs ?? 1_700_000_000);
  w.u32(spec.sequence ?? 0).u32(spec.sourceId ?? 0);
  for (const set of sets) writeSet(w, set, 9);
  return w.finish();
}

export interface V5PacketSpec {
  sysUptimeMs?: number;
  unixSecs?: number;
  unixNsecs?: number;
  sequence?: number;
  engineType?: number;
  engineId?: number;
  /** Low 14 bits of the header's sampling field. */
  samplingInterval?: number;
  /** Top 2 bits of the header's sampling field. */
  samplingMode?: number;
  /** Times are epoch ms, turned into uptimes relative to the header; at most 30 by the format. */
  flows: readonly FlowSpec[];
  /** Overrides the header's record count, to lie. */
  count?: number;
}

export function buildV5Packet(spec: V5PacketSpec): Uint8Array {
  const w = new ByteWriter();
  const sysUptime = spec.sysUptimeMs ?? 3_600_000;
  const unixSecs = spec.unixSecs ?? 1_700_000_000;
  const unixNsecs = spec.unixNsecs ?? 0;
  const headerMs = unixSecs * 1000 + Math.floor(unixNsecs / 1e6);
  const uptime = (ms: number | undefined) => (ms === undefined ? 0 : (sysUptime - (headerMs - ms)) >>> 0);
  w.u16(5)
    .u16(spec.count ?? spec.flows.length)
    .u32(sysUptime)
    .u32(unixSecs)
    .u32(unixNsecs)
    .u32(spec.sequence ?? 0);
  w.u8(spec.engineType ?? 0).u8(spec.engineId ?? 0);
  w.u16((((spec.samplingMode ?? 0) & 3) << 14) | ((spec.samplingInterval ?? 0) & 0x3fff));
  for (const fl of spec.flows) {
    w.bytes(ipBytes(fl.src, 4)).bytes(ipBytes(fl.dst, 4)).u32(0).u16(0).u16(0);
    w.u32(fl.packets).u32(fl.bytes).u32(uptime(fl.firstMs)).u32(uptime(fl.lastMs));
    w.u16(fl.srcPort ?? 0)
      .u16(fl.dstPort ?? 0)
      .u8(0)
      .u8(0)
      .u8(fl.protocol ?? 0)
      .u8((fl.dscp ?? 0) << 2);
    w.u16(0).u16(0).u8(0).u8(0).u16(0);
  }
  return w.finish();
}

/** The values of `flow` for each field of `template`; fields it does not know are zero (or empty if variable). */
export function flowValues(template: TemplateSpec, flow: FlowSpec, clock?: UptimeClock): FieldValue[] {
  const uptime = (ms: number | undefined): number => {
    if (ms === undefined || !clock) return 0;
    if ("systemInitMs" in clock) return ms - clock.systemInitMs;
    return (clock.sysUptimeMs - (clock.unixSecs * 1000 - ms)) >>> 0;
  };
  const ntp = (ms = 0): bigint => {
    const sec = Math.floor(ms / 1000);
    const frac = BigInt(Math.round(((ms - sec * 1000) / 1000) * 2 ** 32));
    return (BigInt(sec + 2208988800) << 32n) | frac;
  };
  return template.fields.map((field): FieldValue => {
    if (field.enterprise !== undefined) return field.length === 65535 ? new Uint8Array(0) : 0;
    switch (field.id) {
      case 1:
      case 85:
        return flow.bytes;
      case 2:
      case 86:
        return flow.packets;
      case 4:
        return flow.protocol ?? 0;
      case 5:
        return (flow.dscp ?? 0) << 2;
      case 7:
        return flow.srcPort ?? 0;
      case 11:
        return flow.dstPort ?? 0;
      case 8:
      case 27:
        return flow.src;
      case 12:
      case 28:
        return flow.dst;
      case 22:
        return uptime(flow.firstMs);
      case 21:
        return uptime(flow.lastMs);
      case 150:
        return Math.floor((flow.firstMs ?? 0) / 1000);
      case 151:
        return Math.floor((flow.lastMs ?? 0) / 1000);
      case 152:
        return flow.firstMs ?? 0;
      case 153:
        return flow.lastMs ?? 0;
      case 154:
      case 156:
        return ntp(flow.firstMs);
      case 155:
      case 157:
        return ntp(flow.lastMs);
      default:
        return field.length === 65535 ? new Uint8Array(0) : 0;
    }
  });
}

/** A data set of `flows` encoded with `template`. */
export function flowDataSet(template: TemplateSpec, flows: readonly FlowSpec[], clock?: UptimeClock): DataSetSpec {
  return { template, records: flows.map((fl) => flowValues(template, fl, clock)) };
}

function orderedSets(
  templates: readonly TemplateSpec[] = [],
  dataSets: readonly DataSetSpec[] = [],
  sets: readonly SetSpec[] = [],
): SetSpec[] {
  const data = templates.filter((t) => !t.scopeFieldCount);
  const options = templates.filter((t) => t.scopeFieldCount);
  const out: SetSpec[] = [];
  if (data.length > 0) out.push({ templates: data });
  if (options.length > 0) out.push({ templates: options });
  return [...out, ...dataSets, ...sets];
}

function writeSet(w: ByteWriter, set: SetSpec, version: 9 | 10): void {
  const start = w.length;
  if ("body" in set) {
    w.u16(set.setId)
      .u16(set.length ?? set.body.byteLength + 4)
      .bytes(set.body);
    return;
  }
  if ("withdraw" in set) {
    w.u16(set.options ? 3 : 2).u16(0);
    for (const id of set.withdraw) w.u16(id).u16(0);
  } else if ("templates" in set) {
    const options = set.templates.some((t) => t.scopeFieldCount);
    w.u16(version === 9 ? (options ? 1 : 0) : options ? 3 : 2).u16(0);
    for (const t of set.templates) writeTemplate(w, t, version);
  } else {
    w.u16(set.template.templateId).u16(0);
    for (const values of set.records) writeRecord(w, set.template, values);
  }
  // RFC 3954 §5.3: v9 flowsets are padded to a 32-bit boundary. IPFIX sets are left unpadded.
  if (version === 9) while ((w.length - start) % 4 !== 0) w.u8(0);
  w.patchU16(start + 2, w.length - start);
}

function writeTemplate(w: ByteWriter, t: TemplateSpec, version: 9 | 10): void {
  const scope = t.scopeFieldCount ?? 0;
  if (version === 9 && scope > 0) {
    w.u16(t.templateId)
      .u16(scope * 4)
      .u16((t.fields.length - scope) * 4);
  } else {
    w.u16(t.templateId).u16(t.fields.length);
    if (scope > 0) w.u16(scope);
  }
  for (const field of t.fields) {
    if (field.enterprise !== undefined)
      w.u16(field.id | 0x8000)
        .u16(field.length)
        .u32(field.enterprise);
    else w.u16(field.id).u16(field.length);
  }
}

function writeRecord(w: ByteWriter, t: TemplateSpec, values: readonly FieldValue[]): void {
  if (values.length !== t.fields.length) {
    throw new Error(`template ${t.templateId} has ${t.fields.length} fields, record has ${values.length} values`);
  }
  t.fields.forEach((field, i) => {
    const v = values[i]!;
    if (field.length === 65535) {
      if (!(v instanceof Uint8Array)) throw new Error(`variable-length field ${field.id} needs a Uint8Array`);
      // RFC 7011 §7: lengths under 255 in one octet, longer ones as 255 then two octets.
      if (v.byteLength < 255) w.u8(v.byteLength);
      else w.u8(255).u16(v.byteLength);
      w.bytes(v);
    } else if (v instanceof Uint8Array) {
      if (v.byteLength !== field.length)
        throw new Error(`field ${field.id} is ${field.length} octets, value ${v.byteLength}`);
      w.bytes(v);
    } else if (typeof v === "string") {
      w.bytes(ipBytes(v, field.length));
    } else {
      w.uint(BigInt(v), field.length);
    }
  });
}

/** An address as the octets a packet carries: 4 for IPv4, 16 for IPv6. */
function ipBytes(text: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  if (length === 4) view.setUint32(0, ipv4ToNumber(text));
  else if (length === 16) ipv6ToWords(text).forEach((word, i) => view.setUint32(i * 4, word));
  else throw new Error(`cannot encode address ${clip(text)} in ${length} octets`);
  return out;
}

class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.byteLength) return;
    const next = new Uint8Array(Math.max(this.buf.byteLength * 2, this.length + n));
    next.set(this.buf);
    this.buf = next;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }

  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }

  uint(v: bigint, length: number): this {
    if (v < 0n || v >> BigInt(length * 8) !== 0n) throw new Error(`${v} does not fit ${length} octets`);
    for (let i = length - 1; i >= 0; i--) this.u8(Number((v >> BigInt(i * 8)) & 0xffn));
    return this;
  }

  bytes(b: Uint8Array): this {
    this.room(b.byteLength);
    this.buf.set(b, this.length);
    this.length += b.byteLength;
    return this;
  }

  patchU16(at: number, v: number): void {
    this.buf[at] = (v >>> 8) & 0xff;
    this.buf[at + 1] = v & 0xff;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
