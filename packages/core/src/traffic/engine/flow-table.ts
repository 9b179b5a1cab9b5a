import { randomBytes } from "node:crypto";
import type { FlowRecord } from "../../flows/flow-record";
import type { FlowKey } from "../match/flow-key";

// A flow's 64-byte cell, read through an Int32Array (word w) and a Float64Array (double d) of one buffer.
const SRC = 0; // IPv4 source, or for IPv6 the flow's row in the address side table
const DST = 1; // IPv4 destination, or for IPv6 the XOR of the eight address words (a cheap pre-check)
const PORTS = 2; // srcPort << 16 | dstPort
const META = 3; // protocol | ipVersion << 8 | exporter << 16; 0 marks an empty cell
const KEY_META = 0xffff; // the part of META that belongs to the key
const PREV = 4; // LRU neighbours within the flow's exporter (cell indices, -1 at the ends)
const NEXT = 5;
const POLICY = 6; // the collector's policy slot
const GENERATION = 7; // the matcher generation (low 24 bits) and the DSCP the flow was classified with (top 8)
const GENERATION_MASK = 0xffffff;
const PACKETS = 4; // doubles 4-7 are words 8-15
const BYTES = 5;
const FIRST_SEEN = 6;
const LAST_SEEN = 7;
const CELL_WORDS = 16;
const SHIFT = 4; // log2(CELL_WORDS)

/**
 * The live-flow table: open addressing with linear probing over one ArrayBuffer of 64-byte cells, each
 * holding a flow's key, counters and LRU links, plus an intrusive doubly-linked LRU list per exporter.
 *
 * Hand-written because it is the collector's hot path: a Map keyed by a 5-tuple string costs ~1.1 µs
 * an update and ~600 bytes a flow at 100k flows, and lru-cache is a Map underneath. The layout is
 * chosen for cache misses, which dominate at 100k+ flows: the key sits in the cell the hash points at,
 * beside the counters and LRU links, so updating a live flow loads one cache line. (One typed array
 * per field costs a miss per field and measured 3x slower; an index array pointing into dense entries
 * adds a dependent miss and measured 1.3-1.7x slower at 1M flows.) Relinking the LRU list only
 * stores into the neighbours' cells, and stores do not hold up the next lookup.
 *
 * - Load factor <= 0.5: short probe runs and an empty cell always ends a probe.
 * - Deletion is backward shift, not tombstones: cleanup and eviction delete constantly, and tombstones
 *   would lengthen probe runs until a rebuild, while backward shift leaves the table exactly as if the
 *   key had never been inserted. A shifted cell's LRU neighbours are re-pointed at its new index.
 *   So cell indices are only stable until the next insert or removal.
 * - Cells start few and double up to what maxEntries needs; the caller evicts the LRU flow before
 *   inserting into a full table, so memory is bounded by maxEntries whatever arrives (64 bytes x 2-4
 *   cells a flow, plus 32 bytes for each IPv6 flow's addresses in a side table).
 * - Each flow belongs to an exporter (a small id the caller assigns, in the spare bits of its META word,
 *   not part of the key), and each exporter has its own LRU list and count: so the caller can evict an
 *   exporter's own least recently seen flow, in O(1), when that exporter is over its quota.
 * - The hash is multiply-xorshift mixing (hash4) with a random seed per table: colliding keys cannot
 *   be looked up in a table, but it is not a keyed PRF (SipHash would cost more than the whole
 *   update), so a party choosing 5-tuples with care could still lengthen probe runs.
 */
export class FlowTable {
  size = 0;
  readonly maxEntries: number;
  private words: Int32Array;
  private doubles: Float64Array;
  private mask: number;
  private readonly maxCells: number;
  /** Per exporter e: its LRU list's ends at 2e (head) and 2e + 1 (tail), cells or -1; and its live flows. */
  private readonly ends: Int32Array;
  private readonly counts: Int32Array;
  /** Exporter ids below this have held flows (bounds the scan in busiestExporter). */
  private exportersSeen = 1;
  private readonly seed: number;
  /** IPv6 addresses, 8 words a row (src then dst); rows are recycled through `freeRows`. */
  private addresses = new Int32Array(8 * 64);
  private freeRows: number[] = [];
  private rowsUsed = 0;

