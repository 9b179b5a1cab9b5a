/** Test helpers: decoded records copied out of the reused FlowRecord, with addresses as text for readable asserts. */
import type { DecodeResult, FlowDecoder } from "../decoder";
import type { FlowRecord } from "../flow-record";
import { formatIPv4, formatIPv6 } from "../../net/ip";

export interface DecodedFlow {
  ipVersion: 4 | 6;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  protocol: number;
  dscp: number;
  packets: number;
  bytes: number;
  firstMs: number;
  lastMs: number;
}

export function toDecodedFlow(r: FlowRecord): DecodedFlow {
  return {
    ipVersion: r.ipVersion,
    src: r.ipVersion === 4 ? formatIPv4(r.src4) : formatIPv6(r.src6),
    dst: r.ipVersion === 4 ? formatIPv4(r.dst4) : formatIPv6(r.dst6),
    srcPort: r.srcPort,
    dstPort: r.dstPort,
    protocol: r.protocol,
    dscp: r.dscp,
    packets: r.packets,
    bytes: r.bytes,
    firstMs: r.firstMs,
    lastMs: r.lastMs,
  };
}

/** Decodes one packet and returns copies of its records. */
export function decodeFlows(
  decoder: FlowDecoder,
  packet: Uint8Array,
  options: { exporter?: string; nowMs?: number } = {},
): { result: DecodeResult; flows: DecodedFlow[] } {
  const flows: DecodedFlow[] = [];
  const result = decoder.decode(packet, options.exporter ?? "192.0.2.1", options.nowMs ?? 0, (r) =>
    flows.push(toDecodedFlow(r)),
  );
  return { result, flows };
}
