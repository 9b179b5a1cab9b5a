import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  type TemplateSpec,
  type FlowSpec,
} from "./encode";
import { decodeFlows } from "./testing/decoded-flow";

const T = 1_700_000_000_000;
const flow: FlowSpec = {
  src: "10.1.2.3",
  dst: "192.0.2.77",
  srcPort: 51515,
  dstPort: 443,
  protocol: 6,
  dscp: 46,
  packets: 12,
  bytes: 3456,
  firstMs: T - 2500,
  lastMs: T - 100,
};
const decoded = { ipVersion: 4, ...flow };

const template = (
  templateId: number,
  fields: [id: number, length: number][],
  scopeFieldCount?: number,
): TemplateSpec => ({
  templateId,
  fields: fields.map(([id, length]) => ({ id, length })),
  scopeFieldCount,
});

/** Options template announcing sampling as softflowd does: samplingPacketInterval and samplingPacketSpace. */
const SAMPLING_OPTIONS = template(
  300,
  [
    [149, 4],
    [305, 4],
    [306, 4],
  ],
  1,
);

function fresh(): FlowDecoder {
  return new FlowDecoder();
}

describe("IPFIX data records", () => {
  it("decodes an IPv4 record's addresses, ports, protocol, DSCP, counters and millisecond times", () => {
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])],
    });

    expect(decodeFlows(fresh(), packet).flows).toEqual([decoded]);
  });

  it("decodes an IPv6 record's addresses as four 32-bit words", () => {
    const v6 = { ...flow, src: "2001:db8:0:1::a", dst: "fe80::1:2:3:4" };
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV6_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV6_TEMPLATE, [v6])],
    });

    expect(decodeFlows(fresh(), packet).flows).toEqual([{ ...decoded, ...v6, ipVersion: 6 }]);
  });

  it("decodes every record of a set, in order", () => {
    const flows = [1, 2, 3].map((i) => ({ ...flow, srcPort: i, bytes: i * 1000 }));
    const packet = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, flows)],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.srcPort, f.bytes])).toEqual([
      [1, 1000],
      [2, 2000],
      [3, 3000],
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("reads %i-octet counters (reduced-size encoding)", (length) => {
    const t = template(256, [
      [1, length],
      [2, length],
    ]);
    // Up to the bounds a record must meet: at most 2^32 packets, of 20 to 65,535 octets each.
    const big = Math.min(2 ** (8 * Math.min(length, 6)) - 1, 2 ** 32 * 65535);
    const packets = Math.min(Math.floor(big / 20), 2 ** 32);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[big, packets]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.bytes, f.packets])).toEqual([[big, packets]]);
  });

  it("reads an 8-octet field exactly up to 2^53", () => {
    // flowStartMilliseconds: counts are bounded far lower (see record-sanity.test.ts).
    const t = template(256, [[152, 8]]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[2n ** 53n - 1n]] }] });

    expect(decodeFlows(fresh(), packet).flows[0]!.firstMs).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("falls back to total counts when a template has no delta counts", () => {
    const t = template(256, [
      [85, 8],
      [86, 8],
    ]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[5000, 7]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.bytes, f.packets])).toEqual([[5000, 7]]);
  });

  it("prefers delta counts over total counts when a template has both", () => {
    const t = template(256, [
      [85, 8],
      [1, 4],
      [2, 4],
      [86, 8],
    ]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[999_999, 500, 5, 999]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.bytes, f.packets])).toEqual([[500, 5]]);
  });

  it("turns flowStart/EndSeconds into milliseconds", () => {
    const t = template(256, [
      [150, 4],
      [151, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [{ template: t, records: [[1_700_000_000, 1_700_000_009]] }],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[T, T + 9000]]);
  });

  it("turns flowStart/EndMicroseconds and Nanoseconds (NTP format) into milliseconds", () => {
    const t = template(256, [
      [154, 8],
      [157, 8],
    ]);
    const packet = buildIpfixPacket({
      templates: [t],
      dataSets: [flowDataSet(t, [{ ...flow, firstMs: T + 1, lastMs: T + 999 }])],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[T + 1, T + 999]]);
  });

  it("prefers millisecond times over second times when a template has both", () => {
    const t = template(256, [
      [150, 4],
      [152, 8],
      [151, 4],
      [153, 8],
    ]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [flowDataSet(t, [flow])] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[flow.firstMs, flow.lastMs]]);
  });

  it("adds flowStart/EndSysUpTime to the systemInitTimeMilliseconds of an earlier options record", () => {
    const init = template(
      301,
      [
        [149, 4],
        [160, 8],
      ],
      1,
    );
    const t = template(256, [
      [22, 4],
      [21, 4],
    ]);
    const packet = buildIpfixPacket({
      templates: [init, t],
      dataSets: [
        { template: init, records: [[0, T - 3_000_000_000]] },
        { template: t, records: [[2_999_000_000, 3_000_000_000]] },
      ],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[T - 1_000_000, T]]);
  });

  it("reads systemInitTimeMilliseconds from the data record itself, wherever it sits", () => {
    const t = template(256, [
      [22, 4],
      [21, 4],
      [160, 8],
    ]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[1000, 2000, T]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[T + 1000, T + 2000]]);
  });

  it("reports 0 for uptime times while the system init time is unknown", () => {
    const t = template(256, [
      [22, 4],
      [21, 4],
    ]);
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[1000, 2000]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([[0, 0]]);
  });

  it("skips enterprise-specific fields by their length", () => {
    const t: TemplateSpec = {
      templateId: 256,
      fields: [
        { id: 1, length: 4, enterprise: 29305 },
        { id: 7, length: 2 },
        { id: 12345, length: 6, enterprise: 9 },
        { id: 1, length: 4 },
      ],
    };
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records: [[777, 8080, 5, 1234]] }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.srcPort, f.bytes])).toEqual([[8080, 1234]]);
  });

  it("skips variable-length fields with 1-octet and 3-octet length prefixes", () => {
    const t = template(256, [
      [82, 65535],
      [7, 2],
      [96, 65535],
      [1, 4],
    ]);
    const records = [
      [new Uint8Array(3), 1, new Uint8Array(300), 100],
      [new Uint8Array(0), 2, new Uint8Array(254), 200],
      [new Uint8Array(255), 3, new Uint8Array(1), 300],
    ];
    const packet = buildIpfixPacket({ templates: [t], dataSets: [{ template: t, records }] });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.srcPort, f.bytes])).toEqual([
      [1, 100],
      [2, 200],
      [3, 300],
    ]);
  });

  it("ignores padding after the last record of a set", () => {
    const t = template(256, [
      [1, 4],
      [4, 1],
    ]);
    const body = new Uint8Array([0, 0, 0, 9, 6, 0, 0, 0, 8, 17, 0, 0, 0]);
    const packet = buildIpfixPacket({ templates: [t], sets: [{ setId: 256, body }] });

    const { flows, result } = decodeFlows(fresh(), packet);

    expect({ records: flows.map((f) => [f.bytes, f.protocol]), status: result.status }).toEqual({
      records: [
        [9, 6],
        [8, 17],
      ],
      status: "ok",
    });
  });
});

