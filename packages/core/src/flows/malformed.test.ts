/**
 * Bad input: each fault is counted, never thrown. Framing faults reject the datagram whole (framing.test.ts);
 * a fault inside a set stops at that set, and what came before it is still decoded.
 */
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  type TemplateSpec,
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
const goodData = flowDataSet(IPFIX_IPV4_TEMPLATE, [flow]);

function u16(packet: Uint8Array, at: number, value: number): Uint8Array {
  const copy = packet.slice();
  new DataView(copy.buffer).setUint16(at, value);
  return copy;
}

/** A template set whose only record is written by hand. */
function templateSet(words: number[], setId = 2): { setId: number; body: Uint8Array } {
  const body = new Uint8Array(words.length * 2);
  words.forEach((w, i) => new DataView(body.buffer).setUint16(i * 2, w));
  return { setId, body };
}

describe("malformed and unsupported packets", () => {
  it("counts an unknown version as unsupported", () => {
    const decoder = new FlowDecoder();

    const { result } = decodeFlows(decoder, new Uint8Array([0, 7, 1, 2, 3, 4]));

    expect({ result, unsupported: decoder.counters.unsupportedVersion }).toEqual({
      result: { version: 7, records: 0, status: "unsupported-version" },
      unsupported: 1,
    });
  });

  it("counts an empty datagram as malformed", () => {
    expect(decodeFlows(new FlowDecoder(), new Uint8Array(0)).result).toEqual({
      version: 0,
      records: 0,
      status: "malformed",
    });
  });

  it("counts an IPFIX message length shorter than its header as malformed", () => {
    const packet = u16(buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE], dataSets: [goodData] }), 2, 12);

    expect(decodeFlows(new FlowDecoder(), packet).result).toEqual({ version: 10, records: 0, status: "malformed" });
  });

  it("rejects a template whose field count runs past its set", () => {
    const decoder = new FlowDecoder();

    const { result } = decodeFlows(decoder, buildIpfixPacket({ sets: [templateSet([256, 10, 1, 4, 2, 4])] }));

    expect({
      status: result.status,
      rejected: decoder.counters.templatesRejected,
      known: decoder.counters.templates,
    }).toEqual({
      status: "malformed",
      rejected: 1,
      known: 0,
    });
  });

  it("rejects a template whose fields are all zero-length, which could never advance through a data set", () => {
    const decoder = new FlowDecoder();
    const t: TemplateSpec = {
      templateId: 256,
      fields: [
        { id: 1, length: 0 },
        { id: 2, length: 0 },
      ],
    };

    decodeFlows(decoder, buildIpfixPacket({ templates: [t] }));
    const { result } = decodeFlows(decoder, buildIpfixPacket({ sets: [{ setId: 256, body: new Uint8Array(64) }] }));

    expect({
      status: result.status,
      rejected: decoder.counters.templatesRejected,
      held: decoder.counters.setsHeld,
    }).toEqual({
      status: "ok",
      rejected: 1,
      held: 1,
    });
  });

  it("rejects a template with more fields than any real one (the cap on what garbage can allocate)", () => {
    const decoder = new FlowDecoder();
    const t: TemplateSpec = { templateId: 256, fields: Array.from({ length: 129 }, () => ({ id: 1, length: 1 })) };

    decodeFlows(decoder, buildIpfixPacket({ templates: [t] }));

    expect({ rejected: decoder.counters.templatesRejected, known: decoder.counters.templates }).toEqual({
      rejected: 1,
      known: 0,
    });
  });

  it("rejects a template with an id below 256", () => {
    const decoder = new FlowDecoder();

    decodeFlows(decoder, buildIpfixPacket({ sets: [templateSet([255, 1, 1, 4])] }));

    expect(decoder.counters.templatesRejected).toBe(1);
  });

  it("rejects an IPFIX options template whose scope field count is zero", () => {
    const decoder = new FlowDecoder();

    decodeFlows(decoder, buildIpfixPacket({ sets: [templateSet([300, 1, 0, 305, 4], 3)] }));

    expect(decoder.counters.templatesRejected).toBe(1);
  });

  it("rejects a NetFlow v9 options template whose scope length is not a multiple of four", () => {
    const decoder = new FlowDecoder();

    decodeFlows(decoder, buildV9Packet({ sets: [templateSet([300, 6, 4, 1, 4, 34, 4, 0], 1)] }));

    expect(decoder.counters.templatesRejected).toBe(1);
  });

  it("emits the records before a variable-length field that overruns its set", () => {
    const t: TemplateSpec = {
      templateId: 256,
      fields: [
        { id: 7, length: 2 },
        { id: 82, length: 65535 },
      ],
    };
    // Record 1: port 1, empty string. Record 2: port 2, a string claiming 200 octets.
    const body = new Uint8Array([0, 1, 0, 0, 2, 200, 1, 2, 3]);

    const { flows, result } = decodeFlows(
      new FlowDecoder(),
      buildIpfixPacket({ templates: [t], sets: [{ setId: 256, body }] }),
    );

    expect({ ports: flows.map((f) => f.srcPort), status: result.status }).toEqual({ ports: [1], status: "malformed" });
  });

  it("skips sets with reserved ids", () => {
    const packet = buildIpfixPacket({
      sets: [{ setId: 100, body: new Uint8Array(8) }, { templates: [IPFIX_IPV4_TEMPLATE] }, goodData],
    });

    const { flows, result } = decodeFlows(new FlowDecoder(), packet);

    expect({ flows: flows.length, status: result.status }).toEqual({ flows: 1, status: "ok" });
  });
});
