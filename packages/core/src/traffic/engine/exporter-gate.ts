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

/** An endpoint as the gate maps it: traffic from `address` is counted under `site_id`. */
export interface ExporterEndpoint {
  address: string;
  site_id: string;
}

/**
 * Every endpoint with its site, oldest endpoint first: an address on two sites' endpoints is counted
 * under the site of its oldest endpoint (docs/architecture.md "Traffic per site").
 */
export function listExporterEndpoints(db: Db): ExporterEndpoint[] {
  return db
    .select({ address: endpoints.address, site_id: endpoints.site_id })
    .from(endpoints)
    .orderBy(endpoints.id)
    .all();
}

/** The site column of traffic whose exporter is no endpoint (PATRONUS_FLOW_EXPORTERS, loopback). */
export const NOT_AN_ENDPOINT = 0;
/** A verdict packs the exporter id below this and the site column above it. */
const SITE_SHIFT = 65_536;

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
  /** The site column of the datagram admit() last admitted (NOT_AN_ENDPOINT for none). */
  site = NOT_AN_ENDPOINT;
  private siteByAddress = new Map<string, string>();
  private readonly columnBySite = new Map<string, number>();
  /** Site id by column; column 0 is NOT_AN_ENDPOINT, "" here. */
  private readonly siteByColumn: (string | undefined)[] = [""];
  private readonly freeColumns: number[] = [];
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
    this.maxExporters = Math.min(options.maxExporters ?? 256, SITE_SHIFT);
    this.unknownSlots = options.unknownSlots ?? 32;
    this.now = options.now ?? Date.now;
    this.setEndpointAddresses([]);
  }

  /** setEndpoints() without sites: every admitted exporter counts as NOT_AN_ENDPOINT. */
  setEndpointAddresses(addresses: string[]): void {
    this.setEndpoints(addresses.map((address) => ({ address, site_id: "" })));
  }

  /**
   * Rebuilds the allowed set from the network's endpoints (plus the configured list and loopback) and
   * maps each endpoint address to its site's column; the first endpoint listed for an address wins.
   * A site keeps its column while it has endpoints or is in `keep` (the sites that still exist);
   * returns the columns freed, whose counters the caller drops before they are handed out again.
   */
  setEndpoints(list: readonly ExporterEndpoint[], keep: ReadonlySet<string> = new Set()): number[] {
    const siteByAddress = new Map<string, string>();
    for (const { address, site_id } of list) {
      const key = unmapIPv4(address).toLowerCase();
      if (site_id !== "" && !siteByAddress.has(key)) siteByAddress.set(key, site_id);
    }
    const present = new Set(siteByAddress.values());
    const freed: number[] = [];
    for (const [site, column] of this.columnBySite) {
      if (present.has(site) || keep.has(site)) continue;
      this.columnBySite.delete(site);
      this.siteByColumn[column] = undefined;
      this.freeColumns.push(column);
      freed.push(column);
    }
    for (const site of present) {
      if (this.columnBySite.has(site)) continue;
      const column = this.freeColumns.pop() ?? this.siteByColumn.length;
      this.columnBySite.set(site, column);
      this.siteByColumn[column] = site;
    }
    this.siteByAddress = siteByAddress;
    this.setAllowed(list.map((e) => e.address));
    return freed;
  }

  /** The site id a column counts for: "" for NOT_AN_ENDPOINT, undefined for a column not in use. */
  siteOfColumn(column: number): string | undefined {
    return this.siteByColumn[column];
  }

  /** The column of a site's traffic, or undefined when none of its endpoints is known. */
  columnOfSite(siteId: string): number | undefined {
    return siteId === "" ? NOT_AN_ENDPOINT : this.columnBySite.get(siteId);
  }

  /** Admitted exporters that are no endpoint (what NOT_AN_ENDPOINT counts), at most `limit`. */
  otherExporters(limit = 10): string[] {
    const found: string[] = [];
    for (const address of this.ids.keys()) {
      if (found.length === limit) break;
      if (!this.siteByAddress.has(address)) found.push(address);
    }
    return found;
  }

  private setAllowed(addresses: string[]): void {
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

  /**
   * The exporter id (>= 0) of a datagram from `from`, or -1 when it must be dropped undecoded; `site`
   * then holds its site column. Both come from one cached verdict, so a site costs no lookup of its own.
   */
  admit(from: string): number {
    let verdict = this.verdicts.get(from);
    if (verdict === undefined) {
      verdict = this.decide(from);
      this.verdicts.insert(from, verdict);
    }
    if (verdict < 0) {
      this.countUnknown(from);
      return verdict;
    }
    const exporter = verdict % SITE_SHIFT;
    this.site = (verdict - exporter) / SITE_SHIFT;
    return exporter;
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
    const address = unmapIPv4(from).toLowerCase();
    const site = this.siteByAddress.get(address);
    const column = site === undefined ? NOT_AN_ENDPOINT : this.columnBySite.get(site)!;
    // Anyone on this host can send from any of 127.0.0.0/8: admitted as loopback, all of it is one
    // exporter, or local senders could take every flow-quota id before the real edges are seen. An
    // endpoint's own address is the one exception (a fixed, admin-made list).
    const shared = site === undefined && this.options.allowLoopback && isLoopback(address);
    return this.idOf(shared ? "loopback" : address) + SITE_SHIFT * column;
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
