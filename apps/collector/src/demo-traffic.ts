import { createSocket } from "node:dgram";
import {
  buildIpfixPacket,
  flowDataSet,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  type FlowSpec,
} from "@patronus/core/flows";

/**
 * Demo traffic for `npm start`: a small IPFIX exporter sending real datagrams over loopback, once a
 * second, for flows that each match one of the demo policies (LAN of site n is 10.n.0.0/16).
 */
export const demoFlows: (Omit<FlowSpec, "packets" | "bytes"> & { pps: number; size: number })[] = [
  { src: "10.4.1.20", dst: "10.1.1.30", srcPort: 16384, dstPort: 16500, protocol: 17, dscp: 46, pps: 50, size: 214 },
  { src: "10.5.1.21", dst: "10.1.1.31", srcPort: 17000, dstPort: 17100, protocol: 17, dscp: 46, pps: 50, size: 214 },
  { src: "10.4.1.20", dst: "10.1.1.5", srcPort: 5060, dstPort: 5060, protocol: 17, dscp: 24, pps: 1, size: 900 },
  {
    src: "10.6.2.10",
    dst: "198.51.100.77",
    srcPort: 52000,
    dstPort: 8801,
    protocol: 17,
    dscp: 34,
    pps: 90,
    size: 1100,
  },
  { src: "10.7.2.11", dst: "198.51.100.88", srcPort: 50000, dstPort: 3478, protocol: 17, pps: 60, size: 1000 },
  { src: "10.10.2.12", dst: "198.51.100.66", srcPort: 52100, dstPort: 9000, protocol: 17, pps: 45, size: 1050 },
  { src: "10.3.6.6", dst: "10.1.60.6", srcPort: 443, dstPort: 53000, protocol: 6, dscp: 34, pps: 180, size: 1400 },
  { src: "10.11.6.7", dst: "10.1.60.7", srcPort: 47700, dstPort: 47800, protocol: 17, dscp: 36, pps: 40, size: 1100 },
  { src: "10.8.3.12", dst: "10.2.30.40", srcPort: 49152, dstPort: 1494, protocol: 6, pps: 20, size: 300 },
  { src: "10.9.3.13", dst: "10.2.30.41", srcPort: 49153, dstPort: 3389, protocol: 6, pps: 25, size: 400 },
  { src: "10.1.9.9", dst: "10.2.0.22", srcPort: 50022, dstPort: 22, protocol: 6, pps: 3, size: 120 },
  { src: "10.10.4.14", dst: "10.1.0.53", srcPort: 40053, dstPort: 53, protocol: 17, pps: 4, size: 90 },
  { src: "10.11.5.15", dst: "10.2.10.5", srcPort: 51000, dstPort: 443, protocol: 6, pps: 30, size: 900 },
  { src: "10.2.20.5", dst: "10.3.20.5", srcPort: 40000, dstPort: 5432, protocol: 6, pps: 120, size: 1400 },
  { src: "10.4.8.8", dst: "10.2.200.10", srcPort: 41000, dstPort: 873, protocol: 6, pps: 400, size: 1450 },
  { src: "10.12.8.8", dst: "10.3.200.10", srcPort: 41001, dstPort: 10000, protocol: 6, pps: 300, size: 1450 },
  { src: "10.5.6.6", dst: "10.1.20.20", srcPort: 45000, dstPort: 445, protocol: 6, pps: 80, size: 1300 },
  { src: "10.6.7.7", dst: "10.1.25.25", srcPort: 46000, dstPort: 587, protocol: 6, pps: 5, size: 800 },
  { src: "10.7.9.9", dst: "192.0.2.10", srcPort: 47000, dstPort: 443, protocol: 6, pps: 100, size: 1400 },
  { src: "10.8.9.9", dst: "203.0.113.50", srcPort: 48000, dstPort: 443, protocol: 6, pps: 70, size: 1200 },
  { src: "10.9.9.9", dst: "198.51.100.10", srcPort: 49000, dstPort: 443, protocol: 6, pps: 150, size: 1100 },
  { src: "10.10.9.9", dst: "198.51.100.11", srcPort: 49001, dstPort: 80, protocol: 6, pps: 40, size: 900 },
  { src: "10.11.9.9", dst: "10.1.40.40", srcPort: 49002, dstPort: 33000, protocol: 6, dscp: 8, pps: 200, size: 1450 },
  { src: "172.16.5.5", dst: "198.51.100.99", srcPort: 49003, dstPort: 8443, protocol: 6, pps: 60, size: 1000 },
  { src: "10.5.1.1", dst: "10.6.1.1", srcPort: 40000, dstPort: 40001, protocol: 17, pps: 10, size: 600 },
];

export const demoFlows6: (Omit<FlowSpec, "packets" | "bytes"> & { pps: number; size: number })[] = [
  { src: "fd00:10::1:5", dst: "fd00:10::2:6", srcPort: 50161, dstPort: 161, protocol: 17, pps: 5, size: 300 },
];

export function startDemoTraffic({ port, intervalMs = 1_000 }: { port: number; intervalMs?: number }): {
  stop(): void;
} {
  const socket = createSocket("udp4");
  let sequence = 0;
  let tick = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    const wobble = (i: number) => 0.6 + 0.8 * Math.abs(Math.sin(tick / 7 + i));
    const toFlows = (flows: typeof demoFlows) =>
      flows.map(({ pps, size, ...key }, i) => {
        const packets = Math.max(1, Math.round(((pps * intervalMs) / 1000) * wobble(i)));
        return { ...key, packets, bytes: packets * size, firstMs: now - intervalMs, lastMs: now };
      });
    const records = toFlows(demoFlows);
    const records6 = toFlows(demoFlows6);
    // Templates ride along every tenth datagram, as exporters refresh them (RFC 7011 section 8.4).
    const packet = buildIpfixPacket({
      domainId: 1,
      sequence,
      exportTimeSec: Math.floor(now / 1000),
      templates: tick % 10 === 0 ? [IPFIX_IPV4_TEMPLATE, IPFIX_IPV6_TEMPLATE] : [],
      dataSets: [flowDataSet(IPFIX_IPV4_TEMPLATE, records), flowDataSet(IPFIX_IPV6_TEMPLATE, records6)],
    });
    sequence += records.length + records6.length;
    tick += 1;
    socket.send(packet, port, "127.0.0.1");
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      socket.close();
    },
  };
}