  constructor(options: { maxEntries: number; initialCells?: number; seed?: number; exporters?: number }) {
    const { maxEntries, exporters = 1 } = options;
    if (!Number.isInteger(maxEntries) || maxEntries < 1 || maxEntries > 1 << 26) {
      throw new RangeError(`maxEntries must be an integer from 1 to ${1 << 26}`);
    }
    if (!Number.isInteger(exporters) || exporters < 1 || exporters > 1 << 15) {
      throw new RangeError(`exporters must be an integer from 1 to ${1 << 15}`);
    }
    this.ends = new Int32Array(2 * exporters).fill(-1);
    this.counts = new Int32Array(exporters);
    this.maxEntries = maxEntries;
    this.maxCells = cellsFor(maxEntries);
    const cells = Math.min(this.maxCells, options.initialCells ?? 2048);
    this.words = new Int32Array(cells * CELL_WORDS);
    this.doubles = new Float64Array(this.words.buffer);
    this.mask = cells - 1;
    this.seed = options.seed ?? randomBytes(4).readInt32LE(0);
  }

  /** Cells allocated (grows by doubling, never shrinks). */
  get cells(): number {
    return this.mask + 1;
  }

  get bytesAllocated(): number {
    return this.words.byteLength + this.addresses.byteLength;
  }

  hash(k: FlowKey): number {
    if (k.ipVersion !== 4) return this.hash6(k);
    return hash4(this.seed, k.src4, k.dst4, (k.srcPort << 16) | (k.dstPort & 0xffff), (k.protocol & 0xff) | (4 << 8));
  }

  /** The hash of the key the last find() looked for, which insert() takes after a miss. */
  lastHash = 0;

