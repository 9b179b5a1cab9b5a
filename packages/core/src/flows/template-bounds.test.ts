/** Templates cannot be exhausted or made huge: per-domain caps, least-recently-used replacement, idle expiry, fair share. */
import { describe, expect, it } from "vitest";
import { FlowDecoder } from "./decoder";
import {
  buildIpfixPacket,
  buildV9Packet,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  V9_IPV4_TEMPLATE,
  type TemplateSpec,
  type FlowSpec,
} from "./encode";
import { decodeFlows } from "./testing/decoded-flow";
import type { TemplateSnapshot } from "./template-snapshot";

const flow: FlowSpec = {
  src: "10.0.0.1",
  dst: "10.0.0.2",
  srcPort: 1,
  dstPort: 2,
  protocol: 6,
  packets: 1,
  bytes: 100,
};
const oneField = (templateId: number): TemplateSpec => ({ templateId, fields: [{ id: 7, length: 2 }] });
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Data for each template id (one record: its id as the source port), and which ids decoded. */
function decodable(decoder: FlowDecoder, exporter: string, templateIds: number[], nowMs: number): number[] {
  const packet = buildIpfixPacket({ dataSets: templateIds.map((id) => ({ template: oneField(id), records: [[id]] })) });
  return decodeFlows(decoder, packet, { exporter, nowMs }).flows.map((f) => f.srcPort);
}

function learn(decoder: FlowDecoder, exporter: string, templateIds: number[], nowMs: number, domainId = 0): void {
  decodeFlows(decoder, buildIpfixPacket({ domainId, templates: templateIds.map(oneField) }), { exporter, nowMs });
}

