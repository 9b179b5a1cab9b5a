/**
 * Sanity of counts: a record whose octets are impossible for its packets, or whose sampling rate is out of
 * range, is refused and counted instead of reaching the counters.
 */
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import { buildIpfixPacket, buildV5Packet, buildV9Packet, type TemplateSpec, type FlowSpec } from "./encode";
import { decodeFlows } from "./testing/decoded-flow";

const flow: FlowSpec = {
  src: "10.0.0.1",
  dst: "10.0.0.2",
  srcPort: 1,
  dstPort: 2,
  protocol: 6,
  packets: 10,
  bytes: 4000,
};

const template = (
  templateId: number,
  fields: [id: number, length: number][],
  scopeFieldCount?: number,
): TemplateSpec => ({
  templateId,
  fields: fields.map(([id, length]) => ({ id, length })),
  scopeFieldCount,
});

function outcome(decoder: FlowDecoder, packet: Uint8Array) {
  const { flows } = decodeFlows(decoder, packet);
  return { counts: flows.map((f) => [f.packets, f.bytes]), refused: decoder.counters.insaneRecords };
}

describe("NetFlow v5 record sanity", () => {
  it("refuses the 72-byte datagram that added 7×10¹³ packets (2^32-1 packets in 2^32-1 octets, 1 in 16383 sampled)", () => {
    const packet = buildV5Packet({
      samplingInterval: 16383,
      flows: [{ ...flow, packets: 0xffffffff, bytes: 0xffffffff }],
    });

    expect({ length: packet.byteLength, ...outcome(new FlowDecoder(), packet) }).toEqual({
      length: 72,
      counts: [],
      refused: 1,
    });
  });

  it("refuses a record of fewer octets than a 20-octet IP header a packet, and keeps the sane one beside it", () => {
    const packet = buildV5Packet({ flows: [{ ...flow, packets: 10, bytes: 199 }, flow] });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [[10, 4000]], refused: 1 });
  });

  it("refuses a record of more than 65,535 octets a packet", () => {
    const packet = buildV5Packet({ flows: [{ ...flow, packets: 1, bytes: 65536 }] });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [], refused: 1 });
  });

  it("refuses octets without packets", () => {
    const packet = buildV5Packet({ flows: [{ ...flow, packets: 0, bytes: 100 }] });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [], refused: 1 });
  });

  it("refuses 30 records of 214,748,364 packets sampled 1 in 16,383: no record may stand for more than 2^32 packets", () => {
    const huge = { ...flow, packets: 214_748_364, bytes: 4_294_967_280 };
    const packet = buildV5Packet({ samplingInterval: 16383, flows: Array.from({ length: 30 }, () => huge) });

    expect({ length: packet.byteLength, ...outcome(new FlowDecoder(), packet) }).toEqual({
      length: 1464,
      counts: [],
      refused: 30,
    });
  });

  it("accepts the bounds themselves: 20 and 65,535 octets a packet", () => {
    const packet = buildV5Packet({
      flows: [
        { ...flow, packets: 3, bytes: 60 },
        { ...flow, packets: 2, bytes: 131_070 },
      ],
    });

    expect(outcome(new FlowDecoder(), packet)).toEqual({
      counts: [
        [3, 60],
        [2, 131_070],
      ],
      refused: 0,
    });
  });
});

