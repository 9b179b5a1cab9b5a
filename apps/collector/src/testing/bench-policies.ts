/**
 * The policies and flows the collector's benchmarks share: 1,000 site-to-site policies and a flow
 * population that hits them the way exported traffic does. Seeded, so every process (a bench and the
 * UDP sender it forks) builds the same ones.
 */
import { formatIPv4 } from "@patronus/core/net";
import { createFlowRecord, type FlowRecord, type FlowSpec } from "@patronus/core/flows";
import { toDecodedFlow } from "@patronus/core/flows/testing";
import type { MatchRules } from "@patronus/core/policies";
import { prng } from "@patronus/core/testing";
import type { MatchablePolicy } from "@patronus/core/traffic/match";

export const BENCH_POLICIES = 1000;
export const BENCH_FLOWS = 100_000;
/** Flow times sit just before this instant (epoch ms). */
export const BENCH_BASE_MS = 1_700_000_000_000;

/** A policy as createPolicy() takes it, with every field the matcher reads present. */
export interface BenchPolicy {
  name: string;
  priority: number;
  enabled: boolean;
  match_rules: MatchRules;
}

/**
 * `count` policies, the last a catch-all at the lowest priority. Nineteen in twenty name destination
 * prefixes in 10/8 or 2001:db8::/32 (IPv4 four times in five), sometimes narrowed by source prefixes,
 * ports (single well-known ones or ranges), protocols and DSCP values; the rest are application
 * classes (a port and protocol, or DSCP values). Priorities spread over 0-1000; one in twenty is disabled.
 */
export function benchPolicies(count = BENCH_POLICIES, seed = 1): BenchPolicy[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const v4cidr = () => {
    const prefix = pick([16, 20, 24, 24, 24, 28, 32]);
    const address = (0x0a000000 + Math.floor(random() * 0x1000000)) >>> 0;
    const masked = prefix === 32 ? address : (address & ~((1 << (32 - prefix)) - 1)) >>> 0;
    return `${formatIPv4(masked)}/${prefix}`;
  };
  const v6cidr = () => `2001:db8:${Math.floor(random() * 0xffff).toString(16)}::/48`;
  const cidrs = () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.8 ? v4cidr() : v6cidr()));
  const ports = () => {
    if (random() < 0.7) {
      const p = pick([22, 53, 80, 443, 443, 3389, 5060, 8080]);
      return [{ from: p, to: p }];
    }
    return [
      pick([
        { from: 10_000, to: 20_000 },
        { from: 16_384, to: 32_767 },
        { from: 5060, to: 5061 },
      ]),
    ];
  };
  const policies = Array.from({ length: count - 1 }, (_, i): BenchPolicy => {
    const rules: MatchRules = {};
    if (random() < 0.95) {
      // Site-to-site: destination prefixes, often narrowed by source, ports, protocol or DSCP.
      rules.destination_cidrs = cidrs();
      if (random() < 0.3) rules.source_cidrs = cidrs();
      if (random() < 0.4) rules.destination_ports = ports();
      if (random() < 0.1) rules.source_ports = [{ from: 1024, to: 65535 }];
      if (random() < 0.5) rules.protocols = pick([[6], [17], [6, 17]]);
      if (random() < 0.2) rules.dscp = pick([[46], [34, 36], [26], [0]]);
    } else if (random() < 0.5) {
      // An application class anywhere: a port and its protocol (none is a second catch-all).
      rules.destination_ports = ports();
      rules.protocols = pick([[6], [17]]);
    } else {
      rules.dscp = pick([[46], [34, 36], [26]]);
    }
    return {
      name: `bench policy ${i + 1}`,
      priority: Math.floor(random() * 1001),
      enabled: random() < 0.95,
      match_rules: rules,
    };
  });
  policies.push({ name: "bench catch-all", priority: 0, enabled: true, match_rules: {} });
  return policies;
}

/** The policies as the matcher takes them, with the ids a fresh database gives them (1, 2, ...). */
export function asMatchable(policies: readonly BenchPolicy[]): MatchablePolicy[] {
  return policies.map((p, i) => ({ ...p, policy_id: i + 1 }));
}

