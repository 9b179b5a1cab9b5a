import type { FlowRecord } from "../../flows/flow-record";
import { formatIPv4, formatIPv6 } from "../../net/ip";
import type { FlowKey } from "../match/flow-key";
import { FlowTable, type FlowTableCopy } from "./flow-table";
import { UNMATCHED_POLICY_ID, type PolicyClassifier } from "../match/policy-matcher";

/** A policy's counters as the API shows them. Times are epoch milliseconds. */
export interface PolicyStats {
  policy_id: number;
  packets_matched: number;
  bytes_matched: number;
  /** Live flows currently attributed to the policy; exact, maintained on every add, move and removal. */
  active_flows: number;
  /** When counting began: the first traffic, the restored snapshot's value, or the last reset. */
  first_seen: number;
  /** The last traffic counted (or the reset or restored snapshot, whichever is later). */
  last_updated: number;
}

export interface FlowStats {
  key: { src_addr: string; dst_addr: string; src_port: number; dst_port: number; protocol: number };
  policy_id: number;
  packets: number;
  bytes: number;
  first_seen: number;
  last_seen: number;
}

/** One policy's traffic from one site's edge (a site column's counters, see TrafficStatsCollector.fromSite). */
export interface SitePolicyTraffic {
  policy_id: number;
  packets: number;
  bytes: number;
}

/** A (site column, policy) pair's rise since the last siteRisesWritten(). */
export interface SiteRise extends SitePolicyTraffic {
  column: number;
}

export interface TrafficTotals {
  packets: number;
  bytes: number;
  active_flows: number;
}

/** The in-memory engine's own state (not the sidecar's CollectorStatusReport, which the control interface sends). */
export interface CollectorEngineStatus {
  liveFlows: number;
  maxFlows: number;
  /** Hash table cells allocated: 2-4 per live flow, doubling up to what maxFlows needs, never shrinking. */
  flowCells: number;
  /** Bytes held by the flow table (64 a cell, plus 32 per IPv6 flow for addresses). */
  tableBytes: number;
  /** Flows dropped because the table was full or their exporter over its quota, since start. */
  evictedFlows: number;
  /** Most live flows one exporter may hold. */
  maxFlowsPerExporter: number;
  /** Policies with counters, the unmatched bucket included. */
  policies: number;
  matcherGeneration: number;
}

/** See TrafficStatsCollector.liveFlows(). */
export interface LiveFlows {
  flows: FlowTableCopy;
  policyIdBySlot: readonly number[];
  generation: number;
  matcher: PolicyClassifier;
}

export interface PolicySnapshot {
  packets_matched: number;
  bytes_matched: number;
  first_seen?: number;
  last_updated?: number;
}

export interface TrafficStatsCollectorOptions {
  /** Epoch milliseconds; injected so tests never sleep. */
  now?: () => number;
  /** Bound on live flows; past it the busiest exporter's least recently seen flow is evicted. */
  maxFlows?: number;
  /**
   * Bound on one exporter's live flows (default maxFlows); past it that exporter's own least recently
   * seen flow is evicted, so one exporter's flood cannot push out another's flows.
   */
  maxFlowsPerExporter?: number;
  /** Exporter ids ingest() accepts: 0 to exporters - 1 (default 1: every flow is exporter 0's). */
  exporters?: number;
  /** Classifies new flows for ingest(); without one every flow is unmatched. */
  matcher?: PolicyClassifier;
}

const everythingUnmatched: PolicyClassifier = { match: () => UNMATCHED_POLICY_ID };

// A policy slot's 64-byte row of doubles in `rows`: one cache line per policy on the hot path.
const PACKETS = 0;
const BYTES = 1;
const ACTIVE = 2;
const FIRST_SEEN = 3;
const LAST_UPDATED = 4;
/** The `epoch` in which the row last changed (see changedSince). */
const CHANGED_AT = 5;
const ROW = 8;
/** A site column's row per policy slot: packets, bytes. */
const SITE_ROW = 2;
/** Policy ids below this resolve through a typed array instead of the Map (SQLite ids are small). */
const DIRECT_IDS = 1 << 16;

/**
 * Per-policy packet, byte and flow counters fed by flow records, in memory and synchronous: the collector
 * runs it on its one JS thread, so no lock guards the counters.
 *
 * Each policy owns a slot (a row in one Float64Array) and a flow stores its policy's slot, so counting
 * a record for a known flow touches no Map. Traffic matching no policy is counted under
 * UNMATCHED_POLICY_ID, which is always present.
 *
 * A flow is classified once, by its first record (its DSCP included); setMatcher() bumps a
 * generation so that each live flow is classified again on its next record.
 */
