import { BlockList } from "node:net";
import { sql } from "drizzle-orm";
import { Cache } from "../../cache/ttl-cache";
import type { Db } from "../../db/client";
import { endpoints } from "../../db/schema";
import { ipFamily, isLoopback, parseCidr, unmapIPv4 } from "../../net/ip";

/** `PATRONUS_FLOW_EXPORTERS`: `any`, or addresses and CIDR prefixes separated by commas. */
export type ExporterList = { any: true } | { any: false; cidrs: { address: string; prefix: number; family: 4 | 6 }[] };

/** Parses an exporter list; throws an Error naming the first bad entry. */
export function parseExporterList(text: string): ExporterList {
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === "any") return { any: true };
  const cidrs = entries.map((entry) => {
    const parsed = parseCidr(entry);
    if ("error" in parsed) throw new Error(`"${entry}" is not an address or CIDR prefix (or "any" alone)`);
    const { address, prefix, family } = parsed.cidr;
    return { address, prefix, family };
  });
  return { any: false, cidrs };
}

/**
 * Changes whenever an endpoint is added, removed or re-addressed: the collector polls it. The (id,
 * address) list itself, not a checksum of it, which an edit such as 10.0.1.1 -> 10.0.9.1 could leave
 * unchanged; one index-ordered pass, well under a millisecond for a thousand endpoints.
 */
export function exporterAddressesVersion(db: Db): string {
  const row = db
    .select({
      list: sql<
        string | null
      >`group_concat(${endpoints.id} || '=' || ${endpoints.address}, ',' ORDER BY ${endpoints.id})`,
    })
    .from(endpoints)
    .get();
  return row?.list ?? "";
}

/** Every endpoint address of the network: the site edges, which are the flow exporters. */
export function listExporterAddresses(db: Db): string[] {
  return db
    .selectDistinct({ address: endpoints.address })
    .from(endpoints)
    .all()
    .map((r) => r.address);
}

export interface UnknownExporter {
  address: string;
  /** At most this many datagrams, at least this minus `error` (space-saving bounds). */
  datagrams: number;
  error: number;
  last_seen: number;
}

export interface ExporterGateOptions {
  list: ExporterList;
  /** Accept 127.0.0.0/8 and ::1 (the demo traffic and local replays send from there). */
  allowLoopback: boolean;
  /** Exporters given a flow quota of their own; later ones share exporter 0. */
  maxExporters?: number;
  /** Unknown sources remembered for the status (space-saving counters). */
  unknownSlots?: number;
  now?: () => number;
}

/** Source address -> exporter id, or -1 for refused: what the gate decided, so BlockList runs once an address. */
export function createExporterVerdictCache(): Cache<string, number> {
  // BlockList.check crosses into C++ and costs ~1.4 µs, more than receiving the datagram; a hit ~50 ns
  // (apps/collector pipeline.bench, "exporter check").
  // Cleared whenever the allowed set changes, so the TTL only returns memory of silent sources.
  return new Cache<string, number>({ ttlMs: 10 * 60_000, max: 4096 });
}

/**
 * Decides, per datagram and before decoding, whether its source is a known exporter. Known ones get a
 * small exporter id (the flow table's quotas are per id); others are counted, and the heaviest kept in
 * a fixed-size table for the status. Memory stays bounded whatever sources a flood spoofs.
 * docs/operations.md "Who may send flows".
 */
export class ExporterGate {
  /** Datagrams refused because their source is not an allowed exporter. */
  refused = 0;
  private allowed = new BlockList();
  private endpointCount = 0;
  private readonly ids = new Map<string, number>();
  private readonly maxExporters: number;
  private readonly unknown = new Map<string, { datagrams: number; error: number; last_seen: number }>();
  private readonly unknownSlots: number;
  private readonly now: () => number;

  constructor(
    private readonly options: ExporterGateOptions,
    readonly verdicts: Cache<string, number> = createExporterVerdictCache(),
  ) {
    this.maxExporters = options.maxExporters ?? 256;
    this.unknownSlots = options.unknownSlots ?? 32;
    this.now = options.now ?? Date.now;
    this.setEndpointAddresses([]);
  }

