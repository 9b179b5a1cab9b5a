import type { FlowRecord } from "../../flows/flow-record";
import { addressToBigInt } from "../../net/ip";
import { cidrProblem, type MatchRules, type PortRange } from "../../policies/match-rules";

/**
 * The policy id under which traffic that matches no enabled policy is counted. Policy ids come from
 * an SQLite AUTOINCREMENT column and start at 1, so 0 never names a real policy.
 */
export const UNMATCHED_POLICY_ID = 0;

/** What the collector needs from a matcher: the policy id for a flow's record, or UNMATCHED_POLICY_ID. */
export interface PolicyClassifier {
  match(record: FlowRecord): number;
}

export interface MatchablePolicy {
  policy_id: number;
  priority: number;
  enabled: boolean;
  match_rules: MatchRules;
}

/**
 * Picks the enabled policy with the highest priority (ties: the lower id) whose every present rule
 * matches a record. An absent rule, or an empty list, matches anything (an admin who clears a list means
 * "any", docs/database.md); a rule with entries matches when any entry does. An IPv4 CIDR never matches
 * an IPv6 record, nor the reverse, so a list of one family's blocks matches no record of the other.
 *
 * Compiled, so a match costs the same with 1,000 policies as with 10: policies are ranked by
 * (priority desc, id asc), and each dimension (source and destination address per family, source and
 * destination port, protocol, DSCP) is cut into intervals over which the set of candidate policies
 * does not change. Each interval points at a bitset over ranks (interned: intervals share equal
 * sets). A match looks up one bitset per dimension (a table index for ports, protocol and DSCP; a
 * binary search over interval bounds for addresses), ANDs them a 32-bit word at a time and returns
 * the lowest set bit, i.e. the best-ranked policy.
 */
export class PolicyMatcher implements PolicyClassifier {
  /** Enabled policies compiled in. */
  readonly size: number;
  private readonly words: number;
  private readonly idByRank: Float64Array;
  private readonly pool: Uint32Array;
  /** Offsets into `pool`, one per value of the dimension. */
  private readonly srcPorts: Int32Array;
  private readonly dstPorts: Int32Array;
  private readonly protocols: Int32Array;
  private readonly dscps: Int32Array;
  private readonly src4: AddressIndex;
  private readonly dst4: AddressIndex;
  private readonly src6: AddressIndex;
  private readonly dst6: AddressIndex;
  /** Offset of the empty bitset, or -1 when no interval has one: any dimension landing on it ends the match. */
  private readonly emptyOffset: number;

  constructor(policies: readonly MatchablePolicy[]) {
    const ranked = policies
      .filter((p) => p.enabled)
      .sort((a, b) => b.priority - a.priority || a.policy_id - b.policy_id);
    const seen = new Set<number>();
    for (const p of ranked) {
      if (!Number.isSafeInteger(p.policy_id) || p.policy_id <= UNMATCHED_POLICY_ID) {
        throw new RangeError(
          `policy id ${p.policy_id} is not a positive integer (0 is reserved for unmatched traffic)`,
        );
      }
      if (seen.has(p.policy_id)) throw new RangeError(`policy ${p.policy_id} is listed twice`);
      seen.add(p.policy_id);
    }
    this.size = ranked.length;
    this.words = Math.max(1, Math.ceil(ranked.length / 32));
    this.idByRank = Float64Array.from(ranked, (p) => p.policy_id);
    const pool = new BitsetPool(this.words);
    const rules = ranked.map((p) => p.match_rules);
    const ports = (pick: (r: MatchRules) => PortRange[] | undefined) =>
      pool.table(
        65536,
        rules.map((r) => given(pick(r))?.map(({ from, to }) => [BigInt(from), BigInt(to)] as const)),
      );
    const values = (size: number, pick: (r: MatchRules) => number[] | undefined) =>
      pool.table(
        size,
        rules.map((r) => given(pick(r))?.map((v) => [BigInt(v), BigInt(v)] as const)),
      );
    this.srcPorts = ports((r) => r.source_ports);
    this.dstPorts = ports((r) => r.destination_ports);
    this.protocols = values(256, (r) => r.protocols);
    this.dscps = values(64, (r) => r.dscp);
    const cidrs = (family: 4 | 6, pick: (r: MatchRules) => string[] | undefined) =>
      pool.addresses(
        family,
        ranked.map((p) => cidrRanges(p.policy_id, family, given(pick(p.match_rules)))),
      );
    this.src4 = cidrs(4, (r) => r.source_cidrs);
    this.dst4 = cidrs(4, (r) => r.destination_cidrs);
    this.src6 = cidrs(6, (r) => r.source_cidrs);
    this.dst6 = cidrs(6, (r) => r.destination_cidrs);
    this.pool = pool.finish();
    this.emptyOffset = pool.emptyOffset();
  }