describe("IPFIX templates", () => {
  it("decodes later data-only packets with a template learned earlier", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));

    const { flows } = decodeFlows(decoder, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }));

    expect(flows).toEqual([decoded]);
  });

  it("replaces a template when its id is defined again", () => {
    const decoder = fresh();
    const before = template(256, [
      [1, 4],
      [7, 2],
    ]);
    const after = template(256, [
      [7, 2],
      [1, 4],
    ]);
    decodeFlows(decoder, buildIpfixPacket({ templates: [before] }));

    const { flows } = decodeFlows(
      decoder,
      buildIpfixPacket({ templates: [after], dataSets: [{ template: after, records: [[80, 1000]] }] }),
    );

    expect(flows.map((f) => [f.srcPort, f.bytes])).toEqual([[80, 1000]]);
  });

  it("counts an identical refresh of a template as neither learned nor changed", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));

    expect({ learned: decoder.counters.templatesLearned, known: decoder.counters.templates }).toEqual({
      learned: 1,
      known: 1,
    });
  });

  it("stops decoding a template's data after its withdrawal", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));
    decodeFlows(decoder, buildIpfixPacket({ sets: [{ withdraw: [256] }] }));

    const { flows } = decodeFlows(decoder, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }));

    expect({
      flows: flows.length,
      withdrawn: decoder.counters.templatesWithdrawn,
      held: decoder.counters.setsHeld,
    }).toEqual({
      flows: 0,
      withdrawn: 1,
      held: 1,
    });
  });

  it("withdraws every data template of the domain with template id 2, keeping options templates", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE, IPFIX_IPV6_TEMPLATE, SAMPLING_OPTIONS] }));

    decodeFlows(decoder, buildIpfixPacket({ sets: [{ withdraw: [2] }] }));

    expect(decoder.exportTemplates().map((s) => s.templateId)).toEqual([300]);
  });

  it("withdraws every options template of the domain with template id 3 in an options template set", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE, SAMPLING_OPTIONS] }));

    decodeFlows(decoder, buildIpfixPacket({ sets: [{ withdraw: [3], options: true }] }));

    expect(decoder.exportTemplates().map((s) => s.templateId)).toEqual([256]);
  });

  it("keeps templates apart per exporter", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }), { exporter: "192.0.2.1" });

    const { flows } = decodeFlows(decoder, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }), {
      exporter: "192.0.2.2",
    });

    expect(flows).toEqual([]);
  });

  it("keeps templates apart per observation domain", () => {
    const decoder = fresh();
    decodeFlows(decoder, buildIpfixPacket({ domainId: 1, templates: [IPFIX_IPV4_TEMPLATE] }));

    const { flows } = decodeFlows(
      decoder,
      buildIpfixPacket({ domainId: 2, dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }),
    );

    expect(flows).toEqual([]);
  });
});

