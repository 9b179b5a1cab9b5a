import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  V9_IPV4_TEMPLATE,
  type FlowSpec,
} from "./encode";
import { decodeFlows } from "./testing/decoded-flow";
import type { TemplateSnapshot } from "./template-snapshot";

const T = 1_700_000_000_000;
const clock = { unixSecs: T / 1000, sysUptimeMs: 50_000 };
const flow: FlowSpec = {
  src: "10.0.0.1",
  dst: "10.0.0.2",
  srcPort: 7,
  dstPort: 9,
  protocol: 17,
  packets: 2,
  bytes: 64,
  firstMs: T - 4000,
  lastMs: T - 2000,
};
const SAMPLING = {
  templateId: 300,
  fields: [
    { id: 149, length: 4 },
    { id: 305, length: 4 },
  ],
  scopeFieldCount: 1,
};

/** Through JSON, as the collector stores snapshots. */
function persisted(decoder: FlowDecoder): TemplateSnapshot[] {
  return JSON.parse(JSON.stringify(decoder.exportTemplates())) as TemplateSnapshot[];
}

describe("template snapshots", () => {
  it("export every template with its exporter, domain, fields and options scope as plain JSON", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildIpfixPacket({ domainId: 3, templates: [SAMPLING] }), { exporter: "192.0.2.9" });

    expect(persisted(decoder)).toEqual([
      {
        exporter: "192.0.2.9",
        version: 10,
        domain: 3,
        templateId: 300,
        fields: [
          { id: 149, length: 4 },
          { id: 305, length: 4 },
        ],
        options: true,
        scopeFieldCount: 1,
        samplingRate: 1,
        systemInitMs: 0,
      },
    ]);
  });

  it("let a new decoder decode IPFIX data-only packets at once", () => {
    const before = new FlowDecoder();
    decodeFlows(before, buildIpfixPacket({ domainId: 3, templates: [IPFIX_IPV4_TEMPLATE] }));
    const after = new FlowDecoder();
    after.importTemplates(persisted(before));

    const { flows } = decodeFlows(
      after,
      buildIpfixPacket({ domainId: 3, dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }),
    );

    expect(flows).toEqual([{ ipVersion: 4, dscp: 0, ...flow }]);
  });

  it("let a new decoder decode NetFlow v9 data-only packets at once", () => {
    const before = new FlowDecoder();
    decodeFlows(before, buildV9Packet({ sourceId: 5, templates: [V9_IPV4_TEMPLATE] }));
    const after = new FlowDecoder();
    after.importTemplates(persisted(before));

    const { flows } = decodeFlows(
      after,
      buildV9Packet({ sourceId: 5, ...clock, dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)] }),
    );

    expect(flows).toEqual([{ ipVersion: 4, dscp: 0, ...flow }]);
  });

  it("carry the exporter domain's sampling rate across", () => {
    const before = new FlowDecoder();
    decodeFlows(
      before,
      buildIpfixPacket({
        templates: [SAMPLING, IPFIX_IPV4_TEMPLATE],
        dataSets: [{ template: SAMPLING, records: [[0, 10]] }],
      }),
    );
    const after = new FlowDecoder();
    after.importTemplates(persisted(before));

    const { flows } = decodeFlows(after, buildIpfixPacket({ dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }));

    expect(flows.map((f) => f.packets)).toEqual([20]);
  });

  it("import skips invalid entries and reports how many it loaded", () => {
    const before = new FlowDecoder();
    decodeFlows(before, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));
    const [good] = persisted(before);
    const bad = [
      { ...good!, templateId: 12 },
      { ...good!, fields: [] },
      { nonsense: true },
    ] as unknown as TemplateSnapshot[];

    const after = new FlowDecoder();

    expect({ loaded: after.importTemplates([...bad, good!]), known: after.counters.templates }).toEqual({
      loaded: 1,
      known: 1,
    });
  });

  it("are replaced by a template later received on the wire", () => {
    const before = new FlowDecoder();
    decodeFlows(before, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));
    const after = new FlowDecoder();
    after.importTemplates(persisted(before));
    const redefined = { templateId: 256, fields: [{ id: 7, length: 2 }] };

    const { flows } = decodeFlows(
      after,
      buildIpfixPacket({ templates: [redefined], dataSets: [{ template: redefined, records: [[4242]] }] }),
    );

    expect(flows.map((f) => f.srcPort)).toEqual([4242]);
  });
});