  match(r: FlowRecord): number {
    if (this.size === 0) return UNMATCHED_POLICY_ID;
    const a = r.ipVersion === 4 ? lookup4(this.src4, r.src4 >>> 0) : lookup6(this.src6, r.src6);
    const b = r.ipVersion === 4 ? lookup4(this.dst4, r.dst4 >>> 0) : lookup6(this.dst6, r.dst6);
    const c = this.srcPorts[r.srcPort & 0xffff]!;
    const d = this.dstPorts[r.dstPort & 0xffff]!;
    const e = this.protocols[r.protocol & 0xff]!;
    const f = this.dscps[r.dscp & 63]!;
    const z = this.emptyOffset;
    if (a === z || b === z || c === z || d === z || e === z || f === z) return UNMATCHED_POLICY_ID;
    const p = this.pool;
    for (let w = 0; w < this.words; w++) {
      const x = p[a + w]! & p[b + w]! & p[c + w]! & p[d + w]! & p[e + w]! & p[f + w]!;
      if (x !== 0) return this.idByRank[(w << 5) + 31 - Math.clz32(x & -x)]!;
    }
    return UNMATCHED_POLICY_ID;
  }
}

/** Interval lower bounds (`wordsPerBound` words each, ascending, the first 0) and each interval's bitset offset. */
interface AddressIndex {
  bounds: Uint32Array;
  offsets: Int32Array;
}

function lookup4(index: AddressIndex, address: number): number {
  const bounds = index.bounds;
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= address) lo = mid;
    else hi = mid - 1;
  }
  return index.offsets[lo]!;
}

function lookup6(index: AddressIndex, address: Uint32Array): number {
  const bounds = index.bounds;
  const a0 = address[0]!;
  const a1 = address[1]!;
  const a2 = address[2]!;
  const a3 = address[3]!;
  let lo = 0;
  let hi = (bounds.length >> 2) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const m = mid << 2;
    const b0 = bounds[m]!;
    const b1 = bounds[m + 1]!;
    const b2 = bounds[m + 2]!;
    const notAbove =
      b0 < a0 || (b0 === a0 && (b1 < a1 || (b1 === a1 && (b2 < a2 || (b2 === a2 && bounds[m + 3]! <= a3)))));
    if (notAbove) lo = mid;
    else hi = mid - 1;
  }
  return index.offsets[lo]!;
}

/** A rule's list, or undefined when it imposes nothing (absent or empty). */
function given<T>(list: T[] | undefined): T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

type Range = readonly [from: bigint, to: bigint];