describe("IPFIX sampling", () => {
  it("multiplies counters by samplingPacketInterval from an options record", () => {
    const options = template(
      300,
      [
        [149, 4],
        [305, 4],
      ],
      1,
    );
    const packet = buildIpfixPacket({
      templates: [options, IPFIX_IPV4_TEMPLATE],
      dataSets: [{ template: options, records: [[0, 100]] }, flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.packets, f.bytes])).toEqual([[1200, 345_600]]);
  });

  it("takes (interval + space) / interval as the rate when samplingPacketSpace is given", () => {
    const packet = buildIpfixPacket({
      templates: [SAMPLING_OPTIONS, IPFIX_IPV4_TEMPLATE],
      dataSets: [{ template: SAMPLING_OPTIONS, records: [[0, 1, 9]] }, flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => f.packets)).toEqual([120]);
  });

  it("applies an exporter's sampling rate to its later packets only", () => {
    const decoder = fresh();
    decodeFlows(
      decoder,
      buildIpfixPacket({
        templates: [SAMPLING_OPTIONS, IPFIX_IPV4_TEMPLATE],
        dataSets: [{ template: SAMPLING_OPTIONS, records: [[0, 1, 3]] }],
      }),
    );
    const data = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])],
    });

    const sampled = decodeFlows(decoder, data).flows[0]!.packets;
    const other = decodeFlows(decoder, data, { exporter: "198.51.100.1" }).flows[0]!.packets;

    expect([sampled, other]).toEqual([48, 12]);
  });

  it("uses a sampling interval carried in the data record itself", () => {
    const t = template(256, [
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
            [3, 300, 10],
            [4, 400, 0],
          ],
        },
      ],
    });

    expect(decodeFlows(fresh(), packet).flows.map((f) => [f.packets, f.bytes])).toEqual([
      [30, 3000],
      [4, 400],
    ]);
  });

  it("does not emit options records as flows", () => {
    const packet = buildIpfixPacket({
      templates: [SAMPLING_OPTIONS],
      dataSets: [{ template: SAMPLING_OPTIONS, records: [[0, 1, 0]] }],
    });
    const decoder = fresh();

    const { flows } = decodeFlows(decoder, packet);

    expect({ flows: flows.length, options: decoder.counters.optionsRecords }).toEqual({ flows: 0, options: 1 });
  });
});