export class TrafficStatsCollector {
  private readonly now: () => number;
  private readonly table: FlowTable;
  private matcher: PolicyClassifier;
  private generation = 0;
  private evicted = 0;
  private readonly maxPerExporter: number;

  private readonly slotById = new Map<number, number>();
  /** slot + 1 by policy id for ids below DIRECT_IDS; 0 for none. */
  private directSlots = new Int32Array(1024);
  private idBySlot: number[] = [];
  private views: (PolicyStats | undefined)[] = [];
  private freeSlots: number[] = [];
  private rows = new Float64Array(64 * ROW);
  /**
   * Stamped on every row that changes; changedSince() closes the epoch. A stamp rather than a count
   * of changes because the hot path then only stores a field (a per-record increment measured ~15 ns).
   */
  private epoch = 1;
  private dirtyCursor = 0;
  /** The latest record time counted, and whether every record time so far was at least the one before. */
  private latest = -Infinity;
  private timesInOrder = true;

  /**
   * Per site column (the exporter's site, docs/architecture.md "Traffic per site"), per policy slot:
   * `siteCounts` only ever rise, so the hot path adds and never branches; what the API shows is the
   * rise over `siteBase` (moved by resets), what the snapshot writes the rise over `siteWritten`.
   */
  private siteCounts: (Float64Array | undefined)[] = [];
  private siteBase: (Float64Array | undefined)[] = [];
  private siteWritten: (Float64Array | undefined)[] = [];
  private siteColumn = 0;
  private siteRow: Float64Array;

  constructor(options: TrafficStatsCollectorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.table = new FlowTable({ maxEntries: options.maxFlows ?? 1_000_000, exporters: options.exporters ?? 1 });
    this.maxPerExporter = Math.min(options.maxFlowsPerExporter ?? this.table.maxEntries, this.table.maxEntries);
    if (!(this.maxPerExporter >= 1)) throw new RangeError("maxFlowsPerExporter must be at least 1");
    this.matcher = options.matcher ?? everythingUnmatched;
    this.siteRow = this.siteColumnRow(0);
    this.createSlot(UNMATCHED_POLICY_ID, this.now());
  }

  /**
   * Counts the records that follow under site column `column` (the sidecar calls it once a datagram,
   * with the exporter gate's verdict); column 0, the default, is traffic from no endpoint.
   */
  fromSite(column: number): void {
    if (column === this.siteColumn) return;
    this.siteColumn = column;
    this.siteRow = this.siteCounts[column] ?? this.siteColumnRow(column);
  }

  /** Every policy's traffic counted under `column` since the start or its last reset; none if nothing. */
  siteTraffic(column: number): SitePolicyTraffic[] {
    const counts = this.siteCounts[column];
    const base = this.siteBase[column];
    if (!counts || !base) return [];
    const found: SitePolicyTraffic[] = [];
    for (const [policy_id, slot] of this.slotById) {
      const i = slot * SITE_ROW;
      const packets = counts[i]! - base[i]!;
      const bytes = counts[i + 1]! - base[i + 1]!;
      if (packets > 0 || bytes > 0) found.push({ policy_id, packets, bytes });
    }
    return found.sort((a, b) => a.policy_id - b.policy_id);
  }

  /** The columns that hold counters, for the per-site totals. */
  siteColumns(): number[] {
    return this.siteCounts.flatMap((counts, column) => (counts ? [column] : []));
  }

  /** What each (site column, policy) rose since the last siteRisesWritten(): what the next snapshot stores. */
  siteRises(): SiteRise[] {
    const rises: SiteRise[] = [];
    this.siteCounts.forEach((counts, column) => {
      const written = this.siteWritten[column];
      if (!counts || !written) return;
      for (const [policy_id, slot] of this.slotById) {
        const i = slot * SITE_ROW;
        const packets = counts[i]! - written[i]!;
        const bytes = counts[i + 1]! - written[i + 1]!;
        if (packets > 0 || bytes > 0) rises.push({ column, policy_id, packets, bytes });
      }
    });
    return rises;
  }

  /** The rises siteRises() returned are stored: call once their transaction committed. */
  siteRisesWritten(): void {
    this.siteCounts.forEach((counts, column) => {
      if (counts) this.siteWritten[column]!.set(counts);
    });
  }

