/**
 * The sidecar's per-datagram work on one core: IPFIX packets through FlowDecoder.decode into
 * TrafficStatsCollector.ingest, with 1,000 compiled policies and 100k live flows, against the
 * decoder alone (an onRecord that only sums bytes), the two measured in alternation.
 */
import {
  buildIpfixPacket,
  FlowDecoder,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  type FlowRecord,
  type FlowSpec,
} from "@patronus/core/flows";
import { keep, msMedian, nsPerOp, prng, report } from "@patronus/core/testing";
import { ExporterGate, parseExporterList, TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { PolicyMatcher, UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import { BlockList } from "node:net";
import { asMatchable, BENCH_BASE_MS, BENCH_FLOWS, benchPolicies, createFlowSource } from "./testing/bench-policies";

const RECORDS_PER_PACKET = 30;
/** Steady-stream packets, cycled; 2048 x 30 records visit most of the 100k flows. */
const STREAM_PACKETS = 2048;
const EXPORTER = "192.0.2.1";

export async function run(): Promise<void> {
  const policies = benchPolicies();
  const source = createFlowSource(policies);
  const packetOf = (flows: FlowSpec[], sequence: number) => {
    const v4 = flows.filter((f) => !f.src.includes(":"));
    const v6 = flows.filter((f) => f.src.includes(":"));
    const dataSets = [];
    if (v4.length > 0) dataSets.push(flowDataSet(IPFIX_IPV4_TEMPLATE, v4));
    if (v6.length > 0) dataSets.push(flowDataSet(IPFIX_IPV6_TEMPLATE, v6));
    return buildIpfixPacket({ domainId: 1, sequence, dataSets });
  };
  const started = process.hrtime.bigint();
  const population: Uint8Array[] = [];
  for (let i = 0; i < BENCH_FLOWS; i += RECORDS_PER_PACKET) {
    const n = Math.min(RECORDS_PER_PACKET, BENCH_FLOWS - i);
    population.push(
      packetOf(
        Array.from({ length: n }, (_, k) => source.testFlow(i + k)),
        i,
      ),
    );
  }
  // An export packet carries whichever flows expired together: consecutive records land anywhere in the table.
  const random = prng(7);
  const stream = Array.from({ length: STREAM_PACKETS }, (_, p) =>
    packetOf(
      Array.from({ length: RECORDS_PER_PACKET }, () => source.testFlow(Math.floor(random() * BENCH_FLOWS))),
      BENCH_FLOWS + p,
    ),
  );
  const templates = buildIpfixPacket({ domainId: 1, templates: [IPFIX_IPV4_TEMPLATE, IPFIX_IPV6_TEMPLATE] });
  const matcherStart = process.hrtime.bigint();
  const matcher = new PolicyMatcher(asMatchable(policies));
  const compileMs = Number(process.hrtime.bigint() - matcherStart) / 1e6;
  console.log(
    `setup: ${policies.length} policies (${matcher.size} enabled, compiled in ${compileMs.toFixed(0)} ms), ` +
      `${population.length + stream.length} packets built in ${(Number(matcherStart - started) / 1e6).toFixed(0)} ms`,
  );

  let now = BENCH_BASE_MS;
  // As the sidecar configures it: quotas for 256 exporters, each at most half the table.
  const sidecarOptions = { matcher, maxFlows: 1_000_000, maxFlowsPerExporter: 500_000, exporters: 256 };
  const collector = new TrafficStatsCollector({ ...sidecarOptions, now: () => now });
  const gate = new ExporterGate({ list: parseExporterList(""), allowLoopback: true, maxExporters: 256 });
  gate.setEndpointAddresses(Array.from({ length: 24 }, (_, i) => `192.0.2.${i + 1}`));
  const decoder = new FlowDecoder();
  decoder.decode(templates, EXPORTER, now, () => {});
  for (const packet of population) decoder.decode(packet, EXPORTER, ++now, (record) => collector.ingest(record, now));
  const live = collector.status().liveFlows;
  if (live !== BENCH_FLOWS) throw new Error(`expected ${BENCH_FLOWS} live flows after the first pass, got ${live}`);

  const onlyDecoder = new FlowDecoder();
  onlyDecoder.decode(templates, EXPORTER, now, () => {});
  let sum = 0;
  const sumBytes = (r: FlowRecord) => {
    sum += r.bytes;
  };
  const mask = STREAM_PACKETS - 1;
  // As the sidecar does it: the exporter check, then one time and one closure per datagram.
  const pipeline = (i: number) => {
    const exporter = gate.admit(EXPORTER);
    if (exporter < 0) return undefined;
    const at = ++now;
    return decoder.decode(stream[i & mask]!, EXPORTER, at, (record) => collector.ingest(record, at, exporter));
  };
  const decodeOnly = (i: number) => onlyDecoder.decode(stream[i & mask]!, EXPORTER, now, sumBytes);

  const iterations = 10_000;
  let ours = Infinity;
  let floor = Infinity;
  for (let round = 0; round < 5; round++) {
    floor = Math.min(floor, nsPerOp(decodeOnly, iterations, 2));
    ours = Math.min(ours, nsPerOp(pipeline, iterations, 2));
  }
  keep(sum);

  const records =
    stream.reduce((n, p) => n + onlyDecoder.decode(p, EXPORTER, now, sumBytes).records, 0) / STREAM_PACKETS;
  const perRecord = (nsPerPacket: number) => nsPerPacket / records;
  const recsPerSecond = (nsPerPacket: number) => (records / nsPerPacket) * 1e9;
  const faults =
    decoder.counters.malformedPackets + decoder.counters.unknownTemplateSets + onlyDecoder.counters.malformedPackets;
  if (faults > 0) throw new Error(`decode faults: ${JSON.stringify(decoder.counters)}`);
  const status = collector.status();
  if (status.liveFlows !== BENCH_FLOWS || status.evictedFlows !== 0)
    throw new Error(`flow table changed: ${JSON.stringify(status)}`);

  report(
    `decode + classify + count, ${policies.length} policies, ${live / 1000}k flows`,
    recsPerSecond(ours) / 1e6,
    recsPerSecond(floor) / 1e6,
    "Mrec/s",
    ">= 3 Mrec/s",
  );
  console.log(
    `  per record: ${perRecord(ours).toFixed(0)} ns in all, of which decode ${perRecord(floor).toFixed(0)} ns and ` +
      `classify-or-lookup + count ${(perRecord(ours) - perRecord(floor)).toFixed(0)} ns (${records.toFixed(1)} records a packet)`,
  );
  // New flows (the first pass): each record is classified by the matcher and inserted.
  const firstPassMs = msMedian(
    () => {
      const fresh = new TrafficStatsCollector({ ...sidecarOptions, now: () => now });
      const d = new FlowDecoder();
      d.decode(templates, EXPORTER, now, () => {});
      return { fresh, d };
    },
    ({ fresh, d }) => {
      for (const packet of population) {
        const exporter = gate.admit(EXPORTER);
        d.decode(packet, EXPORTER, now, (record) => fresh.ingest(record, now, exporter));
      }
      return fresh;
    },
    3,
  );
  const floorMs = msMedian(
    () => undefined,
    () => {
      for (const packet of population) onlyDecoder.decode(packet, EXPORTER, now, sumBytes);
    },
    3,
  );
  report(
    `  first pass: ${BENCH_FLOWS / 1000}k new flows, classified and inserted`,
    BENCH_FLOWS / firstPassMs / 1e3,
    BENCH_FLOWS / floorMs / 1e3,
    "Mrec/s",
  );

  const stats = collector.getAllPolicyStats();
  const catchAll = policies.length;
  const flowsOf = (pick: (id: number) => boolean) =>
    stats.filter((s) => pick(s.policy_id)).reduce((n, s) => n + s.active_flows, 0);
  const pct = (n: number) => `${((n / live) * 100).toFixed(0)}%`;
  console.log(
    `  flows: ${pct(flowsOf((id) => id !== UNMATCHED_POLICY_ID && id !== catchAll))} to ${stats.length - 2} specific policies, ` +
      `${pct(flowsOf((id) => id === catchAll))} to the catch-all, ${pct(flowsOf((id) => id === UNMATCHED_POLICY_ID))} unmatched`,
  );
  exporterCheck();
}

/** The per-datagram exporter check through its verdict cache, against asking BlockList every time. */
function exporterCheck(): void {
  const addresses = Array.from({ length: 24 }, (_, i) => `192.0.2.${i + 1}`);
  const gate = new ExporterGate({ list: parseExporterList(""), allowLoopback: true });
  gate.setEndpointAddresses(addresses);
  const list = new BlockList();
  for (const a of addresses) list.addAddress(a);
  // Datagrams from the 24 edges in turn, as fresh strings (Node's dgram makes one per datagram).
  const from = (i: number) => `192.0.2.${(i % 24) + 1}`;
  let gateNs = Infinity;
  let listNs = Infinity;
  for (let round = 0; round < 5; round++) {
    listNs = Math.min(
      listNs,
      nsPerOp((i) => list.check(from(i), "ipv4"), 100_000, 2),
    );
    gateNs = Math.min(
      gateNs,
      nsPerOp((i) => gate.admit(from(i)), 100_000, 2),
    );
  }
  report("exporter check, a datagram (baseline: BlockList.check)", gateNs, listNs, "ns/op");
}