describe("data sets that arrive before their template", () => {
  const dataOnly = buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] });
  const templateOnly = buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] });

  it("are decoded, in the call that brings the template", () => {
    const decoder = fresh();
    decodeFlows(decoder, dataOnly, { nowMs: 0 });

    const { flows, result } = decodeFlows(decoder, templateOnly, { nowMs: 1000 });

    expect({ flows, records: result.records, pending: decoder.counters.setsPending }).toEqual({
      flows: [decoded],
      records: 1,
      pending: 0,
    });
  });

  it("are decoded when the template follows them in the same packet", () => {
    const packet = buildIpfixPacket({
      sets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow]), { templates: [IPFIX_IPV4_TEMPLATE] }],
    });

    expect(decodeFlows(fresh(), packet).flows).toEqual([decoded]);
  });

  it("are dropped and counted once older than pendingMaxAgeMs", () => {
    const decoder = new FlowDecoder({ pendingMaxAgeMs: 30_000 });
    decodeFlows(decoder, dataOnly, { nowMs: 0 });

    const { flows } = decodeFlows(decoder, templateOnly, { nowMs: 30_001 });

    expect({ flows: flows.length, dropped: decoder.counters.unknownTemplateSets }).toEqual({ flows: 0, dropped: 1 });
  });

  it("are dropped and counted once older than pendingMaxAgeMs, also between two looks for old ones", () => {
    const decoder = new FlowDecoder({ pendingMaxAgeMs: 30_000 });
    decodeFlows(decoder, dataOnly, { nowMs: 0 });
    decodeFlows(decoder, buildIpfixPacket({}), { nowMs: 29_900 });

    const { flows } = decodeFlows(decoder, templateOnly, { nowMs: 30_500 });

    expect({
      flows: flows.length,
      pending: decoder.counters.setsPending,
      dropped: decoder.counters.unknownTemplateSets,
    }).toEqual({
      flows: 0,
      pending: 0,
      dropped: 1,
    });
  });

  it("are held at most maxPendingSets at a time, the oldest dropped first", () => {
    const decoder = new FlowDecoder({ maxPendingSets: 2 });
    for (const srcPort of [1, 2, 3]) {
      decodeFlows(decoder, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [{ ...flow, srcPort }])] }));
    }

    const { flows } = decodeFlows(decoder, templateOnly);

    expect({ ports: flows.map((f) => f.srcPort), dropped: decoder.counters.unknownTemplateSets }).toEqual({
      ports: [2, 3],
      dropped: 1,
    });
  });

  it("of one exporter are not pushed out by 300 sets of unknown templates from another, which gives up its own oldest", () => {
    const decoder = fresh();
    decodeFlows(decoder, dataOnly, { exporter: "192.0.2.10" });
    const unknown = (templateId: number) => ({ template: { ...IPFIX_IPV4_TEMPLATE, templateId }, records: [] });
    const flood = buildIpfixPacket({ dataSets: Array.from({ length: 300 }, (_, i) => unknown(1000 + i)) });
    decodeFlows(decoder, flood, { exporter: "198.51.100.66" });

    const { flows } = decodeFlows(decoder, templateOnly, { exporter: "192.0.2.10" });

    expect({
      flows: flows.length,
      pending: decoder.counters.setsPending,
      dropped: decoder.counters.unknownTemplateSets,
    }).toEqual({
      flows: 1,
      pending: 255,
      dropped: 45,
    });
  });

  it("past maxPendingSets, are dropped from the exporter holding the most, not the oldest of all", () => {
    const decoder = new FlowDecoder({ maxPendingSets: 4 });
    const held = (exporter: string, srcPort: number) =>
      decodeFlows(decoder, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [{ ...flow, srcPort }])] }), {
        exporter,
      });
    held("small", 11);
    for (const port of [1, 2, 3]) held("big", port);

    held("small", 12);
    const ports = (exporter: string) => decodeFlows(decoder, templateOnly, { exporter }).flows.map((f) => f.srcPort);

    expect({ big: ports("big"), small: ports("small"), dropped: decoder.counters.unknownTemplateSets }).toEqual({
      big: [2, 3],
      small: [11, 12],
      dropped: 1,
    });
  });

  it("are dropped at once when holding is disabled", () => {
    const decoder = new FlowDecoder({ maxPendingSets: 0 });
    decodeFlows(decoder, dataOnly);

    expect({ pending: decoder.counters.setsPending, dropped: decoder.counters.unknownTemplateSets }).toEqual({
      pending: 0,
      dropped: 1,
    });
  });

  it("are kept apart from other exporters' templates of the same id", () => {
    const decoder = fresh();
    decodeFlows(decoder, dataOnly, { exporter: "192.0.2.1" });

    const { flows } = decodeFlows(decoder, templateOnly, { exporter: "192.0.2.2" });

    expect({ flows: flows.length, pending: decoder.counters.setsPending }).toEqual({ flows: 0, pending: 1 });
  });
});