  /**
   * Forgets a column's counters, rises not yet written included: its site was deleted and the column
   * may be handed to another. Column 0 is emptied instead.
   */
  dropSiteColumn(column: number): void {
    if (column === 0) {
      for (const arrays of [this.siteCounts, this.siteBase, this.siteWritten]) arrays[0]!.fill(0);
      return;
    }
    for (const arrays of [this.siteCounts, this.siteBase, this.siteWritten]) arrays[column] = undefined;
    if (column === this.siteColumn) this.fromSite(0);
  }

  private siteColumnRow(column: number): Float64Array {
    if (!Number.isInteger(column) || column < 0 || column >= 65_536)
      throw new RangeError(`site column ${column} is out of range`);
    const length = (this.rows.length / ROW) * SITE_ROW;
    this.siteBase[column] = new Float64Array(length);
    this.siteWritten[column] = new Float64Array(length);
    return (this.siteCounts[column] = new Float64Array(length));
  }

  /** Moves a slot's (or, without one, every slot's) site base and written marks up to its counts. */
  private siteReset(slot?: number): void {
    this.siteCounts.forEach((counts, column) => {
      if (!counts) return;
      for (const marks of [this.siteBase[column]!, this.siteWritten[column]!]) {
        if (slot === undefined) marks.set(counts);
        else marks.set(counts.subarray(slot * SITE_ROW, slot * SITE_ROW + SITE_ROW), slot * SITE_ROW);
      }
    });
  }

  /**
   * Counts one decoded record (the sidecar's per-record call) from `exporter` (an id below the
   * `exporters` option; the flow quota is per id). A live flow is counted under the policy it was
   * classified to; a new flow is classified once by the matcher.
   */
  ingest(record: FlowRecord, atMs: number, exporter?: number): void {
    const t = this.table;
    const entry = t.find(record);
    if (entry < 0 || t.generation(entry) !== this.generation)
      return this.ingestClassified(record, t.lastHash, entry, atMs, exporter);
    t.touch(entry);
    this.count(entry, t.policy(entry), record.packets, record.bytes, atMs);
  }

  /**
   * ingest() for a new flow, or a live one classified before the matcher changed: rare, and kept out of
   * ingest() so that the common path stays small enough for V8 to inline whole (see FlowTable.hash6).
   */
  private ingestClassified(record: FlowRecord, h: number, entry: number, atMs: number, exporter = 0): void {
    const slot = this.slotFor(this.matcher.match(record), atMs);
    if (entry < 0) {
      entry = this.insertFlow(record, h, slot, atMs, exporter);
    } else {
      this.reclassify(entry, slot);
      this.table.touch(entry);
    }
    this.table.setDscp(entry, record.dscp);
    this.count(entry, slot, record.packets, record.bytes, atMs);
  }

  /** Counts one packet of `packetSize` bytes for `flow` under `policyId`, at the clock's now. */
  recordPacket(policyId: number, flow: FlowKey, packetSize: number): void {
    this.recordFlow(policyId, flow, 1, packetSize, this.now());
  }

  /** Counts a flow export record's delta under `policyId` (a flow recorded under another policy moves). */
  recordFlow(policyId: number, flow: FlowKey, packets: number, bytes: number, atMs: number): void {
    const slot = this.slotFor(policyId, atMs);
    const t = this.table;
    const entry = t.find(flow);
    if (entry < 0) return this.recordNewFlow(flow, t.lastHash, slot, packets, bytes, atMs);
    if (t.policy(entry) !== slot) this.reclassify(entry, slot);
    else t.setGeneration(entry, this.generation);
    t.touch(entry);
    this.count(entry, slot, packets, bytes, atMs);
  }

  /** recordFlow() for a flow not in the table yet, out of line like ingestClassified(). */
  private recordNewFlow(flow: FlowKey, h: number, slot: number, packets: number, bytes: number, atMs: number): void {
    this.count(this.insertFlow(flow, h, slot, atMs, 0), slot, packets, bytes, atMs);
  }

  /** Classifies flows with `matcher` from now on; live flows are re-classified on their next record. */
  setMatcher(matcher: PolicyClassifier): void {
    this.matcher = matcher;
    // The flow table keeps 24 bits of it; a flow unseen for 16M matcher changes is the price.
    this.generation = (this.generation + 1) & 0xffffff;
  }

  /**
   * The live flows as they are now, for a preview that runs in slices while this keeps counting: a packed
   * copy of the table, the policy id of each slot, and the matcher with its generation (a flow classified
   * by an older matcher is judged by this one, as its next record would be).
   */
  liveFlows(): LiveFlows {
    return {
      flows: this.table.copyLive(),
      policyIdBySlot: [...this.idBySlot],
      generation: this.generation,
      matcher: this.matcher,
    };
  }