export interface FlowSource {
  /** Writes flow `i` into `r`; flows with different `i` have different keys. */
  fill(i: number, r: FlowRecord): void;
  /** Flow `i` for the packet builders. */
  testFlow(i: number): FlowSpec;
}

/**
 * Flow `i` of a population in which half the flows go to some policy's destination prefix and the
 * rest anywhere in the same space; `v6Share` of them are IPv6. Keys are unique by construction (the
 * IPv4 source is `i` times an odd constant mod 2^24 inside 10/8; the IPv6 source's last word is `i`),
 * so the first `n` flows are `n` live flows.
 */
export function createFlowSource(policies: readonly BenchPolicy[], { v6Share = 0.1 } = {}): FlowSource {
  const v4: [number, number][] = [];
  const v6: number[] = [];
  for (const p of policies) {
    for (const cidr of p.match_rules.destination_cidrs ?? []) {
      const [address = "", prefix = ""] = cidr.split("/");
      if (cidr.includes(":")) v6.push(Number.parseInt(address.split(":")[2] ?? "0", 16));
      else v4.push([ipv4(address), Number(prefix)]);
    }
  }
  const scratch = createFlowRecord();

  const v6Cut = Math.round(v6Share * 1000);

  const fill = (i: number, r: FlowRecord): void => {
    const h = (k: number) => hash(i, k);
    const inside = h(1) % 2 === 0;
    if (h(2) % 1000 < v6Cut) {
      r.ipVersion = 6;
      r.src6[0] = 0x20010db8;
      r.src6[1] = h(3) & 0xffff0000;
      r.src6[2] = 0;
      r.src6[3] = i >>> 0;
      r.dst6[0] = 0x20010db8;
      const site = inside && v6.length > 0 ? v6[h(4) % v6.length]! : h(4) & 0xffff;
      r.dst6[1] = ((site << 16) | (h(5) & 0xffff)) >>> 0;
      r.dst6[2] = 0;
      r.dst6[3] = h(6);
      r.src4 = 0;
      r.dst4 = 0;
    } else {
      r.ipVersion = 4;
      r.src4 = (0x0a000000 + (Math.imul(i, 0x9e3779b1) & 0xffffff)) >>> 0;
      if (inside && v4.length > 0) {
        const [base, prefix] = v4[h(4) % v4.length]!;
        r.dst4 = (base + (prefix === 32 ? 0 : h(5) % 2 ** (32 - prefix))) >>> 0;
      } else {
        r.dst4 = (0x0a000000 + (h(5) & 0xffffff)) >>> 0;
      }
      r.src6.fill(0);
      r.dst6.fill(0);
    }
    const kind = h(7) % 20;
    r.protocol = kind < 14 ? 6 : kind < 19 ? 17 : 1;
    r.srcPort = r.protocol === 1 ? 0 : 1024 + (h(8) % 64_000);
    const port = h(9) % 11;
    r.dstPort = r.protocol === 1 ? 0 : port === 10 ? 20_000 + (h(9) % 40_000) : COMMON_PORTS[port]!;
    r.dscp = DSCPS[h(10) % 8]!;
    r.packets = 1 + (h(11) % 200);
    r.bytes = r.packets * (64 + (h(12) % 1437));
    r.firstMs = BENCH_BASE_MS - 60_000 + (h(13) % 50_000);
    r.lastMs = r.firstMs + (h(14) % 10_000);
  };

  return {
    fill,
    testFlow(i) {
      fill(i, scratch);
      const { ipVersion: _version, ...flow } = toDecodedFlow(scratch);
      return flow;
    },
  };
}

/** A 32-bit hash of (i, k): the murmur3 finalizer over a mix of both. */
// Hoisted so that filling a record allocates nothing, as the decoder does not: the memory bench would
// otherwise count this generator's garbage as the collector's heap.
const COMMON_PORTS = [443, 443, 443, 80, 53, 22, 3389, 5060, 8080, 15_000];
const DSCPS = [0, 0, 0, 0, 0, 46, 34, 26];

function hash(i: number, k: number): number {
  let x = (Math.imul(i, 0x9e3779b1) ^ Math.imul(k, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function ipv4(text: string): number {
  return text.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}
