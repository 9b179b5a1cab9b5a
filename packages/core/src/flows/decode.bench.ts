/**
 * Decode throughput, records/s on one core, against an in-process floor: a loop that only reads the two
 * counters of every record at fixed offsets with a DataView (what any decoder must at least do).
 */
import { keep, nsPerOp, report } from "../testing/bench";
import { FlowDecoder } from "./decoder";
import { VARIABLE_LENGTH } from "./field-kinds";
import type { FlowRecord } from "./flow-record";
import {
  buildIpfixPacket,
  buildV5Packet,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  V9_IPV4_TEMPLATE,
  type TemplateSpec,
  type FlowSpec,
} from "./encode";

const PACKETS = 64;
const BASE_MS = 1_700_000_000_000;

function flows(count: number, seed: number, v6: boolean): FlowSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const n = seed * count + i;
    return {
      src: v6 ? `2001:db8::${(n % 65535).toString(16)}` : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      dst: v6 ? `2001:db8:1::${(n % 7).toString(16)}` : `192.0.2.${n % 250}`,
      srcPort: 1024 + (n % 60000),
      dstPort: [443, 80, 53, 22][n % 4]!,
      protocol: n % 3 === 0 ? 17 : 6,
      dscp: n % 64,
      packets: 1 + (n % 100),
      bytes: 64 * (1 + (n % 100)),
      firstMs: BASE_MS - 5000 + (n % 1000),
      lastMs: BASE_MS - (n % 1000),
    };
  });
}

/** Offsets of the packet and octet counters of each record, for the baseline loop. */
function counterOffsets(
  packet: Uint8Array,
  firstRecord: number,
  recordLength: number,
  packetsAt: number,
  bytesAt: number,
) {
  const out: number[] = [];
  for (let p = firstRecord; p + recordLength <= packet.byteLength; p += recordLength)
    out.push(p + packetsAt, p + bytesAt);
  return Int32Array.from(out);
}

function offsetOf(t: TemplateSpec, id: number): number {
  let o = 0;
  for (const f of t.fields) {
    if (f.id === id) return o;
    o += f.length;
  }
  throw new Error(`no field ${id}`);
}

function recordLength(t: TemplateSpec): number {
  return t.fields.reduce((s, f) => s + f.length, 0);
}

function measure(
  label: string,
  packets: Uint8Array[],
  recordsPerPacket: number,
  prime: (d: FlowDecoder) => void,
  baseline: (packet: Uint8Array, i: number) => number,
  target?: string,
): void {
  const decoder = new FlowDecoder();
  prime(decoder);
  let sum = 0;
  const onRecord = (r: FlowRecord) => {
    sum += r.bytes + r.srcPort;
  };
  const iterations = Math.ceil(4_000_000 / recordsPerPacket);
  const ours = nsPerOp((i) => decoder.decode(packets[i % PACKETS]!, "192.0.2.1", BASE_MS, onRecord), iterations);
  const floor = nsPerOp((i) => (sum += baseline(packets[i % PACKETS]!, i % PACKETS)), iterations);
  keep(sum);
  const mrecs = (ns: number) => (recordsPerPacket / ns) * 1000;
  report(label, mrecs(ours), mrecs(floor), "Mrec/s", target);
  if (decoder.counters.malformedPackets + decoder.counters.unknownTemplateSets > 0)
    throw new Error(`${label}: decode faults`);
}

function counterSum(dvs: DataView[], offsets: Int32Array[], eightOctets: boolean) {
  return (_: Uint8Array, i: number): number => {
    const dv = dvs[i]!;
    const offs = offsets[i]!;
    let s = 0;
    for (let k = 0; k < offs.length; k++) {
      const o = offs[k]!;
      s += eightOctets ? dv.getUint32(o) * 4294967296 + dv.getUint32(o + 4) : dv.getUint32(o);
    }
    return s;
  };
}

function ipfix(template: TemplateSpec, v6: boolean, label: string, target?: string): void {
  // A variable-length field is sent empty (1 octet), which keeps the baseline's fixed offsets right.
  const length =
    recordLength(template) + template.fields.filter((f) => f.length === VARIABLE_LENGTH).length * (1 - VARIABLE_LENGTH);
  const perPacket = Math.floor((1400 - 20) / length);
  const packets = Array.from({ length: PACKETS }, (_, i) =>
    buildIpfixPacket({ domainId: 1, sequence: i, dataSets: [flowDataSet(template, flows(perPacket, i, v6))] }),
  );
  const offsets = packets.map((p) => counterOffsets(p, 20, length, offsetOf(template, 2), offsetOf(template, 1)));
  const dvs = packets.map((p) => new DataView(p.buffer, p.byteOffset, p.byteLength));
  measure(
    label,
    packets,
    perPacket,
    (d) => d.decode(buildIpfixPacket({ domainId: 1, templates: [template] }), "192.0.2.1", BASE_MS, () => {}),
    counterSum(dvs, offsets, true),
    target,
  );
}

function v9(): void {
  const t = V9_IPV4_TEMPLATE;
  const perPacket = Math.floor((1400 - 24) / recordLength(t));
  const clock = { unixSecs: BASE_MS / 1000, sysUptimeMs: 86_400_000 };
  const packets = Array.from({ length: PACKETS }, (_, i) =>
    buildV9Packet({ sequence: i, ...clock, dataSets: [flowDataSet(t, flows(perPacket, i, false), clock)] }),
  );
  const offsets = packets.map((p) => counterOffsets(p, 24, recordLength(t), offsetOf(t, 2), offsetOf(t, 1)));
  const dvs = packets.map((p) => new DataView(p.buffer, p.byteOffset, p.byteLength));
  measure(
    "NetFlow v9 IPv4, 4-octet counters, uptimes",
    packets,
    perPacket,
    (d) => d.decode(buildV9Packet({ ...clock, templates: [t] }), "192.0.2.1", BASE_MS, () => {}),
    counterSum(dvs, offsets, false),
  );
}

function v5(): void {
  const packets = Array.from({ length: PACKETS }, (_, i) =>
    buildV5Packet({ sequence: i * 30, unixSecs: BASE_MS / 1000, flows: flows(30, i, false) }),
  );
  const offsets = packets.map((p) => counterOffsets(p, 24, 48, 16, 20));
  const dvs = packets.map((p) => new DataView(p.buffer, p.byteOffset, p.byteLength));
  measure("NetFlow v5", packets, 30, () => {}, counterSum(dvs, offsets, false));
}

/** A variable-length field last: the generated reader then walks runs of fields with a moving cursor. */
const IPFIX_VARIABLE_TEMPLATE: TemplateSpec = {
  ...IPFIX_IPV4_TEMPLATE,
  templateId: 258,
  fields: [...IPFIX_IPV4_TEMPLATE.fields, { id: 82, length: VARIABLE_LENGTH }],
};

export async function run(): Promise<void> {
  ipfix(IPFIX_IPV4_TEMPLATE, false, "IPFIX IPv4, 8-octet counters, ms timestamps", ">= 20 Mrec/s");
  ipfix(IPFIX_IPV6_TEMPLATE, true, "IPFIX IPv6, 8-octet counters, ms timestamps");
  ipfix(IPFIX_VARIABLE_TEMPLATE, false, "IPFIX IPv4 + a variable-length field");
  v9();
  v5();
}
