import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FlowDecoder } from "../../flows/decoder";
import { buildIpfixPacket, flowDataSet, IPFIX_IPV4_TEMPLATE, type TemplateSpec } from "../../flows/encode";
import { decodeFlows } from "../../flows/testing/decoded-flow";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { loadFlowTemplates, saveCollectorState, storeTemplateChanges } from "./persistence";

const T0 = 1_700_000_000_000;
const oneField = (templateId: number): TemplateSpec => ({ templateId, fields: [{ id: 7, length: 2 }] });
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

function flush(decoder: FlowDecoder, at = T0): number {
  return storeTemplateChanges(t.db, { changes: decoder.takeTemplateChanges(), at });
}

function storedIds(): number[] {
  return loadFlowTemplates(t.db)
    .templates.map((s) => s.templateId)
    .sort((a, b) => a - b);
}

describe("stored flow templates", () => {
  it("are one row per template, written only when one is added, changed or withdrawn", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildIpfixPacket({ templates: [oneField(256), oneField(257)] }), { exporter: "a" });
    const added = flush(decoder);
    decodeFlows(decoder, buildIpfixPacket({ templates: [oneField(256), oneField(257)] }), { exporter: "a" });
    const refreshed = flush(decoder);
    decodeFlows(decoder, buildIpfixPacket({ sets: [{ withdraw: [257] }] }), { exporter: "a" });
    const withdrawn = flush(decoder);

    expect({ added, refreshed, withdrawn, stored: storedIds() }).toEqual({
      added: 2,
      refreshed: 0,
      withdrawn: 1,
      stored: [256],
    });
  });

  it("let a restarted decoder decode data-only packets at once", () => {
    const before = new FlowDecoder();
    decodeFlows(before, buildIpfixPacket({ domainId: 4, templates: [IPFIX_IPV4_TEMPLATE] }), { exporter: "192.0.2.7" });
    flush(before);
    const flow = { src: "10.0.0.1", dst: "10.0.0.2", srcPort: 5, dstPort: 6, protocol: 6, packets: 2, bytes: 200 };

    const after = new FlowDecoder();
    after.importTemplates(loadFlowTemplates(t.db).templates, T0);
    const { flows } = decodeFlows(
      after,
      buildIpfixPacket({ domainId: 4, dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, [flow])] }),
      {
        exporter: "192.0.2.7",
        nowMs: T0,
      },
    );

    expect(flows.map((f) => f.srcPort)).toEqual([5]);
  });

  it("skip a damaged row and keep the others", () => {
    const decoder = new FlowDecoder();
    decodeFlows(decoder, buildIpfixPacket({ templates: [oneField(256), oneField(257)] }), { exporter: "a" });
    flush(decoder);
    t.db.run(sql`UPDATE flow_templates SET fields = '{not json' WHERE template_id = 256`);

    expect(storedIds()).toEqual([257]);
  });

  it("from the older one-document form come back no larger than the caps, and are replaced by rows", () => {
    const big = new FlowDecoder({ maxTemplates: 100_000, maxTemplatesPerDomain: 100_000 });
    decodeFlows(big, buildIpfixPacket({ templates: ids(256, 1_000).map(oneField) }), { exporter: "198.51.100.66" });
    saveCollectorState(t.db, { key: "flow_templates", value: big.exportTemplates(), at: T0 });

    const decoder = new FlowDecoder();
    const stored = loadFlowTemplates(t.db);
    decoder.importTemplates(stored.templates, T0);
    if (stored.legacy) decoder.markAllTemplatesChanged();
    storeTemplateChanges(t.db, { changes: decoder.takeTemplateChanges(10_000), at: T0 });

    const legacyRows = t.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM collector_state WHERE key = 'flow_templates'`,
    );
    expect({ legacy: stored.legacy, rows: storedIds().length, legacyRows: legacyRows.n }).toEqual({
      legacy: true,
      rows: 256,
      legacyRows: 0,
    });
  });

  it("evicted beyond the caps at a restart are deleted at the next write", () => {
    const big = new FlowDecoder({ maxTemplates: 100_000, maxTemplatesPerDomain: 100_000 });
    decodeFlows(big, buildIpfixPacket({ templates: ids(256, 300).map(oneField) }), { exporter: "a" });
    storeTemplateChanges(t.db, { changes: big.takeTemplateChanges(10_000), at: T0 });

    const decoder = new FlowDecoder({ maxTemplatesPerDomain: 100 });
    decoder.importTemplates(loadFlowTemplates(t.db).templates, T0);
    storeTemplateChanges(t.db, { changes: decoder.takeTemplateChanges(10_000), at: T0 });

    expect(storedIds()).toEqual(ids(456, 100));
  });
});
