/**
 * Strict framing: a datagram whose own header disagrees with its size is rejected whole (nothing of it reaches
 * the counters, not even the sets before the fault) and counted as malformed, as nfcapd does.
 */
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  buildV5Packet,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  V9_IPV4_TEMPLATE,
  type FlowSpec,
} from "./encode";
import { decodeFlows } from "./testing/decoded-flow";

const flow: FlowSpec = {
  src: "10.0.0.1",
  dst: "10.0.0.2",
  srcPort: 1,
  dstPort: 2,
  protocol: 6,
  packets: 1,
  bytes: 100,
};

function rejectedWhole(decoder: FlowDecoder, packet: Uint8Array) {
  const { flows, result } = decodeFlows(decoder, packet);
  return {
    flows: flows.length,
    status: result.status,
    malformed: decoder.counters.malformedPackets,
    records: decoder.counters.records,
    templates: decoder.counters.templates,
  };
}

const REJECTED = { flows: 0, status: "malformed", malformed: 1, records: 0, templates: 0 };

describe("NetFlow v5 framing", () => {
  it("rejects a datagram whose record count is over 30", () => {
    const flows = Array.from({ length: 31 }, () => flow);

    expect(rejectedWhole(new FlowDecoder(), buildV5Packet({ flows }))).toEqual(REJECTED);
  });

  it("rejects a datagram whose count claims more records than it holds", () => {
    expect(rejectedWhole(new FlowDecoder(), buildV5Packet({ count: 5, flows: [flow, flow] }))).toEqual(REJECTED);
  });

  it("rejects a datagram longer than its count says", () => {
    expect(rejectedWhole(new FlowDecoder(), buildV5Packet({ count: 1, flows: [flow, flow] }))).toEqual(REJECTED);
  });

  it("accepts a header-only datagram with a count of zero as empty", () => {
    const decoder = new FlowDecoder();

    const { result } = decodeFlows(decoder, buildV5Packet({ flows: [] }));

    expect({ result, malformed: decoder.counters.malformedPackets }).toEqual({
      result: { version: 5, records: 0, status: "ok" },
      malformed: 0,
    });
  });
});

describe("NetFlow v9 framing", () => {
  const good = flowDataSet(V9_IPV4_TEMPLATE, [flow]);

  it("rejects the whole datagram when a flowset length is below 4, sets before it included", () => {
    const packet = buildV9Packet({
      templates: [V9_IPV4_TEMPLATE],
      dataSets: [good],
      sets: [{ setId: 256, body: new Uint8Array(8), length: 2 }],
    });

    expect(rejectedWhole(new FlowDecoder(), packet)).toEqual(REJECTED);
  });

  it("rejects the whole datagram when a flowset runs past its end", () => {
    const packet = buildV9Packet({
      templates: [V9_IPV4_TEMPLATE],
      dataSets: [good],
      sets: [{ setId: 256, body: new Uint8Array(8), length: 400 }],
    });

    expect(rejectedWhole(new FlowDecoder(), packet)).toEqual(REJECTED);
  });

  it("keeps fewer than 4 trailing octets as padding (RFC 3954 §5.3)", () => {
    const packet = buildV9Packet({ templates: [V9_IPV4_TEMPLATE], dataSets: [good] });
    const padded = new Uint8Array(packet.byteLength + 2);
    padded.set(packet);

    const { flows, result } = decodeFlows(new FlowDecoder(), padded);

    expect({ flows: flows.length, status: result.status }).toEqual({ flows: 1, status: "ok" });
  });
});

describe("IPFIX framing", () => {
  const good = flowDataSet(IPFIX_IPV4_TEMPLATE, [flow]);

  it("rejects a message whose length is shorter than the datagram", () => {
    const packet = buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [good] });
    const longer = new Uint8Array(packet.byteLength + 8);
    longer.set(packet);

    expect(rejectedWhole(new FlowDecoder(), longer)).toEqual(REJECTED);
  });

  it("rejects a message whose length is longer than the datagram (truncated), sets that arrived whole included", () => {
    const whole = buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [good, good] });

    expect(rejectedWhole(new FlowDecoder(), whole.subarray(0, whole.byteLength - 10))).toEqual(REJECTED);
  });

  it("rejects the whole message when a set runs past it", () => {
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [good],
      sets: [{ setId: 256, body: new Uint8Array(8), length: 400 }],
    });

    expect(rejectedWhole(new FlowDecoder(), packet)).toEqual(REJECTED);
  });

  it("rejects the whole message when a set length is zero", () => {
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [good],
      sets: [{ setId: 256, body: new Uint8Array(8), length: 0 }],
    });

    expect(rejectedWhole(new FlowDecoder(), packet)).toEqual(REJECTED);
  });

  it("keeps padding inside a set's declared length legal", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));
    const data = buildIpfixPacket({ dataSets: [good] });
    // Grow the data set by 3 octets of padding inside its own length, and the message with it.
    const padded = new Uint8Array(data.byteLength + 3);
    padded.set(data);
    const dv = new DataView(padded.buffer);
    dv.setUint16(2, padded.byteLength);
    dv.setUint16(18, dv.getUint16(18) + 3);

    const { flows, result } = decodeFlows(decoder, padded);

    expect({ flows: flows.length, status: result.status }).toEqual({ flows: 1, status: "ok" });
  });
});