describe("template bounds", () => {
  it("two 80 KB datagrams of templates from one address no longer lock out a new exporter", () => {
    const decoder = new FlowDecoder({ maxTemplateChangesPerSecond: 100_000 });
    // v9 has no message length: one datagram of two 40 KB flowsets carries 10,000 one-field templates.
    const set = (from: number) => ({
      templates: ids(from, 5_000).map((id) => ({ templateId: id, fields: [{ id: 1, length: 4 }] })),
    });
    // A second apart, each within the learning rate.
    for (const sourceId of [1, 2]) {
      const flood = buildV9Packet({ sourceId, sets: [set(256), set(5_256)] });
      decodeFlows(decoder, flood, { exporter: "198.51.100.66", nowMs: sourceId * 1000 });
    }

    const packet = buildV9Packet({ templates: [V9_IPV4_TEMPLATE], dataSets: [flowDataSet(V9_IPV4_TEMPLATE, [flow])] });
    const { flows } = decodeFlows(decoder, packet, { exporter: "192.0.2.10", nowMs: 3000 });

    expect({
      flows: flows.length,
      templates: decoder.counters.templates,
      evicted: decoder.counters.templatesEvicted,
    }).toEqual({
      flows: 1,
      templates: 2 * 256 + 1,
      evicted: 2 * (10_000 - 256),
    });
  });

  it("replaces a full domain's least recently used template with a new one", () => {
    const decoder = new FlowDecoder({ maxTemplatesPerDomain: 2 });
    learn(decoder, "a", [256, 257], 0);
    decodable(decoder, "a", [256], 5_000);

    learn(decoder, "a", [258], 6_000);

    expect({
      decodable: decodable(decoder, "a", [256, 257, 258], 7_000),
      evicted: decoder.counters.templatesEvicted,
    }).toEqual({
      decodable: [256, 258],
      evicted: 1,
    });
  });

  it("keeps other domains of the same exporter apart from a full one", () => {
    const decoder = new FlowDecoder({ maxTemplatesPerDomain: 2 });
    learn(decoder, "a", [256], 0, 7);

    learn(decoder, "a", [256, 257, 258], 0, 8);

    expect(decoder.exportTemplates().map((t) => [t.domain, t.templateId])).toEqual([
      [7, 256],
      [8, 257],
      [8, 258],
    ]);
  });

  it("at the global bound, takes the place from the exporter holding the most templates, then from the newcomer itself", () => {
    const decoder = new FlowDecoder({ maxTemplates: 4 });
    learn(decoder, "big", [256, 257, 258], 0);
    learn(decoder, "small", [256], 0);

    learn(decoder, "small", [257], 1_000);
    learn(decoder, "big", [259], 2_000);

    const held = (exporter: string) =>
      decoder
        .exportTemplates()
        .filter((t) => t.exporter === exporter)
        .map((t) => t.templateId);
    expect({ big: held("big"), small: held("small"), evicted: decoder.counters.templatesEvicted }).toEqual({
      big: [258, 259],
      small: [256, 257],
      evicted: 2,
    });
  });

  it("expires a template neither used nor refreshed for templateIdleMs, and keeps one in use", () => {
    const decoder = new FlowDecoder({ templateIdleMs: 60_000 });
    learn(decoder, "a", [256, 257], 0);
    decodable(decoder, "a", [256], 30_000);

    const later = decodable(decoder, "a", [256, 257], 70_000);

    expect({ later, expired: decoder.counters.templatesExpired, known: decoder.counters.templates }).toEqual({
      later: [256],
      expired: 1,
      known: 1,
    });
  });

  it("takes an identical template refresh as use", () => {
    const decoder = new FlowDecoder({ templateIdleMs: 60_000 });
    learn(decoder, "a", [256], 0);
    learn(decoder, "a", [256], 50_000);

    expect(decodable(decoder, "a", [256], 100_000)).toEqual([256]);
  });

  it("learns a redefinition that only adds fields after the known ones, rather than taking it as a refresh", () => {
    const decoder = new FlowDecoder();
    learn(decoder, "a", [256], 0);
    const longer: TemplateSpec = {
      templateId: 256,
      fields: [
        { id: 7, length: 2 },
        { id: 11, length: 2 },
      ],
    };

    decodeFlows(decoder, buildIpfixPacket({ templates: [longer] }), { exporter: "a" });

    expect(decoder.exportTemplates()[0]!.fields).toEqual(longer.fields);
  });

  it("rejects a template of more than 128 fields and keeps one of 128", () => {
    const decoder = new FlowDecoder();
    const fields = (n: number) => Array.from({ length: n }, () => ({ id: 1, length: 1 }));

    decodeFlows(decoder, buildIpfixPacket({ templates: [{ templateId: 256, fields: fields(129) }] }));
    decodeFlows(decoder, buildIpfixPacket({ templates: [{ templateId: 257, fields: fields(128) }] }));

    expect({
      rejected: decoder.counters.templatesRejected,
      known: decoder.exportTemplates().map((t) => t.templateId),
    }).toEqual({
      rejected: 1,
      known: [257],
    });
  });
});

