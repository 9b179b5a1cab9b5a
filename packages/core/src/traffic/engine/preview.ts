import { createFlowRecord } from "../../flows/flow-record";
import { formatIPv4, formatIPv6 } from "../../net/ip";
import type { PolicyClassifier } from "../match/policy-matcher";
import type { FlowTableCopy } from "./flow-table";
import type { FlowStats, LiveFlows } from "./traffic-stats-collector";

/** Flows that would move from one policy to another (UNMATCHED_POLICY_ID for unmatched traffic). */
export interface PolicyMove {
  from_policy_id: number;
  to_policy_id: number;
  flows: number;
  packets_per_second: number;
  bits_per_second: number;
}

export interface MovedFlow {
  key: FlowStats["key"];
  dscp: number;
  from_policy_id: number;
  to_policy_id: number;
  packets_per_second: number;
  bits_per_second: number;
}

/** What a draft matcher would change about the live flows; docs/architecture.md "Policy change preview". */
export interface MatcherPreview {
  flows_considered: number;
  flows_moved: number;
  packets_per_second_moved: number;
  bits_per_second_moved: number;
  /** Every considered flow's rate, so a move can be read as a share of the traffic. */
  packets_per_second_total: number;
  bits_per_second_total: number;
  /** Per (from, to) pair, the highest bit rate first. */
  moves: PolicyMove[];
  /** The moved flows with the highest bit rates, highest first. */
  top_flows: MovedFlow[];
  /** Times the evaluation gave the event loop back. */
  slices: number;
}

export interface PreviewOptions {
  /** How many moved flows to list (default 10). */
  top?: number;
  /** Longest the evaluation holds the event loop before yielding (default 8 ms). */
  sliceMs?: number;
  /** A monotonic clock in ms (default performance.now); tests inject one. */
  clock?: () => number;
  /** Gives the event loop back (default: one setImmediate turn, so pending datagrams are read first). */
  yieldToLoop?: () => Promise<void>;
}

/**
 * A flow's rate is its counted packets and bytes over its observed span in this collector (last seen -
 * first seen), the span at least this long: a flow seen once would otherwise have an infinite rate.
 */
export const MIN_RATE_SPAN_MS = 1000;
/** A flow's packet and bit rates from its counters and times (see MIN_RATE_SPAN_MS). */
export function flowRates(
  packets: number,
  bytes: number,
  firstSeen: number,
  lastSeen: number,
): { packets_per_second: number; bits_per_second: number } {
  const seconds = Math.max(lastSeen - firstSeen, MIN_RATE_SPAN_MS) / 1000;
  return { packets_per_second: packets / seconds, bits_per_second: (bytes * 8) / seconds };
}

/** Flows evaluated between two looks at the clock: ~0.1 ms of matching, so a slice overruns sliceMs by little. */
const CHUNK = 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `draft` over a copy of the live flows (TrafficStatsCollector.liveFlows) and says which flows would
 * change policy. Reads only the copy: the collector's counters, flows and matcher are never touched, so a
 * preview cannot move a counter. Evaluates in slices of at most `sliceMs`, yielding in between, so the
 * receive loop keeps reading the socket however many flows there are.
 */
export async function previewMatcher(
  live: LiveFlows,
  draft: PolicyClassifier,
  { top = 10, sliceMs = 8, clock = () => performance.now(), yieldToLoop = nextTurn }: PreviewOptions = {},
): Promise<MatcherPreview> {
  const { flows, policyIdBySlot, generation, matcher } = live;
  const record = createFlowRecord();
  const moves = new Map<number, Map<number, PolicyMove>>();
  const best: Candidate[] = [];
  const result = {
    flows_considered: flows.size,
    flows_moved: 0,
    packets_per_second_moved: 0,
    bits_per_second_moved: 0,
    packets_per_second_total: 0,
    bits_per_second_total: 0,
    slices: 0,
  };
  let sliceStart = clock();
  for (let i = 0; i < flows.size;) {
    for (const end = Math.min(i + CHUNK, flows.size); i < end; i++) {
      flows.readInto(i, record);
      // A flow classified before the last matcher change is judged as its next record will be.
      const from = flows.generation(i) === generation ? policyIdBySlot[flows.policy(i)]! : matcher.match(record);
      const to = draft.match(record);
      // flowRates(), written out: an object per flow would be 100k allocations a preview.
      const span = Math.max(flows.lastSeen(i) - flows.firstSeen(i), MIN_RATE_SPAN_MS) / 1000;
      const pps = flows.packets(i) / span;
      const bps = (flows.bytes(i) * 8) / span;
      result.packets_per_second_total += pps;
      result.bits_per_second_total += bps;
      if (from === to) continue;
      result.flows_moved++;
      result.packets_per_second_moved += pps;
      result.bits_per_second_moved += bps;
      const byTo = moves.get(from) ?? moves.set(from, new Map()).get(from)!;
      const move = byTo.get(to);
      if (move) {
        move.flows++;
        move.packets_per_second += pps;
        move.bits_per_second += bps;
      } else {
        byTo.set(to, {
          from_policy_id: from,
          to_policy_id: to,
          flows: 1,
          packets_per_second: pps,
          bits_per_second: bps,
        });
      }
      if (top > 0 && (best.length < top || bps > best[best.length - 1]!.bps))
        keepBest(best, top, { i, from, to, pps, bps });
    }
    if (i < flows.size && clock() - sliceStart >= sliceMs) {
      await yieldToLoop();
      result.slices++;
      sliceStart = clock();
    }
  }
  return {
    ...result,
    moves: [...moves.values()]
      .flatMap((byTo) => [...byTo.values()])
      .sort((a, b) => b.bits_per_second - a.bits_per_second),
    top_flows: best.map((c) => movedFlow(flows, c, record)),
  };
}

interface Candidate {
  i: number;
  from: number;
  to: number;
  pps: number;
  bps: number;
}

/** Inserts `c` into `best` (highest bps first), keeping at most `top`. */
function keepBest(best: Candidate[], top: number, c: Candidate): void {
  let at = best.length;
  while (at > 0 && best[at - 1]!.bps < c.bps) at--;
  best.splice(at, 0, c);
  if (best.length > top) best.pop();
}

function movedFlow(flows: FlowTableCopy, c: Candidate, r: ReturnType<typeof createFlowRecord>): MovedFlow {
  flows.readInto(c.i, r);
  const v4 = r.ipVersion === 4;
  return {
    key: {
      src_addr: v4 ? formatIPv4(r.src4) : formatIPv6(r.src6),
      dst_addr: v4 ? formatIPv4(r.dst4) : formatIPv6(r.dst6),
      src_port: r.srcPort,
      dst_port: r.dstPort,
      protocol: r.protocol,
    },
    dscp: r.dscp,
    from_policy_id: c.from,
    to_policy_id: c.to,
    packets_per_second: c.pps,
    bits_per_second: c.bps,
  };
}
