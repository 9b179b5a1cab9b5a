import { ValidationError } from "../errors";
import { createFlowRecord, type FlowRecord } from "../flows/flow-record";
import { addressToBigInt, ipFamily } from "../policies/match-rules";

/**
 * The 5-tuple that identifies a flow. A decoded FlowRecord is one, so the sidecar hands records over
 * as they come; addresses are numbers (see FlowRecord), and only the fields of the record's
 * `ipVersion` are read.
 */
export type FlowKey = Pick<FlowRecord, "ipVersion" | "src4" | "dst4" | "src6" | "dst6" | "srcPort" | "dstPort" | "protocol">;

export interface FlowKeyInput {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  protocol: number;
  dscp?: number;
}

/**
 * A flow key from address strings, for tests and the API. It is a full FlowRecord (counters zero) with
 * the decoders' object shape, so passing it to the collector keeps the hot path monomorphic.
 */
export function flowKey(input: FlowKeyInput): FlowRecord {
  const family = ipFamily(input.src);
  if (family === 0) throw new ValidationError(`"${clip(input.src)}" is not an IP address (without a zone id)`, "src");
  if (ipFamily(input.dst) !== family) {
    throw new ValidationError(`"${clip(input.dst)}" is not an IPv${family} address like the source`, "dst");
  }
  checkRange(input.srcPort, 65535, "srcPort");
  checkRange(input.dstPort, 65535, "dstPort");
  checkRange(input.protocol, 255, "protocol");
  checkRange(input.dscp ?? 0, 63, "dscp");
  const record = createFlowRecord();
  record.ipVersion = family as 4 | 6;
  if (family === 4) {
    record.src4 = Number(addressToBigInt(input.src, 4));
    record.dst4 = Number(addressToBigInt(input.dst, 4));
  } else {
    writeWords(addressToBigInt(input.src, 6), record.src6);
    writeWords(addressToBigInt(input.dst, 6), record.dst6);
  }
  record.srcPort = input.srcPort;
  record.dstPort = input.dstPort;
  record.protocol = input.protocol;
  record.dscp = input.dscp ?? 0;
  return record;
}

/** Enough of a rejected input to recognise it; an error message never echoes 80 KB back. */
function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

function checkRange(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(`${field} must be an integer from 0 to ${max}`, field);
  }
}

/** A 128-bit address into four 32-bit words, most significant first (the FlowRecord layout). */
export function writeWords(address: bigint, words: Uint32Array): void {
  for (let i = 3; i >= 0; i--) {
    words[i] = Number(address & 0xffffffffn);
    address >>= 32n;
  }
}

export function formatIPv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (2+) of zero groups as "::". */
export function formatIPv6(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) {
    const w = (words[i] ?? 0) >>> 0;
    groups.push(w >>> 16, w & 0xffff);
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(":");
  if (bestStart === -1) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}
