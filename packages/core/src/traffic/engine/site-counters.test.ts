import { describe, expect, it } from "vitest";
import type { FlowRecord } from "../../flows/flow-record";
import { flowKey } from "../match/flow-key";
import type { PolicyClassifier } from "../match/policy-matcher";
import { ExporterGate, NOT_AN_ENDPOINT, parseExporterList } from "./exporter-gate";
import { TrafficStatsCollector } from "./traffic-stats-collector";

const T0 = 1_700_000_000_000;
const SITE_A = "0b6c5f9e-0000-4000-8000-00000000000a";
const SITE_B = "0b6c5f9e-0000-4000-8000-00000000000b";
/** Port 443 is policy 1, anything else policy 2. */
const byPort: PolicyClassifier = { match: (r) => (r.dstPort === 443 ? 1 : 2) };

function record(i: number, dstPort: number, packets: number, bytes: number): FlowRecord {
  const r = flowKey({ src: `10.0.0.${i}`, dst: "192.168.1.1", srcPort: 40000 + i, dstPort, protocol: 6 });
  r.packets = packets;
  r.bytes = bytes;
  return r;
}

/** The sidecar's per-datagram steps: the gate's verdict, then the site, then each record. */
function setup(list = "") {
  const gate = new ExporterGate({ list: parseExporterList(list), allowLoopback: true });
  const collector = new TrafficStatsCollector({ now: () => T0, exporters: 256, matcher: byPort });
  const datagram = (from: string, records: FlowRecord[]) => {
    const exporter = gate.admit(from);
    if (exporter < 0) return;
    collector.fromSite(gate.site);
    for (const r of records) collector.ingest(r, T0, exporter);
  };
  const trafficOf = (site: string) => {
    const column = gate.columnOfSite(site);
    return column === undefined ? [] : collector.siteTraffic(column);
  };
  return { gate, collector, datagram, trafficOf };
}