/** A rule's CIDRs of one family as address ranges; undefined when the rule is absent. */
function cidrRanges(policyId: number, family: 4 | 6, cidrs: string[] | undefined): Range[] | undefined {
  if (cidrs === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  const ranges: Range[] = [];
  for (const cidr of cidrs) {
    const problem = cidrProblem(cidr);
    if (problem) throw new RangeError(`policy ${policyId}: ${problem}`);
    const [address = "", prefixText] = cidr.split("/");
    if (address.includes(":") !== (family === 6)) continue;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    const start = addressToBigInt(address, family);
    ranges.push([start, start + (1n << BigInt(bits - prefix)) - 1n]);
  }
  return ranges;
}

/**
 * Interned bitsets over policy ranks, built by sweeping each dimension's interval bounds. They live in
 * one growing arena, found again by a hash of their words: a 1,000-policy compile interns thousands,
 * and a string key or a typed array apiece left ~10 MB of freed-but-resident memory behind.
 */
class BitsetPool {
  private arena: Uint32Array;
  private readonly offsetsByHash = new Map<number, number[]>();
  private next = 0;

  constructor(private readonly words: number) {
    this.arena = new Uint32Array(words * 64);
  }

  /** A value -> bitset-offset table over 0..size-1. */
  table(size: number, rules: (Range[] | undefined)[]): Int32Array {
    const table = new Int32Array(size);
    const intervals = this.sweep(rules, BigInt(size));
    intervals.forEach(([from, offset], i) => {
      const to = i + 1 < intervals.length ? Number(intervals[i + 1]![0]) : size;
      table.fill(offset, Number(from), to);
    });
    return table;
  }

  addresses(family: 4 | 6, rules: (Range[] | undefined)[]): AddressIndex {
    const intervals = this.sweep(rules, 1n << (family === 4 ? 32n : 128n));
    const perBound = family === 4 ? 1 : 4;
    const bounds = new Uint32Array(intervals.length * perBound);
    intervals.forEach(([from], i) => {
      for (let w = perBound - 1; w >= 0; w--)
        bounds[i * perBound + w] = Number((from >> BigInt(32 * (perBound - 1 - w))) & 0xffffffffn);
    });
    return { bounds, offsets: Int32Array.from(intervals, ([, offset]) => offset) };
  }

  finish(): Uint32Array {
    return this.arena.slice(0, Math.max(this.next, this.words));
  }

  emptyOffset(): number {
    return this.find(new Uint32Array(this.words));
  }

  /**
   * Walks the bounds of all ranges in order, keeping per rank how many of its ranges cover the
   * current point; a rank whose rule is absent is always in. Returns [interval start, bitset offset].
   */
  private sweep(rules: (Range[] | undefined)[], limit: bigint): [bigint, number][] {
    const bits = new Uint32Array(this.words);
    const events: { at: bigint; rank: number; delta: 1 | -1 }[] = [];
    rules.forEach((ranges, rank) => {
      if (ranges === undefined) bits[rank >> 5]! |= 1 << (rank & 31);
      else for (const [from, to] of ranges) events.push({ at: from, rank, delta: 1 }, { at: to + 1n, rank, delta: -1 });
    });
    events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    const cover = new Int32Array(rules.length);
    const intervals: [bigint, number][] = [];
    let i = 0;
    // A range reaching the top of the space ends at `limit`, which starts no interval.
    for (let at = 0n; at < limit; at = events[i]!.at) {
      while (i < events.length && events[i]!.at === at) {
        const { rank, delta } = events[i++]!;
        const covering = (cover[rank] = cover[rank]! + delta);
        if (covering === 0) bits[rank >> 5]! &= ~(1 << (rank & 31));
        else bits[rank >> 5]! |= 1 << (rank & 31);
      }
      intervals.push([at, this.intern(bits)]);
      if (i === events.length) break;
    }
    return intervals;
  }

  private intern(bits: Uint32Array): number {
    const found = this.find(bits);
    if (found !== -1) return found;
    const offset = this.next;
    if (offset + this.words > this.arena.length) {
      const grown = new Uint32Array(this.arena.length * 2);
      grown.set(this.arena);
      this.arena = grown;
    }
    this.arena.set(bits, offset);
    this.next += this.words;
    const hash = hashWords(bits);
    const bucket = this.offsetsByHash.get(hash);
    if (bucket) bucket.push(offset);
    else this.offsetsByHash.set(hash, [offset]);
    return offset;
  }

  /** The offset of a bitset equal to `bits`, or -1. */
  private find(bits: Uint32Array): number {
    const bucket = this.offsetsByHash.get(hashWords(bits));
    if (bucket === undefined) return -1;
    const arena = this.arena;
    for (const offset of bucket) {
      let w = 0;
      while (w < bits.length && arena[offset + w] === bits[w]) w++;
      if (w === bits.length) return offset;
    }
    return -1;
  }
}

function hashWords(bits: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let w = 0; w < bits.length; w++) h = Math.imul(h ^ bits[w]!, 0x01000193);
  return h;
}
