/** Test helpers: decoded records copied out of the reused FlowRecord, with addresses as text for readable asserts. */
import type { DecodeResult, FlowDecoder } from "../decoder";
import type { FlowRecord } from "../flow-record";

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

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
export function formatIPv6(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) groups.push(words[i]! >>> 16, words[i]! & 0xffff);
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLength).join(":")}`;
}