describe("template changes to persist", () => {
  it("name each added, redefined and withdrawn template once, and nothing when nothing changed", () => {
    const decoder = new FlowDecoder();
    learn(decoder, "a", [256, 257], 0);
    const first = decoder.takeTemplateChanges();
    learn(decoder, "a", [256], 0);
    const refresh = decoder.takeTemplateChanges();
    decodeFlows(
      decoder,
      buildIpfixPacket({
        templates: [{ templateId: 256, fields: [{ id: 11, length: 2 }] }],
        sets: [{ withdraw: [257] }],
      }),
      { exporter: "a" },
    );
    const second = decoder.takeTemplateChanges();

    expect({
      first: first.upserts.map((t) => t.templateId),
      refresh: [refresh.upserts.length, refresh.deletes.length],
      second: {
        upserts: second.upserts.map((t) => [t.templateId, t.fields[0]!.id]),
        deletes: second.deletes.map((k) => k.templateId),
      },
    }).toEqual({ first: [256, 257], refresh: [0, 0], second: { upserts: [[256, 11]], deletes: [257] } });
  });

  it("come in batches of at most the limit asked", () => {
    const decoder = new FlowDecoder();
    learn(decoder, "a", ids(256, 5), 0);

    const batches = [decoder.takeTemplateChanges(2), decoder.takeTemplateChanges(2), decoder.takeTemplateChanges(2)];

    expect(batches.map((b) => [b.upserts.length, b.remaining])).toEqual([
      [2, 3],
      [2, 1],
      [1, 0],
    ]);
  });

  it("start over with every template, replacing what is stored, after markAllTemplatesChanged", () => {
    const decoder = new FlowDecoder();
    learn(decoder, "a", [256, 257], 0);
    decoder.takeTemplateChanges();

    decoder.markAllTemplatesChanged();
    const again = decoder.takeTemplateChanges();

    expect({ replaceAll: again.replaceAll, upserts: again.upserts.map((t) => t.templateId) }).toEqual({
      replaceAll: true,
      upserts: [256, 257],
    });
  });

  it("include a domain's templates again when its sampling rate changes", () => {
    const decoder = new FlowDecoder();
    const sampling = {
      templateId: 300,
      fields: [
        { id: 149, length: 4 },
        { id: 305, length: 4 },
      ],
      scopeFieldCount: 1,
    };
    decodeFlows(decoder, buildIpfixPacket({ templates: [sampling, IPFIX_IPV4_TEMPLATE] }));
    decoder.takeTemplateChanges();

    decodeFlows(decoder, buildIpfixPacket({ dataSets: [{ template: sampling, records: [[0, 10]] }] }));

    const upserts = decoder.takeTemplateChanges().upserts.map((t) => [t.templateId, t.samplingRate]);

    expect(upserts.sort()).toEqual([
      [256, 10],
      [300, 10],
    ]);
  });
});

describe("templates read back after a restart", () => {
  function poisoned(): TemplateSnapshot[] {
    const big = new FlowDecoder({ maxTemplates: 100_000, maxTemplatesPerDomain: 100_000 });
    learn(big, "198.51.100.66", ids(256, 1_000), 0);
    return big.exportTemplates();
  }

  it("come back no larger than the caps, and the excess is named for deletion", () => {
    const decoder = new FlowDecoder();

    const loaded = decoder.importTemplates(poisoned(), 0);
    const changes = decoder.takeTemplateChanges(10_000);

    expect({
      loaded,
      known: decoder.counters.templates,
      upserts: changes.upserts.length,
      deletes: changes.deletes.length,
    }).toEqual({
      loaded: 1_000,
      known: 256,
      upserts: 0,
      deletes: 1_000 - 256,
    });
  });

  it("start their lifetime at the import", () => {
    const decoder = new FlowDecoder({ templateIdleMs: 60_000 });
    learn(decoder, "a", [256], 0);
    const restarted = new FlowDecoder({ templateIdleMs: 60_000 });
    restarted.importTemplates(decoder.exportTemplates(), 500_000);

    expect(decodable(restarted, "a", [256], 540_000)).toEqual([256]);
  });
});

describe("template learning rate", () => {
  it("past its share of maxTemplateChangesPerSecond (half, alone), refuses a source's new definitions until the next second and counts them", () => {
    const decoder = new FlowDecoder({ maxTemplateChangesPerSecond: 6 });

    learn(decoder, "a", [256, 257, 258, 259, 260], 0);
    const sameSecond = decoder.exportTemplates().length;
    learn(decoder, "a", [259, 260], 1_000);

    expect({
      sameSecond,
      next: decoder.exportTemplates().length,
      throttled: decoder.counters.templatesThrottled,
    }).toEqual({
      sameSecond: 3,
      next: 5,
      throttled: 2,
    });
  });

  it("skips a whole template set that arrives once the budget is spent, and counts it once", () => {
    const decoder = new FlowDecoder({ maxTemplateChangesPerSecond: 1 });
    learn(decoder, "a", [256, 257], 0);

    learn(decoder, "a", [258, 259, 260], 10);

    expect({ known: decoder.counters.templates, throttled: decoder.counters.templatesThrottled }).toEqual({
      known: 1,
      throttled: 2,
    });
  });

  it("keeps refreshes and data of known templates going while new ones are refused", () => {
    const decoder = new FlowDecoder({ maxTemplateChangesPerSecond: 1 });
    learn(decoder, "a", [256], 0);

    learn(decoder, "b", [300], 10);
    learn(decoder, "a", [256], 20);

    expect({
      data: decodable(decoder, "a", [256], 30),
      status: decodeFlows(decoder, buildIpfixPacket({ templates: [oneField(301)] })).result.status,
    }).toEqual({
      data: [256],
      status: "ok",
    });
  });
});