describe("traffic per site", () => {
  it("counts two sites' exporters apart, per policy, and the sites add up to the policy's counters", () => {
    const { gate, collector, datagram, trafficOf } = setup();
    gate.setEndpoints([
      { address: "198.51.100.1", site_id: SITE_A },
      { address: "198.51.100.2", site_id: SITE_B },
    ]);

    datagram("198.51.100.1", [record(1, 443, 10, 1000), record(2, 53, 1, 80)]);
    datagram("198.51.100.2", [record(3, 443, 5, 500)]);
    datagram("198.51.100.1", [record(1, 443, 2, 200)]);

    expect(trafficOf(SITE_A)).toEqual([
      { policy_id: 1, packets: 12, bytes: 1200 },
      { policy_id: 2, packets: 1, bytes: 80 },
    ]);
    expect(trafficOf(SITE_B)).toEqual([{ policy_id: 1, packets: 5, bytes: 500 }]);
    expect(collector.getPolicyStats(1)).toMatchObject({ packets_matched: 17, bytes_matched: 1700 });
  });

  it("counts an admitted exporter that is no endpoint under its own bucket, and lists its address", () => {
    const { gate, datagram, trafficOf } = setup("203.0.113.0/24");
    gate.setEndpoints([{ address: "198.51.100.1", site_id: SITE_A }]);

    datagram("203.0.113.9", [record(1, 443, 3, 300)]);

    expect(trafficOf("")).toEqual([{ policy_id: 1, packets: 3, bytes: 300 }]);
    expect(trafficOf(SITE_A)).toEqual([]);
    expect(gate.columnOfSite("")).toBe(NOT_AN_ENDPOINT);
    expect(gate.otherExporters()).toEqual(["203.0.113.9"]);
  });

  it("counts traffic after an endpoint moves to another site under the new site, and keeps the old site's", () => {
    const { gate, datagram, trafficOf } = setup();
    gate.setEndpoints([
      { address: "198.51.100.1", site_id: SITE_A },
      { address: "198.51.100.9", site_id: SITE_B },
    ]);
    datagram("198.51.100.1", [record(1, 443, 4, 400)]);

    gate.setEndpoints([
      { address: "198.51.100.2", site_id: SITE_A },
      { address: "198.51.100.1", site_id: SITE_B },
    ]);
    datagram("198.51.100.1", [record(1, 443, 6, 600)]);

    expect(trafficOf(SITE_A)).toEqual([{ policy_id: 1, packets: 4, bytes: 400 }]);
    expect(trafficOf(SITE_B)).toEqual([{ policy_id: 1, packets: 6, bytes: 600 }]);
  });

  it("tells two loopback endpoints apart, while other loopback sources stay one shared exporter", () => {
    const { gate, datagram, trafficOf } = setup();
    gate.setEndpoints([
      { address: "127.0.0.2", site_id: SITE_A },
      { address: "127.0.0.3", site_id: SITE_B },
    ]);

    datagram("127.0.0.2", [record(1, 443, 1, 100)]);
    datagram("127.0.0.3", [record(2, 443, 2, 200)]);
    datagram("127.0.0.4", [record(3, 443, 4, 400)]);

    expect(trafficOf(SITE_A)).toEqual([{ policy_id: 1, packets: 1, bytes: 100 }]);
    expect(trafficOf(SITE_B)).toEqual([{ policy_id: 1, packets: 2, bytes: 200 }]);
    expect(trafficOf("")).toEqual([{ policy_id: 1, packets: 4, bytes: 400 }]);
    expect(gate.admit("127.0.0.4")).toBe(gate.admit("127.0.0.1"));
    expect(gate.admit("127.0.0.2")).not.toBe(gate.admit("127.0.0.3"));
  });

  it("counts an address on two sites' endpoints under the site of the endpoint listed first (the oldest)", () => {
    const { gate, datagram, trafficOf } = setup();
    gate.setEndpoints([
      { address: "198.51.100.1", site_id: SITE_B },
      { address: "198.51.100.1", site_id: SITE_A },
    ]);

    datagram("198.51.100.1", [record(1, 443, 1, 100)]);

    expect(trafficOf(SITE_B)).toHaveLength(1);
    expect(trafficOf(SITE_A)).toEqual([]);
  });

  it("zeroes a policy's per-site traffic on its reset, and rises from then on are only the new traffic", () => {
    const { gate, collector, datagram, trafficOf } = setup();
    gate.setEndpoints([{ address: "198.51.100.1", site_id: SITE_A }]);
    datagram("198.51.100.1", [record(1, 443, 4, 400), record(2, 53, 1, 10)]);
    collector.siteRisesWritten();
    datagram("198.51.100.1", [record(1, 443, 1, 100)]);

    collector.resetPolicyStats(1);
    datagram("198.51.100.1", [record(1, 443, 2, 200)]);

    expect(trafficOf(SITE_A)).toEqual([
      { policy_id: 1, packets: 2, bytes: 200 },
      { policy_id: 2, packets: 1, bytes: 10 },
    ]);
    const column = gate.columnOfSite(SITE_A)!;
    expect(collector.siteRises()).toEqual([{ column, policy_id: 1, packets: 2, bytes: 200 }]);
  });

  it("keeps per-site counts when the policy slots grow past their first allocation", () => {
    const collector = new TrafficStatsCollector({ now: () => T0 });
    collector.fromSite(3);
    for (let p = 1; p <= 200; p++) collector.recordFlow(p, record(p % 250, 443, p, p * 10), p, p * 10, T0);

    const traffic = collector.siteTraffic(3);
    expect(traffic).toHaveLength(200);
    expect(traffic[199]).toEqual({ policy_id: 200, packets: 200, bytes: 2000 });
    expect(collector.siteTraffic(0)).toEqual([]);
  });

  it("forgets a dropped column's counters and rises, so a site given the column later starts from zero", () => {
    const collector = new TrafficStatsCollector({ now: () => T0 });
    collector.fromSite(2);
    collector.recordFlow(1, record(1, 443, 1, 1), 5, 500, T0);

    collector.dropSiteColumn(2);
    collector.fromSite(2);

    expect(collector.siteTraffic(2)).toEqual([]);
    expect(collector.siteRises()).toEqual([]);
  });
});
