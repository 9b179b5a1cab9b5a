import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  V9_IPV4_TEMPLATE,
  V9_IPV6_TEMPLATE,
  type TemplateSpec,
  type FlowSpec,
} from "./encode";
import { decodeFlows } from "./testing/decoded-flow";

const T = 1_700_000_000_000;
const clock = { unixSecs: T / 1000, sysUptimeMs: 86_400_000 };
const flow: FlowSpec = {
  src: "172.16.5.4",
  dst: "198.51.100.20",
  srcPort: 33000,
  dstPort: 53,
  protocol: 17,
  dscp: 10,
  packets: 3,
  bytes: 240,
  firstMs: T - 61_000,
  lastMs: T - 1000,
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

describe("NetFlow v9", () => {
  it("decodes a record with times relative to the header's sysUptime and unix_secs", () => {
    const packet = buildV9Packet({
      ...clock,
      templates: [V9_IPV4_TEMPLATE],
      dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)],
    });

    expect(decodeFlows(new FlowDecoder(), packet).flows).toEqual([{ ipVersion: 4, ...flow }]);
  });

  it("decodes IPv6 records", () => {
    const v6 = { ...flow, src: "2001:db8::10", dst: "2001:db8:ffff::20" };
    const packet = buildV9Packet({
      ...clock,
      templates: [V9_IPV6_TEMPLATE],
      dataSets: [flowDataSet(V9_IPV6_TEMPLATE, [v6], clock)],
    });

    expect(decodeFlows(new FlowDecoder(), packet).flows).toEqual([{ ipVersion: 6, ...v6 }]);
  });

  it("keeps flow times right across the 32-bit wrap of sysUptime", () => {
    const wrapped = { unixSecs: T / 1000, sysUptimeMs: 5000 };
    // The flow started 10 s ago, before sysUptime wrapped past 2^32 ms (49.7 days of uptime).
    const values = flowDataSet(V9_IPV4_TEMPLATE, [{ ...flow, firstMs: undefined, lastMs: undefined }], wrapped);
    const record = values.records[0]!.slice(0, -2).concat([2 ** 32 - 5000, 4000]);
    const packet = buildV9Packet({
      ...wrapped,
      templates: [V9_IPV4_TEMPLATE],
      dataSets: [{ template: V9_IPV4_TEMPLATE, records: [record] }],
    });

    expect(decodeFlows(new FlowDecoder(), packet).flows.map((f) => [f.firstMs, f.lastMs])).toEqual([
      [T - 10_000, T - 1000],
    ]);
  });

  it("pads flowsets to 32 bits without decoding the padding as a record", () => {
    const t = template(256, [
      [1, 4],
      [4, 1],
    ]);
    const packet = buildV9Packet({ templates: [t], dataSets: [{ template: t, records: [[100, 6]] }] });

    const { flows, result } = decodeFlows(new FlowDecoder(), packet);

    expect({ flows: flows.length, status: result.status, octets: packet.byteLength % 4 }).toEqual({
      flows: 1,
      status: "ok",
      octets: 0,
    });
  });

  it("multiplies counters by SAMPLING_INTERVAL from an options record", () => {
    // Scope type 1 is "System" in v9's scope namespace (RFC 3954 §6.1), not IN_BYTES.
    const options = template(
      300,
      [
        [1, 4],
        [34, 4],
        [35, 1],
      ],
      1,
    );
    const packet = buildV9Packet({
      ...clock,
      templates: [options, V9_IPV4_TEMPLATE],
      dataSets: [{ template: options, records: [[99, 64, 2]] }, flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)],
    });

    expect(decodeFlows(new FlowDecoder(), packet).flows.map((f) => [f.packets, f.bytes])).toEqual([[192, 15_360]]);
  });

  it("takes FLOW_SAMPLER_RANDOM_INTERVAL as the sampling rate too", () => {
    const options = template(
      300,
      [
        [2, 4],
        [48, 1],
        [49, 1],
        [50, 4],
      ],
      1,
    );
    const packet = buildV9Packet({
      ...clock,
      templates: [options, V9_IPV4_TEMPLATE],
      dataSets: [{ template: options, records: [[0, 1, 2, 10]] }, flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)],
    });

    expect(decodeFlows(new FlowDecoder(), packet).flows.map((f) => f.packets)).toEqual([30]);
  });

  it("does not take scope fields of an options record for sampling or flow fields", () => {
    const options = template(
      300,
      [
        [34, 4],
        [82, 8],
      ],
      1,
    );
    const packet = buildV9Packet({
      ...clock,
      templates: [options, V9_IPV4_TEMPLATE],
      dataSets: [{ template: options, records: [[50, 0]] }, flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)],
    });

    const { flows } = decodeFlows(new FlowDecoder(), packet);

    expect(flows.map((f) => f.packets)).toEqual([3]);
  });

  it("keeps templates apart per source id", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildV9Packet({ sourceId: 1, templates: [V9_IPV4_TEMPLATE] }));

    const { flows } = decodeFlows(
      decoder,
      buildV9Packet({ sourceId: 2, ...clock, dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)] }),
    );

    expect(flows).toEqual([]);
  });

  it("keeps v9 templates apart from IPFIX templates of the same exporter and domain", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildIpfixPacket({ templates: [IPFIX_IPV4_TEMPLATE] }));

    const { flows } = decodeFlows(
      decoder,
      buildV9Packet({ ...clock, dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], clock)] }),
    );

    expect(flows).toEqual([]);
  });

  it("decodes a held data set once its template arrives, with the times of the packet that carried it", () => {
    const decoder = new FlowDecoder();
    const early = { unixSecs: T / 1000, sysUptimeMs: 100_000 };
    decodeFlows(decoder, buildV9Packet({ ...early, dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], early)] }));

    const { flows } = decodeFlows(
      decoder,
      buildV9Packet({ unixSecs: T / 1000 + 20, sysUptimeMs: 120_000, templates: [V9_IPV4_TEMPLATE] }),
    );

    expect(flows).toEqual([{ ipVersion: 4, ...flow }]);
  });

  it("decodes a held data set with its own packet's times even when the template comes after the exporter restarted", () => {
    const decoder = new FlowDecoder();
    const early = { unixSecs: T / 1000, sysUptimeMs: 100_000 };
    decodeFlows(decoder, buildV9Packet({ ...early, dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow], early)] }));

    const rebooted = { unixSecs: T / 1000 + 20, sysUptimeMs: 5_000 };
    const { flows } = decodeFlows(decoder, buildV9Packet({ ...rebooted, templates: [V9_IPV4_TEMPLATE] }));

    expect(flows).toEqual([{ ipVersion: 4, ...flow }]);
  });
});
