import { ValidationError } from "../../errors";
import { createFlowRecord, type FlowRecord } from "../../flows/flow-record";
import { clip, ipFamily, parseIPv4, parseIPv6 } from "../../net/ip";

/**
 * The 5-tuple that identifies a flow. A decoded FlowRecord is one, so the sidecar hands records over
 * as they come; addresses are numbers (see FlowRecord), and only the fields of the record's
 * `ipVersion` are read.
 */
export type FlowKey = Pick<
  FlowRecord,
  "ipVersion" | "src4" | "dst4" | "src6" | "dst6" | "srcPort" | "dstPort" | "protocol"
>;

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
  record.ipVersion = family;
  if (family === 4) {
    record.src4 = parseIPv4(input.src);
    record.dst4 = parseIPv4(input.dst);
  } else {
    parseIPv6(input.src, record.src6);
    parseIPv6(input.dst, record.dst6);
  }
  record.srcPort = input.srcPort;
  record.dstPort = input.dstPort;
  record.protocol = input.protocol;
  record.dscp = input.dscp ?? 0;
  return record;
}

function checkRange(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(`${field} must be an integer from 0 to ${max}`, field);
  }
}
