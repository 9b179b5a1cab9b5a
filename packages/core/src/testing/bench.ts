/** Small timing helpers for `*.bench.ts` files (not for tests: tests never time things), and their runner. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Every workspace's `pnpm bench`: imports each `*.bench.ts` under `root` in turn (or those whose path
 * contains one of `filters`) and awaits its `run()`. Each bench prints its figures beside a baseline
 * measured in the same run, as a ratio: the machines are shared and absolute numbers drift.
 */
export async function runBenches(root: URL, filters: string[] = process.argv.slice(2)): Promise<void> {
  const dir = fileURLToPath(root);
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) console.log(`no bench matches ${filters.join(" ")}`);
  for (const file of files) {
    console.log(`\n## ${relative(dir, join(dir, file))}`);
    const bench = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> | void };
    await bench.run();
  }
}

/** Nanoseconds per call of `fn(i)`, the best of `rounds` runs of `iterations` calls, after a warm-up. */
export function nsPerOp(fn: (i: number) => unknown, iterations: number, rounds = 5): number {
  let sink: unknown;
  for (let i = 0; i < Math.min(iterations, 100_000); i++) sink = fn(i);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) sink = fn(i);
    const elapsed = Number(process.hrtime.bigint() - start);
    best = Math.min(best, elapsed / iterations);
  }
  keep(sink);
  return best;
}

/**
 * Milliseconds for one call of `fn`, the median of `rounds` runs; each gets fresh state from `setup`,
 * and `teardown` (untimed) disposes of it.
 */
export function msMedian<S>(
  setup: () => S,
  fn: (state: S) => unknown,
  rounds = 5,
  teardown?: (state: S) => void,
): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const state = setup();
    const start = process.hrtime.bigint();
    keep(fn(state));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    teardown?.(state);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** One line: label, figure, baseline, ratio, and the target it is held to. */
export function report(label: string, value: number, baseline: number, unit: string, target?: string): void {
  const ratio = value / baseline;
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  console.log(
    `${label.padEnd(48)} ${fmt(value).padStart(9)} ${unit}  baseline ${fmt(baseline).padStart(9)} ${unit}  ratio ${ratio.toFixed(2)}${target ? `  (target ${target})` : ""}`,
  );
}

let blackhole: unknown;
/** Keeps a value alive so the JIT cannot drop the work that produced it. */
export function keep(value: unknown): void {
  blackhole = value;
  if (blackhole === Symbol.for("never")) console.log(blackhole);
}

export { prng } from "../random";