  /**
   * The policy's counters, or undefined when it has none. The object is the policy's own view,
   * refreshed in place by each call (allocating one per call cost ~15 ns, over the 10 ns budget):
   * copy it to keep a value across calls. The list methods return fresh objects.
   */
  getPolicyStats(policyId: number): Readonly<PolicyStats> | undefined {
    const slot = this.slotOf(policyId);
    if (slot < 0) return undefined;
    const view = this.views[slot];
    if (view === undefined || view.policy_id !== this.idBySlot[slot]) return (this.views[slot] = this.statsOf(slot));
    const rows = this.rows;
    const r = slot * ROW;
    view.packets_matched = rows[r + PACKETS]!;
    view.bytes_matched = rows[r + BYTES]!;
    view.active_flows = rows[r + ACTIVE]!;
    view.first_seen = rows[r + FIRST_SEEN]!;
    view.last_updated = rows[r + LAST_UPDATED]!;
    return view;
  }

  /** Every policy with counters, by id; the unmatched bucket (UNMATCHED_POLICY_ID) comes first. */
  getAllPolicyStats(): PolicyStats[] {
    return [...this.slotById.values()].map((slot) => this.statsOf(slot)).sort((a, b) => a.policy_id - b.policy_id);
  }

  totals(): TrafficTotals {
    let packets = 0;
    let bytes = 0;
    for (const slot of this.slotById.values()) {
      packets += this.rows[slot * ROW + PACKETS]!;
      bytes += this.rows[slot * ROW + BYTES]!;
    }
    return { packets, bytes, active_flows: this.table.size };
  }

  /**
   * Removes the flows not seen for more than `timeoutMs`; returns how many. While record times have
   * never gone backwards the LRU list is also in last-seen order, so this pops stale flows off its
   * old end, O(removed); after a time that went backwards it scans every cell, O(table).
   */
  cleanupStaleFlows(timeoutMs: number): number {
    const cutoff = this.now() - timeoutMs;
    const t = this.table;
    let removed = 0;
    if (this.timesInOrder) {
      for (let e = 0; e < t.exporters; e++) {
        for (let oldest = t.oldest(e); oldest !== -1 && t.lastSeen(oldest) < cutoff; oldest = t.oldest(e)) {
          this.leaving(oldest);
          t.remove(oldest);
          removed++;
        }
      }
    } else {
      removed = t.removeWhere((entry) => t.lastSeen(entry) < cutoff && this.leaving(entry));
    }
    if (t.size === 0) this.timesInOrder = true;
    return removed;
  }

  /**
   * Zeroes every packet and byte counter, policies' and flows'. Live flows stay tracked, so
   * active_flows keeps describing what is on the wire rather than dropping to 0 and climbing back.
   */
  resetStats(): void {
    const t = this.table;
    t.forEach((entry) => t.zeroCounters(entry));
    for (const slot of this.slotById.values()) this.zero(slot);
    this.siteReset();
  }

  /** resetStats() for one policy. Returns false when the policy has no counters. */
  resetPolicyStats(policyId: number): boolean {
    const slot = this.slotOf(policyId);
    if (slot < 0) return false;
    const t = this.table;
    t.forEach((entry) => {
      if (t.policy(entry) === slot) t.zeroCounters(entry);
    });
    this.zero(slot);
    this.siteReset(slot);
    return true;
  }

