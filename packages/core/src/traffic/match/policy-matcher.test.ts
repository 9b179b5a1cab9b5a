import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FlowRecord } from "../../flows/flow-record";
import { addressToBigInt, formatIPv4, formatIPv6, writeWords } from "../../net/ip";
import type { MatchRules } from "../../policies/match-rules";
import { flowKey, type FlowKeyInput } from "./flow-key";
import { PolicyMatcher, UNMATCHED_POLICY_ID, type MatchablePolicy } from "./policy-matcher";

const web: FlowKeyInput = { src: "10.1.2.3", dst: "192.168.10.20", srcPort: 40000, dstPort: 443, protocol: 6, dscp: 0 };

function policy(policy_id: number, match_rules: MatchRules, priority = 100, enabled = true): MatchablePolicy {
  return { policy_id, priority, enabled, match_rules };
}

function matchOf(policies: MatchablePolicy[], flow: Partial<FlowKeyInput> = {}): number {
  return new PolicyMatcher(policies).match(flowKey({ ...web, ...flow }));
}

describe("PolicyMatcher", () => {
  it("picks the matching policy with the highest priority", () => {
    expect(matchOf([policy(1, {}, 10), policy(2, {}, 900), policy(3, {}, 500)])).toBe(2);
  });

  it("breaks a priority tie in favour of the lower policy id", () => {
    expect(matchOf([policy(7, {}, 100), policy(3, {}, 100), policy(5, {}, 100)])).toBe(3);
  });

  it("ignores disabled policies", () => {
    expect(matchOf([policy(1, {}, 900, false), policy(2, {}, 10)])).toBe(2);
  });

  it("returns the unmatched id when no policy matches", () => {
    expect(matchOf([policy(1, { protocols: [17] })])).toBe(UNMATCHED_POLICY_ID);
  });

  it("treats an absent rule as matching anything", () => {
    expect(matchOf([policy(1, {})], { src: "2001:db8::1", dst: "2001:db8::2", protocol: 47 })).toBe(1);
  });

  it("treats an empty list like an absent rule, matching anything, in every dimension", () => {
    const empty: MatchRules = {
      source_cidrs: [],
      destination_cidrs: [],
      source_ports: [],
      destination_ports: [],
      protocols: [],
      dscp: [],
    };
    expect(matchOf([policy(1, empty)])).toBe(1);
    expect(matchOf([policy(1, empty)], { src: "2001:db8::1", dst: "2001:db8::2", protocol: 47, dscp: 46 })).toBe(1);
  });

  it("keeps a CIDR list of one family from matching the other family", () => {
    expect(matchOf([policy(1, { source_cidrs: ["10.0.0.0/8"] })], { src: "2001:db8::1", dst: "2001:db8::2" })).toBe(
      UNMATCHED_POLICY_ID,
    );
  });

  it("requires every present rule to match", () => {
    const rules: MatchRules = { destination_cidrs: ["192.168.0.0/16"], protocols: [17] };
    expect(matchOf([policy(1, rules)])).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf([policy(1, rules)], { protocol: 17 })).toBe(1);
  });

  it("matches a rule when any one of its entries matches", () => {
    expect(matchOf([policy(1, { destination_cidrs: ["172.16.0.0/12", "192.168.10.0/24"] })])).toBe(1);
  });

  it("matches source and destination CIDRs against the right address", () => {
    const policies = [
      policy(1, { source_cidrs: ["192.168.10.0/24"] }),
      policy(2, { destination_cidrs: ["192.168.10.0/24"] }, 50),
    ];
    expect(matchOf(policies)).toBe(2);
  });

  it("never matches an IPv4 CIDR against an IPv6 flow, nor the reverse", () => {
    const v4Only = [policy(1, { source_cidrs: ["0.0.0.0/0"] })];
    const v6Only = [policy(1, { source_cidrs: ["::/0"] })];
    const v6Flow = { src: "::ffff:10.1.2.3", dst: "2001:db8::1" };
    expect(matchOf(v4Only, v6Flow)).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(v6Only)).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(v4Only)).toBe(1);
    expect(matchOf(v6Only, v6Flow)).toBe(1);
  });

  it("matches IPv6 prefixes, a bare address as a host route, and ranges that reach the top of the space", () => {
    const policies = [
      policy(1, { destination_cidrs: ["2001:db8:1::/48"] }),
      policy(2, { destination_cidrs: ["2001:db8::7"] }),
      policy(3, { destination_cidrs: ["ff00::/8", "255.255.255.0/24"] }),
    ];
    const v6 = { src: "2001:db8::1" };
    expect(matchOf(policies, { ...v6, dst: "2001:db8:1:ffff::1" })).toBe(1);
    expect(matchOf(policies, { ...v6, dst: "2001:db8:2::1" })).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(policies, { ...v6, dst: "2001:db8::7" })).toBe(2);
    expect(matchOf(policies, { ...v6, dst: "2001:db8::8" })).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(policies, { ...v6, dst: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" })).toBe(3);
    expect(matchOf(policies, { dst: "255.255.255.255" })).toBe(3);
  });

  it("matches port ranges inclusively at both ends", () => {
    const policies = [
      policy(1, { destination_ports: [{ from: 10000, to: 20000 }], source_ports: [{ from: 65535, to: 65535 }] }),
    ];
    expect(matchOf(policies, { dstPort: 10000, srcPort: 65535 })).toBe(1);
    expect(matchOf(policies, { dstPort: 20000, srcPort: 65535 })).toBe(1);
    expect(matchOf(policies, { dstPort: 20001, srcPort: 65535 })).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(policies, { dstPort: 9999, srcPort: 65535 })).toBe(UNMATCHED_POLICY_ID);
    expect(matchOf(policies, { dstPort: 15000, srcPort: 65534 })).toBe(UNMATCHED_POLICY_ID);
  });

  it("matches DSCP values", () => {
    const policies = [policy(1, { dscp: [46, 34] })];
    expect(matchOf(policies, { dscp: 46 })).toBe(1);
    expect(matchOf(policies, { dscp: 0 })).toBe(UNMATCHED_POLICY_ID);
  });

  it("matches protocol numbers", () => {
    const policies = [policy(1, { protocols: [17, 47] })];
    expect(matchOf(policies, { protocol: 47 })).toBe(1);
    expect(matchOf(policies, { protocol: 6 })).toBe(UNMATCHED_POLICY_ID);
  });

  it("rejects an invalid CIDR, naming the policy", () => {
    expect(() => new PolicyMatcher([policy(4, { source_cidrs: ["10.0.0.1/8"] })])).toThrow(/policy 4: .*host bits/);
  });

  it("rejects the reserved unmatched id and duplicate ids", () => {
    expect(() => new PolicyMatcher([policy(UNMATCHED_POLICY_ID, {})])).toThrow(RangeError);
    expect(() => new PolicyMatcher([policy(1, {}), policy(1, {}, 5)])).toThrow(/listed twice/);
  });

  it("agrees with a naive reference matcher on random policies and flows", () => {
    fc.assert(
      fc.property(
        fc.array(policyArb, { maxLength: 70 }),
        fc.array(flowArb, { minLength: 1, maxLength: 40 }),
        (drafts, flows) => {
          const policies = drafts.map((p, i) => ({ ...p, policy_id: i + 1 }));
          const matcher = new PolicyMatcher(policies);
          expect(flows.map((f) => matcher.match(f))).toEqual(flows.map((f) => naiveMatch(policies, f)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The definition, read literally: rank by (priority desc, id asc), take the first whose rules all hold. */
function naiveMatch(policies: MatchablePolicy[], r: FlowRecord): number {
  const toBig = (v4: number, v6: Uint32Array) =>
    r.ipVersion === 4 ? BigInt(v4 >>> 0) : v6.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
  // An empty list means the same as an absent one: any value (docs/database.md, "Match rules").
  const any = (list: unknown[] | undefined) => list === undefined || list.length === 0;
  const inCidrs = (cidrs: string[] | undefined, address: bigint) =>
    any(cidrs) ||
    cidrs!.some((cidr) => {
      const [text = "", prefixText] = cidr.split("/");
      const family = text.includes(":") ? 6 : 4;
      if (family !== r.ipVersion) return false;
      const bits = family === 4 ? 32 : 128;
      const hostBits = BigInt(bits - Number(prefixText ?? bits));
      return address >> hostBits === addressToBigInt(text, family) >> hostBits;
    });
  const inPorts = (ranges: { from: number; to: number }[] | undefined, port: number) =>
    any(ranges) || ranges!.some(({ from, to }) => port >= from && port <= to);
  const ranked = policies.filter((p) => p.enabled).sort((a, b) => b.priority - a.priority || a.policy_id - b.policy_id);
  const hit = ranked.find(({ match_rules: m }) => {
    return (
      inCidrs(m.source_cidrs, toBig(r.src4, r.src6)) &&
      inCidrs(m.destination_cidrs, toBig(r.dst4, r.dst6)) &&
      inPorts(m.source_ports, r.srcPort) &&
      inPorts(m.destination_ports, r.dstPort) &&
      (any(m.protocols) || m.protocols!.includes(r.protocol)) &&
      (any(m.dscp) || m.dscp!.includes(r.dscp))
    );
  });
  return hit?.policy_id ?? UNMATCHED_POLICY_ID;
}

// Values drawn from small sets, so that rules and flows meet often, exactly at and around the edges.
const v4Address = fc.constantFrom(0, 0x0a000000, 0x0a000001, 0x0affffff, 0x0b000000, 0xffffffff);
const v6Address = fc.constantFrom(
  0n,
  1n,
  0x20010db8n << 96n,
  (0x20010db8n << 96n) - 1n,
  0x80000000n << 96n,
  (1n << 128n) - 1n,
);
const v4Cidr = fc.tuple(v4Address, fc.constantFrom(0, 1, 8, 16, 31, 32)).map(([address, prefix]) => {
  const masked = prefix === 0 ? 0 : (address & ~(2 ** (32 - prefix) - 1)) >>> 0;
  return `${formatIPv4(masked)}/${prefix}`;
});
const v6Cidr = fc.tuple(v6Address, fc.constantFrom(0, 1, 32, 33, 127, 128)).map(([address, prefix]) => {
  const masked = (address >> BigInt(128 - prefix)) << BigInt(128 - prefix);
  const words = new Uint32Array(4);
  writeWords(masked, words);
  return `${formatIPv6(words)}/${prefix}`;
});
const portValue = fc.constantFrom(0, 79, 80, 81, 65534, 65535);
const portRange = fc.tuple(portValue, portValue).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const protocol = fc.constantFrom(6, 17);
const dscp = fc.constantFrom(0, 46);
const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });

const policyArb = fc.record({
  priority: fc.integer({ min: 0, max: 4 }),
  enabled: fc.boolean(),
  match_rules: fc
    .record({
      source_cidrs: optional(fc.array(fc.oneof(v4Cidr, v6Cidr), { maxLength: 3 })),
      destination_cidrs: optional(fc.array(fc.oneof(v4Cidr, v6Cidr), { maxLength: 3 })),
      source_ports: optional(fc.array(portRange, { maxLength: 2 })),
      destination_ports: optional(fc.array(portRange, { maxLength: 2 })),
      protocols: optional(fc.array(protocol, { maxLength: 2 })),
      dscp: optional(fc.array(dscp, { maxLength: 2 })),
    })
    .map((rules) => Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as MatchRules),
});

const flowArb = fc
  .record({
    v6: fc.boolean(),
    src4: v4Address,
    dst4: v4Address,
    src6: v6Address,
    dst6: v6Address,
    srcPort: portValue,
    dstPort: portValue,
    protocol,
    dscp,
  })
  .map((f) => {
    const words = (a: bigint) => {
      const w = new Uint32Array(4);
      writeWords(a, w);
      return w;
    };
    const text = (v4: number, v6: bigint) => (f.v6 ? formatIPv6(words(v6)) : formatIPv4(v4));
    return flowKey({
      src: text(f.src4, f.src6),
      dst: text(f.dst4, f.dst6),
      srcPort: f.srcPort,
      dstPort: f.dstPort,
      protocol: f.protocol,
      dscp: f.dscp,
    });
  });