describe("NetFlow v9 and IPFIX record sanity", () => {
  const counts = template(256, [
    [2, 8],
    [1, 8],
  ]);

  it("refuses an IPFIX record whose octets are impossible for its packets, through the generated reader too", () => {
    const decoder = new FlowDecoder();
    const packet = buildIpfixPacket({
      templates: [counts],
      dataSets: [
        {
          template: counts,
          records: [
            [2n ** 40n, 2n ** 40n],
            [5, 500],
          ],
        },
      ],
    });

    // Twice: the first data set walks the plan, later ones run the template's generated reader.
    const first = outcome(decoder, packet);
    const second = outcome(decoder, packet);

    expect([first, second]).toEqual([
      { counts: [[5, 500]], refused: 1 },
      { counts: [[5, 500]], refused: 2 },
    ]);
  });

  it("refuses a variable-length IPFIX record whose octets are impossible for its packets", () => {
    const t = template(257, [
      [82, 65535],
      [2, 4],
      [1, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [
        {
          template: t,
          records: [
            [new Uint8Array(2), 7, 6],
            [new Uint8Array(1), 2, 80],
          ],
        },
      ],
    });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [[2, 80]], refused: 1 });
  });

  it("refuses the 76-byte IPFIX datagram that added 1.15×10¹⁸ packets (2^44 packets sampled 1 in 65,535), through the generated reader too", () => {
    const decoder = new FlowDecoder();
    const t = template(262, [
      [8, 4],
      [12, 4],
      [2, 8],
      [1, 8],
      [34, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [{ template: t, records: [[1, 2, 2n ** 44n, 2n ** 44n * 65535n, 65535]] }],
    });

    const first = outcome(decoder, packet);
    const second = outcome(decoder, packet);

    expect({ length: packet.byteLength, first, second }).toEqual({
      length: 76,
      first: { counts: [], refused: 1 },
      second: { counts: [], refused: 2 },
    });
  });

  it("accepts a record standing for exactly 2^32 packets after sampling", () => {
    const t = template(263, [
      [2, 8],
      [1, 8],
      [34, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [{ template: t, records: [[2n ** 31n, 2n ** 31n * 20n, 2]] }],
    });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [[2 ** 32, 2 ** 32 * 20]], refused: 0 });
  });

  it("refuses a record of octets only above 2^32 × 65,535 octets, through the generated reader too", () => {
    const decoder = new FlowDecoder();
    const t = template(264, [
      [8, 4],
      [1, 8],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [
        {
          template: t,
          records: [
            [1, 2n ** 63n],
            [1, 7],
          ],
        },
      ],
    });

    expect([outcome(decoder, packet), outcome(decoder, packet)]).toEqual([
      { counts: [[0, 7]], refused: 1 },
      { counts: [[0, 7]], refused: 2 },
    ]);
  });

  it("does not judge octets where the template carries no packet count", () => {
    const t = template(258, [[1, 4]]);

    expect(
      outcome(new FlowDecoder(), buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[7]] }] })),
    ).toEqual({
      counts: [[0, 7]],
      refused: 0,
    });
  });

  it("refuses a record whose own sampling interval is above 65,535", () => {
    const t = template(259, [
      [2, 4],
      [1, 4],
      [34, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [
        {
          template: t,
          records: [
            [3, 300, 70_000],
            [3, 300, 10],
          ],
        },
      ],
    });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [[30, 3000]], refused: 1 });
  });

  it("ignores and counts a v9 options record announcing a sampling rate above 65,535; the domain keeps its rate", () => {
    const options = template(
      300,
      [
        [1, 4],
        [34, 4],
      ],
      1,
    );
    const data = template(260, [
      [2, 4],
      [1, 4],
    ]);
    const decoder = new FlowDecoder();
    decodeFlows(
      decoder,
      buildV9Packet({ templates: [options, data], dataSets: [{ template: options, records: [[0, 4]] }] }),
    );

    const packet = buildV9Packet({
      dataSets: [
        { template: options, records: [[0, 1_000_000]] },
        { template: data, records: [[2, 200]] },
      ],
    });

    expect(outcome(decoder, packet)).toEqual({ counts: [[8, 800]], refused: 1 });
  });

  it("ignores an IPFIX sampling space that makes the rate out of range", () => {
    const options = template(
      301,
      [
        [149, 4],
        [305, 4],
        [306, 4],
      ],
      1,
    );
    const data = template(261, [
      [2, 4],
      [1, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [options, data],
      dataSets: [
        { template: options, records: [[0, 1, 0xffffffff]] },
        { template: data, records: [[2, 200]] },
      ],
    });

    expect(outcome(new FlowDecoder(), packet)).toEqual({ counts: [[2, 200]], refused: 1 });
  });
});
