/**
 * Cache hot path against raw lru-cache with the same max/TTL/ttlResolution, at 1k and 100k entries,
 * with metrics-style number keys and routing-style string keys. Lookups walk a shuffled pool over all
 * keys so the working set is the whole cache, not one hot line.
 *
 * Each scenario runs in several fresh child processes and each figure is the best across them: which
 * code V8 settles on differs from process to process (raw lru-cache measured 7, 12, 19 or 33 ns for the
 * same 1k-entry miss), so one process mostly reports which side got lucky. The one gap that remains is
 * V8's inlining budget: a caller inlines a function only if its bytecode plus 1.2x what that function
 * already inlined fits in 920 bytes. lru-cache's get chain uses about 875 of it, so a tiny caller can
 * inline raw get down to a Map#get specialised for small-integer keys, while Cache.get (43 bytes, on
 * top of the same chain) lands just over and is called instead: about 4 ns more per lookup, showing
 * only at 1k number keys. Any wrapper pays it; with the budget raised
 * (--max-inlined-bytecode-size-cumulative=3000) both inline fully and a miss costs 7.7 vs 7.1 ns.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { LRUCache } from "lru-cache";
import { nsPerOp, report } from "../testing/bench";
import { Cache } from "./ttl-cache";

const TTL_MS = 60_000;
const ITERATIONS = 100_000;
const PROCESSES = 4;
const OPS = ["get hit", "get miss", "insert (overwrite)"] as const;
type Figures = Record<(typeof OPS)[number], [baseline: number, ours: number]>;

interface Scenario<K extends NonNullable<unknown>> {
  size: number;
  raw: LRUCache<K, object>;
  ours: Cache<K, object>;
  hitPool: K[];
  missPool: K[];
  values: object[];
}

export async function run(): Promise<void> {
  for (const size of [1_000, 100_000]) {
    for (const keys of ["number", "string"] as const) {
      const best = Object.fromEntries(OPS.map((op) => [op, [Infinity, Infinity]])) as Figures;
      for (let p = 0; p < PROCESSES; p++) {
        const figures = await inChild(keys, size);
        for (const op of OPS) best[op] = [Math.min(best[op][0], figures[op][0]), Math.min(best[op][1], figures[op][1])];
      }
      for (const op of OPS) {
        const target = op === "get hit" && size >= 100_000 ? "<= 1.25, < 250 ns" : "<= 1.25";
        const name = `cache ${op}, ${keys} keys, ${size / 1000}k entries (vs raw lru-cache)`;
        report(name, best[op][1], best[op][0], "ns/op", target);
      }
    }
  }
}

function inChild(keys: "number" | "string", size: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--cache-bench-child", keys, String(size)]);
    child.once("message", (figures) => resolve(figures as Figures));
    // "close", not "exit": it follows the IPC channel's last message, so a report is never outrun.
    child.once("close", (code) => reject(new Error(`cache bench child exited with ${code} before reporting`)));
    child.once("error", reject);
  });
}

function child(keys: string, size: number): Figures {
  const s = keys === "number" ? scenario(size, (i) => i + 1) : scenario(size, flowKey);
  // A server holds both caches, so lru-cache's code is compiled for number and string keys alike;
  // exercising the other key type too keeps the timed code from specialising on one.
  if (keys === "number") scenario(1_000, flowKey);
  else scenario(1_000, (i) => i + 1);
  // nsPerOp's `fn(i)` call stays monomorphic until it has seen two functions, and V8 inlines the first
  // function timed into its loop, a head start the other side never gets. Spend that first.
  nsPerOp((i) => i + 1, ITERATIONS, 1);
  nsPerOp((i) => i - 1, ITERATIONS, 1);
  return time(s as unknown as Scenario<NonNullable<unknown>>);
}

function scenario<K extends NonNullable<unknown>>(size: number, key: (i: number) => K): Scenario<K> {
  const present = Array.from({ length: size }, (_, i) => key(i));
  const absent = Array.from({ length: size }, (_, i) => key(size + i));
  const hitPool = pool(present);
  const missPool = pool(absent);
  const mask = hitPool.length - 1;
  const values = Array.from({ length: 64 }, (_, i) => ({ path_id: i, score: i }));

  const raw = new LRUCache<K, object>({ max: size, ttl: TTL_MS, ttlResolution: 1 });
  const ours = new Cache<K, object>({ ttlMs: TTL_MS, max: size });
  for (let i = 0; i < size; i++) {
    raw.set(present[i]!, values[i & 63]!);
    ours.insert(present[i]!, values[i & 63]!);
  }
  // Hits, misses and overwrites on both before timing, as a running server has seen: otherwise the first
  // run of a branch (say ours.get's miss counter) deoptimises inside a timed loop.
  for (let i = 0; i < 300_000; i++) {
    const hit = hitPool[i & mask]!;
    const miss = missPool[i & mask]!;
    raw.get(hit);
    raw.get(miss);
    raw.set(hit, values[i & 63]!);
    ours.get(hit);
    ours.get(miss);
    ours.insert(hit, values[i & 63]!);
  }
  return { size, raw, ours, hitPool, missPool, values };
}

function time<K extends NonNullable<unknown>>({ size, raw, ours, hitPool, missPool, values }: Scenario<K>): Figures {
  const mask = hitPool.length - 1;
  const figures: Figures = {
    "get hit": pair(
      (i) => raw.get(hitPool[i & mask]!),
      (i) => ours.get(hitPool[i & mask]!),
    ),
    "get miss": pair(
      (i) => raw.get(missPool[i & mask]!),
      (i) => ours.get(missPool[i & mask]!),
    ),
    "insert (overwrite)": pair(
      (i) => raw.set(hitPool[i & mask]!, values[i & 63]!),
      (i) => ours.insert(hitPool[i & mask]!, values[i & 63]!),
    ),
  };
  if (ours.stats().entries !== size) throw new Error("bench setup: cache lost entries");
  return figures;
}

/**
 * [baseline, ours] ns/op, each the best of several alternating runs, swapping which goes first: on a
 * shared machine one run of each mostly measures which ran first (GC debt, cache state, load spikes).
 */
function pair(baseline: (i: number) => unknown, ours: (i: number) => unknown): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (let round = 0; round < 3; round++) {
    const first = round % 2 === 0 ? baseline : ours;
    const second = first === baseline ? ours : baseline;
    const a = nsPerOp(first, ITERATIONS, 5);
    const b = nsPerOp(second, ITERATIONS, 5);
    const [x, y] = first === baseline ? [a, b] : [b, a];
    best = [Math.min(best[0], x), Math.min(best[1], y)];
  }
  return best;
}

/** Shuffled picks over `keys`, padded to a power of two so the index is a mask, not a modulo. */
function pool<K>(keys: K[]): K[] {
  let length = 1;
  while (length < keys.length) length *= 2;
  const out = Array.from({ length }, (_, i) => keys[i % keys.length]!);
  let seed = 12345;
  for (let i = length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A routing flow key as the collector builds it: "src|dst|proto|sport|dport". */
function flowKey(i: number): string {
  return `10.0.${(i >> 8) & 255}.${i & 255}|10.1.0.2|6|${1024 + (i % 50_000)}|443`;
}

if (process.argv[2] === "--cache-bench-child") {
  const figures = child(process.argv[3]!, Number(process.argv[4]));
  process.send!(figures, () => process.exit(0));
}
