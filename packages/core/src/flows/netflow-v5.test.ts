import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import { buildV5Packet, type FlowSpec } from "./encode";
import { decodeFlows } from "./testing/decoded-flow";

const T = 1_700_000_000_000;
const flow: FlowSpec = {
  src: "10.9.8.7",
  dst: "203.0.113.9",
  srcPort: 60001,
  dstPort: 22,
  protocol: 6,
  dscp: 18,
  packets: 40,
  bytes: 9000,
  firstMs: T - 30_000,
  lastMs: T - 250,
};

describe("NetFlow v5", () => {
  it("decodes every field of a record", () => {
    const packet = buildV5Packet({ unixSecs: T / 1000, flows: [flow] });

    expect(decodeFlows(new FlowDecoder(), packet).flows).toEqual([{ ipVersion: 4, ...flow }]);
  });

  it("takes flow times relative to the header's sysUptime, unix_secs and unix_nsecs", () => {
    const packet = buildV5Packet({ unixSecs: T / 1000, unixNsecs: 456_000_000, sysUptimeMs: 1_000_000, flows: [flow] });

    expect(decodeFlows(new FlowDecoder(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([
      [flow.firstMs, flow.lastMs],
    ]);
  });

  it("decodes all 30 records of a full packet", () => {
    const flows = Array.from({ length: 30 }, (_, i) => ({ ...flow, srcPort: i }));

    const { flows: decoded } = decodeFlows(new FlowDecoder(), buildV5Packet({ unixSecs: T / 1000, flows }));

    expect(decoded.map((f) => f.srcPort)).toEqual(flows.map((f) => f.srcPort));
  });

  it("multiplies counters by the header's sampling interval, ignoring the mode bits", () => {
    const packet = buildV5Packet({ unixSecs: T / 1000, samplingMode: 1, samplingInterval: 100, flows: [flow] });

    expect(decodeFlows(new FlowDecoder(), packet).flows.map((f) => [f.packets, f.bytes])).toEqual([[4000, 900_000]]);
  });

  it("counts a packet shorter than the header as malformed", () => {
    const packet = buildV5Packet({ flows: [] }).subarray(0, 20);

    expect(decodeFlows(new FlowDecoder(), packet).result).toEqual({ version: 5, records: 0, status: "malformed" });
  });
});