  /**
   * The cell holding `k`, or -1: the hash and the probe in one, with hash4() written out, so that the
   * per-record path stays small enough for V8 to inline whole (see hash6).
   */
  find(k: FlowKey): number {
    if (k.ipVersion !== 4) return this.find6(k, (this.lastHash = this.hash6(k)));
    const src = k.src4 | 0;
    const dst = k.dst4 | 0;
    const ports = (k.srcPort << 16) | (k.dstPort & 0xffff);
    const meta = (k.protocol & 0xff) | (4 << 8);
    let h = imul(this.seed ^ src, 0x9e3779b1);
    h = imul(h ^ (h >>> 16) ^ dst, 0x9e3779b1);
    h = imul(h ^ (h >>> 16) ^ ports, 0x9e3779b1);
    h = imul(h ^ (h >>> 16) ^ meta, 0x85ebca6b);
    h ^= h >>> 15;
    this.lastHash = h;
    const w = this.words;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const b = i << SHIFT;
      const m = w[b + META]!;
      if (m === 0) return -1;
      if (w[b + SRC] === src && w[b + DST] === dst && w[b + PORTS] === ports && (m & KEY_META) === meta) return i;
    }
  }

  /**
   * Adds `k` (absent, hash `h`) as `exporter`'s most recently seen flow, counters zero and times `atMs`;
   * returns its cell. The table must not be full: evict first.
   */
  insert(k: FlowKey, h: number, atMs: number, exporter = 0): number {
    if (this.size >= this.maxEntries) throw new RangeError("flow table is full: evict first");
    if (!(exporter >= 0 && exporter < this.counts.length))
      throw new RangeError(`exporter ${exporter} is not below ${this.counts.length}`);
    if (this.size + 1 > (this.mask + 1) >> 1) this.grow();
    const mask = this.mask;
    let i = h & mask;
    while (this.words[(i << SHIFT) + META] !== 0) i = (i + 1) & mask;
    const w = this.words;
    const b = i << SHIFT;
    if (k.ipVersion === 4) {
      w[b + SRC] = k.src4 | 0;
      w[b + DST] = k.dst4 | 0;
    } else {
      w[b + SRC] = this.storeAddresses(k);
      w[b + DST] = fold6(k.src6, k.dst6);
    }
    w[b + PORTS] = (k.srcPort << 16) | (k.dstPort & 0xffff);
    w[b + META] = (k.protocol & 0xff) | (k.ipVersion << 8) | (exporter << 16);
    w[b + POLICY] = 0;
    w[b + GENERATION] = 0;
    const d = this.doubles;
    const f = i << (SHIFT - 1);
    d[f + PACKETS] = 0;
    d[f + BYTES] = 0;
    d[f + FIRST_SEEN] = atMs;
    d[f + LAST_SEEN] = atMs;
    this.linkTail(i, exporter);
    this.counts[exporter]!++;
    if (exporter >= this.exportersSeen) this.exportersSeen = exporter + 1;
    this.size++;
    return i;
  }

  /** Deletes the flow in cell `i`; other flows may move to lower cells (see removeWhere). */
  remove(i: number): void {
    const w = this.words;
    const mask = this.mask;
    this.unlink(i);
    this.counts[w[(i << SHIFT) + META]! >>> 16]!--;
    if (((w[(i << SHIFT) + META]! >> 8) & 0xff) === 6) this.freeRows.push(w[(i << SHIFT) + SRC]!);
    let hole = i;
    // Backward shift: pull each later cell of the probe run into the hole unless that would put it
    // before its home cell, so every remaining key stays reachable from its home.
    for (let j = (hole + 1) & mask; w[(j << SHIFT) + META] !== 0; j = (j + 1) & mask) {
      const home = hashStored(w, j << SHIFT, this.addresses, this.seed) & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        this.moveCell(j, hole);
        hole = j;
      }
    }
    w[(hole << SHIFT) + META] = 0;
    this.size--;
  }

  /**
   * Removes every flow for which `remove(cell)` returns true, which is asked exactly once about each
   * flow it removes (and may be asked twice about one it keeps, when a removal shifts it). Returns the
   * number removed. O(cells).
   */
  removeWhere(remove: (cell: number) => boolean): number {
    let removed = 0;
    for (let i = 0; i <= this.mask;) {
      if (this.words[(i << SHIFT) + META] !== 0 && remove(i)) {
        this.remove(i);
        removed++;
      } else {
        i++;
      }
    }
    return removed;
  }

  /** Calls `fn` once for each live flow's cell; `fn` must not insert or remove. */
  forEach(fn: (cell: number) => void): void {
    for (let i = 0; i <= this.mask; i++) if (this.words[(i << SHIFT) + META] !== 0) fn(i);
  }

  /** Marks a flow its exporter's most recently seen. */
  touch(i: number): void {
    const w = this.words;
    const b = i << SHIFT;
    const ends = this.ends;
    const t = ((w[b + META]! >>> 16) << 1) | 1; // the flow's exporter's tail
    const tail = ends[t]!;
    if (i === tail) return;
    // unlink(i) then linkTail(i), written out (see hash6 on the inlining budget). As i is not the
    // tail, it has a next cell and the list a tail.
    const p = w[b + PREV]!;
    const n = w[b + NEXT]!;
    if (p === -1) ends[t - 1] = n;
    else w[(p << SHIFT) + NEXT] = n;
    w[(n << SHIFT) + PREV] = p;
    w[b + PREV] = tail;
    w[b + NEXT] = -1;
    w[(tail << SHIFT) + NEXT] = i;
    ends[t] = i;
  }

  /** The exporter's least recently seen flow's cell, or -1 when it has none. */
  oldest(exporter = 0): number {
    return exporter >= 0 && exporter < this.counts.length ? this.ends[2 * exporter]! : -1;
  }

  /** Live flows of `exporter`. */
  exporterSize(exporter: number): number {
    return this.counts[exporter] ?? 0;
  }

  /** Exporter ids the table has room for (0 to exporters - 1). */
  get exporters(): number {
    return this.counts.length;
  }

  /** The exporter holding the most flows (the lowest id among equals); O(exporter ids in use). */
  busiestExporter(): number {
    const counts = this.counts;
    let busiest = 0;
    for (let e = 1; e < this.exportersSeen; e++) if (counts[e]! > counts[busiest]!) busiest = e;
    return busiest;
  }

  /** The exporter of the flow in cell `i`. */
  exporterOf(i: number): number {
    return this.words[(i << SHIFT) + META]! >>> 16;
  }

  /** An exporter's cells from least to most recently seen (for tests and diagnostics). */
  lruOrder(exporter = 0): number[] {
    const order: number[] = [];
    for (let i = this.oldest(exporter); i !== -1; i = this.words[(i << SHIFT) + NEXT]!) order.push(i);
    return order;
  }

  // Per-flow fields, by cell. Small enough for the JIT to inline.
  add(i: number, packets: number, bytes: number, atMs: number): void {
    const d = this.doubles;
    const f = i << (SHIFT - 1);
    d[f + PACKETS]! += packets;
    d[f + BYTES]! += bytes;
    if (atMs > d[f + LAST_SEEN]!) d[f + LAST_SEEN] = atMs;
  }
  zeroCounters(i: number): void {
    this.doubles[(i << (SHIFT - 1)) + PACKETS] = 0;
    this.doubles[(i << (SHIFT - 1)) + BYTES] = 0;
  }
  packets(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + PACKETS]!;
  }
  bytes(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + BYTES]!;
  }
  firstSeen(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + FIRST_SEEN]!;
  }
  lastSeen(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + LAST_SEEN]!;
  }
  policy(i: number): number {
    return this.words[(i << SHIFT) + POLICY]!;
  }
  setPolicy(i: number, slot: number): void {
    this.words[(i << SHIFT) + POLICY] = slot;
  }
  generation(i: number): number {
    return this.words[(i << SHIFT) + GENERATION]! & GENERATION_MASK;
  }
  /** `generation` is taken modulo 2^24 (the collector counts matcher changes modulo that). */
  setGeneration(i: number, generation: number): void {
    const b = (i << SHIFT) + GENERATION;
    this.words[b] = (this.words[b]! & ~GENERATION_MASK) | (generation & GENERATION_MASK);
  }
  /** The DSCP of the record that classified the flow: the matcher reads it, the key does not hold it. */
  dscp(i: number): number {
    return this.words[(i << SHIFT) + GENERATION]! >>> 24;
  }
  setDscp(i: number, dscp: number): void {
    const b = (i << SHIFT) + GENERATION;
    this.words[b] = (this.words[b]! & GENERATION_MASK) | ((dscp & 63) << 24);
  }

  /**
   * A copy of every live flow, packed: for work that must not block the receive loop (a policy preview)
   * and so runs in slices while the table keeps changing under it. O(cells), no matching: a few ms at
   * 100k flows (apps/collector/src/preview.bench.ts).
   */
  copyLive(): FlowTableCopy {
    const words = new Int32Array(this.size * CELL_WORDS);
    const src = this.words;
    let n = 0;
    // Word by word: a subarray per flow for set() cost 10x as much (an object each).
    for (let i = 0; i <= this.mask; i++) {
      const b = i << SHIFT;
      if (src[b + META] === 0) continue;
      const to = n++ << SHIFT;
      for (let x = 0; x < CELL_WORDS; x++) words[to + x] = src[b + x]!;
    }
    return new FlowTableCopy(words, n, this.addresses.slice(0, this.rowsUsed * 8));
  }

  /** The flow's key as numbers: IPv4 addresses as unsigned integers, IPv6 as four words each. */
  keyOf(i: number): {
    ipVersion: 4 | 6;
    src: number[];
    dst: number[];
    srcPort: number;
    dstPort: number;
    protocol: number;
  } {
    const w = this.words;
    const b = i << SHIFT;
    const v4 = ((w[b + META]! >> 8) & 0xff) === 4;
    const row = w[b + SRC]! * 8;
    const unsigned = (x: number) => x >>> 0;
    return {
      ipVersion: v4 ? 4 : 6,
      src: v4 ? [w[b + SRC]! >>> 0] : Array.from(this.addresses.subarray(row, row + 4), unsigned),
      dst: v4 ? [w[b + DST]! >>> 0] : Array.from(this.addresses.subarray(row + 4, row + 8), unsigned),
      srcPort: w[b + PORTS]! >>> 16,
      dstPort: w[b + PORTS]! & 0xffff,
      protocol: w[b + META]! & 0xff,
    };
  }

  // IPv6 keys take these out-of-line paths, so that the IPv4 ones stay small enough for V8 to inline
  // the whole per-record path into its caller (its budget is ~920 bytes of bytecode; over it, the
  // calls that do not fit cost 1M-flow updates ~100 ns more).
  private hash6(k: FlowKey): number {
    const s = k.src6;
    const d = k.dst6;
    let h = this.seed;
    for (let x = 0; x < 4; x++) h = step(h, s[x]!);
    for (let x = 0; x < 4; x++) h = step(h, d[x]!);
    return finish(step(step(h, (k.srcPort << 16) | (k.dstPort & 0xffff)), (k.protocol & 0xff) | (6 << 8)));
  }

  private find6(k: FlowKey, h: number): number {
    const w = this.words;
    const mask = this.mask;
    const ports = (k.srcPort << 16) | (k.dstPort & 0xffff);
    const meta = (k.protocol & 0xff) | (6 << 8);
    const fold = fold6(k.src6, k.dst6);
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const b = i << SHIFT;
      const m = w[b + META]!;
      if (m === 0) return -1;
      if (
        w[b + DST] === fold &&
        w[b + PORTS] === ports &&
        (m & KEY_META) === meta &&
        this.sameAddresses(w[b + SRC]!, k)
      )
        return i;
    }
  }

  private sameAddresses(row: number, k: FlowKey): boolean {
    const a = this.addresses;
    const r = row * 8;
    const s = k.src6;
    const d = k.dst6;
    return (
      a[r] === (s[0]! | 0) &&
      a[r + 1] === (s[1]! | 0) &&
      a[r + 2] === (s[2]! | 0) &&
      a[r + 3] === (s[3]! | 0) &&
      a[r + 4] === (d[0]! | 0) &&
      a[r + 5] === (d[1]! | 0) &&
      a[r + 6] === (d[2]! | 0) &&
      a[r + 7] === (d[3]! | 0)
    );
  }

  private storeAddresses(k: FlowKey): number {
    let row = this.freeRows.pop();
    if (row === undefined) {
      row = this.rowsUsed++;
      if (row * 8 === this.addresses.length) {
        const grown = new Int32Array(this.addresses.length * 2);
        grown.set(this.addresses);
        this.addresses = grown;
      }
    }
    this.addresses.set(k.src6, row * 8);
    this.addresses.set(k.dst6, row * 8 + 4);
    return row;
  }

  private moveCell(from: number, to: number): void {
    const w = this.words;
    w.copyWithin(to << SHIFT, from << SHIFT, (from + 1) << SHIFT);
    const b = to << SHIFT;
    const e = w[b + META]! >>> 16;
    const p = w[b + PREV]!;
    const n = w[b + NEXT]!;
    if (p === -1) this.ends[2 * e] = to;
    else w[(p << SHIFT) + NEXT] = to;
    if (n === -1) this.ends[2 * e + 1] = to;
    else w[(n << SHIFT) + PREV] = to;
  }

  private linkTail(i: number, e: number): void {
    const w = this.words;
    const tail = this.ends[2 * e + 1]!;
    w[(i << SHIFT) + PREV] = tail;
    w[(i << SHIFT) + NEXT] = -1;
    if (tail === -1) this.ends[2 * e] = i;
    else w[(tail << SHIFT) + NEXT] = i;
    this.ends[2 * e + 1] = i;
  }

  private unlink(i: number): void {
    const w = this.words;
    const e = w[(i << SHIFT) + META]! >>> 16;
    const p = w[(i << SHIFT) + PREV]!;
    const n = w[(i << SHIFT) + NEXT]!;
    if (p === -1) this.ends[2 * e] = n;
    else w[(p << SHIFT) + NEXT] = n;
    if (n === -1) this.ends[2 * e + 1] = p;
    else w[(n << SHIFT) + PREV] = p;
  }

  /** Doubles the cells and re-inserts every flow in LRU order, which rebuilds the lists as it goes. */
  private grow(): void {
    const cells = Math.min((this.mask + 1) * 2, this.maxCells);
    const old = this.words;
    const oldEnds = this.ends.slice();
    this.words = new Int32Array(cells * CELL_WORDS);
    this.doubles = new Float64Array(this.words.buffer);
    this.mask = cells - 1;
    this.ends.fill(-1);
    const w = this.words;
    for (let e = 0; e < this.exportersSeen; e++) {
      for (let from = oldEnds[2 * e]!; from !== -1;) {
        const src = from << SHIFT;
        let i = hashStored(old, src, this.addresses, this.seed) & this.mask;
        while (w[(i << SHIFT) + META] !== 0) i = (i + 1) & this.mask;
        const dst = i << SHIFT;
        for (let x = 0; x < CELL_WORDS; x++) w[dst + x] = old[src + x]!;
        from = old[src + NEXT]!;
        this.linkTail(i, e);
      }
    }
  }
}