  /** Rebuilds the allowed set from the network's endpoint addresses (plus the configured list and loopback). */
  setEndpointAddresses(addresses: string[]): void {
    const allowed = new BlockList();
    if (this.options.allowLoopback) {
      allowed.addSubnet("127.0.0.0", 8, "ipv4");
      allowed.addAddress("::1", "ipv6");
    }
    if (!this.options.list.any) {
      for (const { address, prefix, family } of this.options.list.cidrs)
        allowed.addSubnet(address, prefix, `ipv${family}`);
    }
    let valid = 0;
    for (const address of addresses) {
      const family = ipFamily(address);
      if (family === 0) continue; // endpoints are validated on write; a row edited behind core's back is skipped
      allowed.addAddress(address, family === 4 ? "ipv4" : "ipv6");
      valid++;
    }
    this.allowed = allowed;
    this.endpointCount = valid;
    this.verdicts.clear();
  }

  /** The exporter id (>= 0) of a datagram from `from`, or -1 when it must be dropped undecoded. */
  admit(from: string): number {
    let verdict = this.verdicts.get(from);
    if (verdict === undefined) {
      verdict = this.decide(from);
      this.verdicts.insert(from, verdict);
    }
    if (verdict < 0) this.countUnknown(from);
    return verdict;
  }

  /** Who is allowed, in words for the status: "any", or what the allowed set is made of. */
  describe(): string {
    if (this.options.list.any) return "any (unsafe: every source is decoded)";
    const parts = [`${this.endpointCount} endpoint addresses`];
    if (this.options.list.cidrs.length > 0)
      parts.push(this.options.list.cidrs.map((c) => `${c.address}/${c.prefix}`).join(", "));
    if (this.options.allowLoopback) parts.push("loopback");
    return parts.join(" + ");
  }

  /** The unknown sources that sent the most, most first. */
  unknownExporters(limit = 10): UnknownExporter[] {
    return [...this.unknown]
      .map(([address, u]) => ({ address, ...u }))
      .sort((a, b) => b.datagrams - a.datagrams || b.last_seen - a.last_seen)
      .slice(0, limit);
  }

  private decide(from: string): number {
    if (!this.options.list.any) {
      const family = ipFamily(from);
      // BlockList matches an IPv4-mapped IPv6 source (::ffff:a.b.c.d, from a dual-stack socket) against v4 rules.
      if (family === 0 || !this.allowed.check(from, family === 4 ? "ipv4" : "ipv6")) return -1;
    }
    const address = unmapIPv4(from);
    // Anyone on this host can send from any of 127.0.0.0/8: admitted as loopback, all of it is one
    // exporter, or local senders could take every flow-quota id before the real edges are seen.
    return this.idOf(this.options.allowLoopback && isLoopback(address) ? "loopback" : address);
  }

  private idOf(address: string): number {
    let id = this.ids.get(address);
    if (id === undefined) {
      if (this.ids.size >= this.maxExporters - 1) return 0;
      id = this.ids.size + 1;
      this.ids.set(address, id);
    }
    return id;
  }

  /**
   * Space-saving (Metwally et al. 2005): a fixed number of counters; a new source takes over the
   * smallest one, inheriting its count as the error bound. Any source sending more than 1/slots of the
   * refused datagrams is guaranteed a slot.
   */
  private countUnknown(from: string): void {
    this.refused++;
    const at = this.now();
    const seen = this.unknown.get(from);
    if (seen) {
      seen.datagrams++;
      seen.last_seen = at;
      return;
    }
    if (this.unknown.size < this.unknownSlots) {
      this.unknown.set(from, { datagrams: 1, error: 0, last_seen: at });
      return;
    }
    let smallest = "";
    let least = Infinity;
    for (const [address, u] of this.unknown) {
      if (u.datagrams < least) {
        least = u.datagrams;
        smallest = address;
      }
    }
    this.unknown.delete(smallest);
    this.unknown.set(from, { datagrams: least + 1, error: least, last_seen: at });
  }
}