  /**
   * Drops a deleted policy's counters and flows (their next records start new flows and are
   * classified afresh). The unmatched bucket is emptied instead of dropped.
   */
  removePolicy(policyId: number): boolean {
    const slot = this.slotOf(policyId);
    if (slot < 0) return false;
    const t = this.table;
    t.removeWhere((entry) => t.policy(entry) === slot && this.leaving(entry));
    if (policyId === UNMATCHED_POLICY_ID) {
      this.zero(slot);
      return true;
    }
    this.slotById.delete(policyId);
    if (policyId < this.directSlots.length) this.directSlots[policyId] = 0;
    // The slot goes back to the free list: whoever takes it next starts from zero at every site.
    for (const arrays of [this.siteCounts, this.siteBase, this.siteWritten])
      for (const row of arrays) row?.fill(0, slot * SITE_ROW, slot * SITE_ROW + SITE_ROW);
    this.idBySlot[slot] = -1;
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * Seeds a policy's counters from its latest stored snapshot at start-up. Traffic already counted is
   * added to the snapshot, not overwritten. A restore is not a change: the database already has it.
   */
  restore(policyId: number, snapshot: PolicySnapshot): void {
    const existed = this.slotOf(policyId) >= 0;
    const r = this.slotFor(policyId, this.now()) * ROW;
    const rows = this.rows;
    rows[r + PACKETS]! += snapshot.packets_matched;
    rows[r + BYTES]! += snapshot.bytes_matched;
    if (snapshot.first_seen !== undefined && (!existed || snapshot.first_seen < rows[r + FIRST_SEEN]!)) {
      rows[r + FIRST_SEEN] = snapshot.first_seen;
    }
    if (snapshot.last_updated !== undefined && (!existed || snapshot.last_updated > rows[r + LAST_UPDATED]!)) {
      rows[r + LAST_UPDATED] = snapshot.last_updated;
    }
    if (!existed) rows[r + CHANGED_AT] = 0;
  }

  /**
   * The policies whose counters changed after `cursor` (0 for all ever changed), and the cursor to
   * pass next time. The snapshot writer keeps the cursor of its last successful write, so a failed
   * write loses nothing.
   */
  changedSince(cursor: number): { stats: PolicyStats[]; cursor: number } {
    const stats: PolicyStats[] = [];
    for (const slot of this.slotById.values()) {
      if (this.rows[slot * ROW + CHANGED_AT]! > cursor) stats.push(this.statsOf(slot));
    }
    return { stats: stats.sort((a, b) => a.policy_id - b.policy_id), cursor: this.epoch++ };
  }

  /** changedSince() with a cursor the collector keeps: each call returns what changed since the last. */
  takeDirty(): PolicyStats[] {
    const { stats, cursor } = this.changedSince(this.dirtyCursor);
    this.dirtyCursor = cursor;
    return stats;
  }

  /** The policy's live flows with the most bytes, most first. O(flows): an admin query. */
  topFlows(policyId: number, limit: number): FlowStats[] {
    const slot = this.slotOf(policyId);
    if (slot < 0 || limit <= 0) return [];
    const t = this.table;
    const entries: number[] = [];
    t.forEach((entry) => {
      if (t.policy(entry) === slot) entries.push(entry);
    });
    entries.sort((a, b) => t.bytes(b) - t.bytes(a));
    return entries.slice(0, limit).map((entry) => this.flowStatsOf(entry, policyId));
  }

  /** Live flows `exporter` holds. */
  exporterFlows(exporter: number): number {
    return this.table.exporterSize(exporter);
  }

  status(): CollectorEngineStatus {
    return {
      liveFlows: this.table.size,
      maxFlows: this.table.maxEntries,
      flowCells: this.table.cells,
      tableBytes: this.table.bytesAllocated,
      evictedFlows: this.evicted,
      maxFlowsPerExporter: this.maxPerExporter,
      policies: this.slotById.size,
      matcherGeneration: this.generation,
    };
  }

  private count(entry: number, slot: number, packets: number, bytes: number, atMs: number): void {
    this.table.add(entry, packets, bytes, atMs);
    const rows = this.rows;
    const r = slot * ROW;
    rows[r + PACKETS]! += packets;
    rows[r + BYTES]! += bytes;
    if (atMs > rows[r + LAST_UPDATED]!) rows[r + LAST_UPDATED] = atMs;
    rows[r + CHANGED_AT] = this.epoch;
    const site = this.siteRow;
    site[slot * SITE_ROW]! += packets;
    site[slot * SITE_ROW + 1]! += bytes;
    // The sidecar passes one time per datagram, so this call is made once per datagram.
    if (atMs !== this.latest) this.noteTime(atMs);
  }

  private noteTime(atMs: number): void {
    if (atMs < this.latest) this.timesInOrder = false;
    else this.latest = atMs;
  }

  /**
   * Adds a flow, evicting first when its exporter is at its quota (that exporter's least recently seen
   * flow) or the table is full (the busiest exporter's): a flood only ever displaces its own flows
   * once it holds the most. docs/operations.md "Flow table fairness".
   */
  private insertFlow(flow: FlowKey, h: number, slot: number, atMs: number, exporter: number): number {
    const t = this.table;
    const e = exporter >= 0 && exporter < t.exporters ? exporter : 0;
    const victim = t.exporterSize(e) >= this.maxPerExporter ? e : t.size === t.maxEntries ? t.busiestExporter() : -1;
    if (victim >= 0) {
      const oldest = t.oldest(victim);
      this.leaving(oldest);
      t.remove(oldest);
      this.evicted++;
    }
    const entry = t.insert(flow, h, atMs, e);
    t.setPolicy(entry, slot);
    t.setGeneration(entry, this.generation);
    this.rows[slot * ROW + ACTIVE]!++;
    return entry;
  }

  /** Books a flow that is about to be removed off its policy; true, to sit inside removeWhere's predicate. */
  private leaving(entry: number): true {
    const r = this.table.policy(entry) * ROW;
    this.rows[r + ACTIVE]!--;
    this.rows[r + CHANGED_AT] = this.epoch;
    return true;
  }

  private reclassify(entry: number, slot: number): number {
    const t = this.table;
    const from = t.policy(entry);
    t.setGeneration(entry, this.generation);
    if (from !== slot) {
      t.setPolicy(entry, slot);
      this.rows[from * ROW + ACTIVE]!--;
      this.rows[slot * ROW + ACTIVE]!++;
      this.rows[from * ROW + CHANGED_AT] = this.epoch;
    }
    return slot;
  }

  private slotOf(policyId: number): number {
    const direct = this.directSlots;
    if (policyId >= 0 && policyId < direct.length && (policyId | 0) === policyId) return direct[policyId]! - 1;
    return this.slotById.get(policyId) ?? -1;
  }

  private slotFor(policyId: number, atMs: number): number {
    const slot = this.slotOf(policyId);
    return slot >= 0 ? slot : this.createSlot(policyId, atMs);
  }

  private createSlot(policyId: number, atMs: number): number {
    if (!Number.isSafeInteger(policyId) || policyId < 0) {
      throw new RangeError(`policy id ${policyId} is not a non-negative integer`);
    }
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.idBySlot.length;
      this.idBySlot.push(policyId);
      if (slot * ROW === this.rows.length) this.growRows();
    } else {
      this.idBySlot[slot] = policyId;
    }
    this.slotById.set(policyId, slot);
    if (policyId < DIRECT_IDS) {
      if (policyId >= this.directSlots.length) {
        let n = this.directSlots.length;
        while (n <= policyId) n *= 2;
        this.directSlots = grown(this.directSlots, n);
      }
      this.directSlots[policyId] = slot + 1;
    }
    const r = slot * ROW;
    this.rows.fill(0, r, r + ROW);
    this.rows[r + FIRST_SEEN] = atMs;
    this.rows[r + LAST_UPDATED] = atMs;
    this.rows[r + CHANGED_AT] = this.epoch;
    return slot;
  }