describe("sampling changes", () => {
  it("a 60 KB options set of 30,000 alternating sampling rates marks its domain of 256 templates once, and the last rate is persisted", () => {
    const decoder = new FlowDecoder();
    const sampling: TemplateSpec = {
      templateId: 1000,
      fields: [
        { id: 149, length: 1 },
        { id: 34, length: 1 },
      ],
      scopeFieldCount: 1,
    };
    learn(decoder, "a", ids(256, 256), 0);
    decodeFlows(decoder, buildIpfixPacket({ templates: [sampling] }), { exporter: "a", nowMs: 0 });
    decoder.takeTemplateChanges(10_000);
    const before = decoder.templateChangeMarks;
    const records = Array.from({ length: 30_000 }, (_, i) => [0, i % 2 === 0 ? 2 : 3]);

    const packet = buildIpfixPacket({ dataSets: [{ template: sampling, records }] });
    decodeFlows(decoder, packet, { exporter: "a", nowMs: 0 });
    const marks = decoder.templateChangeMarks - before;
    const rates = new Set(decoder.takeTemplateChanges(10_000).upserts.map((t) => t.samplingRate));

    expect({ size: packet.byteLength, marks, rates: [...rates], options: decoder.counters.optionsRecords }).toEqual({
      size: 60_020,
      marks: 1,
      rates: [3],
      options: 30_000,
    });
  });
});

describe("learning budget shared between exporters", () => {
  it("four datagrams a second of 500 changed templates from one source no longer stop another exporter learning", () => {
    const decoder = new FlowDecoder();
    const legit = buildIpfixPacket({
      templates: [IPFIX_IPV4_TEMPLATE],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])],
    });
    const decodedEachSecond: number[] = [];

    for (let second = 0; second < 5; second++) {
      for (let d = 0; d < 4; d++) {
        // A second field that differs every second makes each of the 500 a changed definition.
        const templates = ids(256 + d * 500, 500).map((templateId) => ({
          templateId,
          fields: [
            { id: 7, length: 2 },
            { id: 11, length: 2 + (second % 2) * 2 },
          ],
        }));
        decodeFlows(decoder, buildIpfixPacket({ templates }), { exporter: "198.51.100.66", nowMs: second * 1000 + d });
      }
      decodedEachSecond.push(
        decodeFlows(decoder, legit, { exporter: "192.0.2.10", nowMs: second * 1000 + 500 }).flows.length,
      );
    }

    expect(decodedEachSecond).toEqual([1, 1, 1, 1, 1]);
  });

  it("gives each of the sources learning this or last second budget ÷ (sources + 1), leaving a share for a newcomer", () => {
    const decoder = new FlowDecoder({ maxTemplateChangesPerSecond: 12 });
    for (const source of ["a", "b", "c"]) learn(decoder, source, ids(256, 12), 0);

    for (const source of ["a", "b", "c", "d"]) learn(decoder, source, ids(300, 12), 1_000);

    const learnt = (source: string) =>
      decoder.exportTemplates().filter((t) => t.exporter === source && t.templateId >= 300).length;
    expect(["a", "b", "c", "d"].map(learnt)).toEqual([3, 3, 3, 2]);
  });
});