/** Live flows as FlowTable.copyLive() took them: flow `i` is the i-th, read with the table's accessors' names. */
export class FlowTableCopy {
  private readonly doubles: Float64Array;

  constructor(
    private readonly words: Int32Array,
    readonly size: number,
    private readonly addresses: Int32Array,
  ) {
    this.doubles = new Float64Array(words.buffer);
  }

  /** Writes flow `i`'s key and DSCP into `r` (the matcher's input); other fields are left as they are. */
  readInto(i: number, r: FlowRecord): void {
    const w = this.words;
    const b = i << SHIFT;
    const version = (w[b + META]! >> 8) & 0xff;
    r.ipVersion = version === 4 ? 4 : 6;
    if (version === 4) {
      r.src4 = w[b + SRC]! >>> 0;
      r.dst4 = w[b + DST]! >>> 0;
    } else {
      const row = w[b + SRC]! * 8;
      for (let x = 0; x < 4; x++) {
        r.src6[x] = this.addresses[row + x]! >>> 0;
        r.dst6[x] = this.addresses[row + 4 + x]! >>> 0;
      }
    }
    r.srcPort = w[b + PORTS]! >>> 16;
    r.dstPort = w[b + PORTS]! & 0xffff;
    r.protocol = w[b + META]! & 0xff;
    r.dscp = w[b + GENERATION]! >>> 24;
  }
  policy(i: number): number {
    return this.words[(i << SHIFT) + POLICY]!;
  }
  generation(i: number): number {
    return this.words[(i << SHIFT) + GENERATION]! & GENERATION_MASK;
  }
  packets(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + PACKETS]!;
  }
  bytes(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + BYTES]!;
  }
  firstSeen(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + FIRST_SEEN]!;
  }
  lastSeen(i: number): number {
    return this.doubles[(i << (SHIFT - 1)) + LAST_SEEN]!;
  }
}

