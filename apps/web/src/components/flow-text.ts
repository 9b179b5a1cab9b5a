import { formatBitRate, formatCount, formatPacketRate, plural } from "@patronus/core/format";
import type { Column } from "./figure-table";

/*
 * How the policy page and the policy form put the collector's flows in words: the live-flows table
 * (policy-live-flows.tsx) and the change preview (policy-change-preview.tsx).
 */

const PROTOCOLS: Record<number, string> = {
  1: "ICMP",
  6: "TCP",
  17: "UDP",
  47: "GRE",
  50: "ESP",
  58: "ICMPv6",
  132: "SCTP",
};

/** 6 -> "TCP"; a number without a common name stays a number. */
export function protocolName(protocol: number): string {
  return PROTOCOLS[protocol] ?? String(protocol);
}

/** "10.0.0.1:40001", or "[2001:db8::1]:443" for IPv6; ICMP-like flows have no ports. */
export function endpointText(address: string, port: number, protocol: number): string {
  if (protocol !== 6 && protocol !== 17 && protocol !== 132) return address;
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/** What identifies a live flow: its five-tuple. */
export interface FlowTuple {
  source: string;
  destination: string;
  source_port: number;
  destination_port: number;
  protocol: number;
}

/** A flow's row key: one row per five-tuple. */
export function flowKey(f: FlowTuple): string {
  return `${f.source}|${f.source_port}|${f.destination}|${f.destination_port}|${f.protocol}`;
}

/** The columns every flow table opens with: where it comes from, where it goes, and over what. */
export function flowColumns<F extends FlowTuple>(): Column<F>[] {
  return [
    { header: "Source", cell: (f) => endpointText(f.source, f.source_port, f.protocol) },
    { header: "Destination", cell: (f) => endpointText(f.destination, f.destination_port, f.protocol) },
    { header: "Protocol", cell: (f) => protocolName(f.protocol) },
  ];
}

/** A preview's policy: its name, "policy 7" when the name is unknown, "unmatched traffic" for none. */
export function policyLabel(id: string | null | undefined, name: string | null | undefined): string {
  if (id === null || id === undefined) return "unmatched traffic";
  return name ?? `policy ${id}`;
}

export interface PreviewFigures {
  flows_considered: number;
  flows_moved: number;
  packets_per_second_moved: number;
  bits_per_second_moved: number;
}

/** The preview's one line: "3 of 1,200 live flows would move, 15 pkt/s, 2.4 Mbit/s", or that none would. */
export function previewSummary(p: PreviewFigures): string {
  if (p.flows_considered === 0) return "The collector sees no live flows now, so no traffic would move.";
  if (p.flows_moved === 0)
    return `None of the ${plural(p.flows_considered, "live flow")} would move: this change leaves current traffic where it is.`;
  return (
    `${formatCount(p.flows_moved)} of ${plural(p.flows_considered, "live flow")} would move, ` +
    `${formatPacketRate(p.packets_per_second_moved)}, ${formatBitRate(p.bits_per_second_moved)}`
  );
}