  private growRows(): void {
    this.rows = grown(this.rows, this.rows.length * 2);
    const length = (this.rows.length / ROW) * SITE_ROW;
    for (const arrays of [this.siteCounts, this.siteBase, this.siteWritten])
      arrays.forEach((row, column) => {
        if (row) arrays[column] = grown(row, length);
      });
    this.siteRow = this.siteCounts[this.siteColumn]!;
  }

  private zero(slot: number): void {
    const now = this.now();
    const r = slot * ROW;
    this.rows[r + PACKETS] = 0;
    this.rows[r + BYTES] = 0;
    this.rows[r + FIRST_SEEN] = now;
    this.rows[r + LAST_UPDATED] = now;
    this.rows[r + CHANGED_AT] = this.epoch;
  }

  private statsOf(slot: number): PolicyStats {
    const rows = this.rows;
    const r = slot * ROW;
    return {
      policy_id: this.idBySlot[slot]!,
      packets_matched: rows[r + PACKETS]!,
      bytes_matched: rows[r + BYTES]!,
      active_flows: rows[r + ACTIVE]!,
      first_seen: rows[r + FIRST_SEEN]!,
      last_updated: rows[r + LAST_UPDATED]!,
    };
  }

  private flowStatsOf(entry: number, policyId: number): FlowStats {
    const t = this.table;
    const k = t.keyOf(entry);
    const format = (address: number[]) => (k.ipVersion === 4 ? formatIPv4(address[0]!) : formatIPv6(address));
    return {
      key: {
        src_addr: format(k.src),
        dst_addr: format(k.dst),
        src_port: k.srcPort,
        dst_port: k.dstPort,
        protocol: k.protocol,
      },
      policy_id: policyId,
      packets: t.packets(entry),
      bytes: t.bytes(entry),
      first_seen: t.firstSeen(entry),
      last_seen: t.lastSeen(entry),
    };
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (n: number) => T)(length);
  copy.set(array);
  return copy;
}