function cellsFor(entries: number): number {
  let cells = 16;
  while (cells < entries * 2) cells *= 2;
  return cells;
}

/** The hash of a stored cell's key, equal to FlowTable.hash() of the key it was stored from. */
function hashStored(w: Int32Array, b: number, addresses: Int32Array, seed: number): number {
  const meta = w[b + META]! & KEY_META;
  if (meta >> 8 === 4) return hash4(seed, w[b + SRC]!, w[b + DST]!, w[b + PORTS]!, meta);
  const r = w[b + SRC]! * 8;
  let h = seed;
  for (let x = 0; x < 8; x++) h = step(h, addresses[r + x]!);
  return finish(step(step(h, w[b + PORTS]!), meta));
}

function fold6(src: Uint32Array, dst: Uint32Array): number {
  return (src[0]! ^ src[1]! ^ src[2]! ^ src[3]! ^ dst[0]! ^ dst[1]! ^ dst[2]! ^ dst[3]!) | 0;
}

// The hash: each word is xored in, then multiplied by an odd constant and xor-shifted (both
// bijections, so two keys differing in one word never collide), and a final multiply and shift bring
// the high bits down to the low ones the mask keeps. Written out for IPv4 rather than looped: the
// per-record path must stay small enough for V8 to inline whole (see hash6), and MurmurHash3's
// block mix, used before, was four times the bytecode.
const imul = Math.imul;

function hash4(seed: number, src: number, dst: number, ports: number, meta: number): number {
  let h = imul(seed ^ src, 0x9e3779b1);
  h = imul(h ^ (h >>> 16) ^ dst, 0x9e3779b1);
  h = imul(h ^ (h >>> 16) ^ ports, 0x9e3779b1);
  h = imul(h ^ (h >>> 16) ^ meta, 0x85ebca6b);
  return h ^ (h >>> 15);
}

function step(h: number, k: number): number {
  h = imul(h ^ k, 0x9e3779b1);
  return h ^ (h >>> 16);
}

function finish(h: number): number {
  h = imul(h, 0x85ebca6b);
  return h ^ (h >>> 15);
}
