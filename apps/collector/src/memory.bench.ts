/**
 * The counting path's resident memory with 1,000 policies and 100k live flows, each figure from a
 * fresh process, against the same process that only imports the same modules.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { report } from "@patronus/core/testing";
import type { MemoryReport } from "./testing/memory-child";

const ROUNDS = 3;
const CHILD = fileURLToPath(new URL("./testing/memory-child.ts", import.meta.url));

export async function run(): Promise<void> {
  // process.execArgv carries tsx's loader, so the child runs TypeScript the way this process does.
  const measure = (mode: "baseline" | "collector"): MemoryReport =>
    JSON.parse(execFileSync(process.execPath, [...process.execArgv, "--expose-gc", CHILD, mode], { encoding: "utf8" })) as MemoryReport;
  let baseline: MemoryReport | undefined;
  let ours: MemoryReport | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const b = measure("baseline");
    const o = measure("collector");
    if (!baseline || b.rss < baseline.rss) baseline = b;
    if (!ours || o.rss < ours.rss) ours = o;
  }
  if (!baseline || !ours) return;
  const bare = (args: string[]) =>
    Number(execFileSync(process.execPath, [...args, "--expose-gc", "-e", "gc(); console.log(process.memoryUsage().rss)"], { encoding: "utf8" }));
  if (!ours.gc) console.log("(children ran without --expose-gc: figures include garbage)");
  const mb = (bytes: number) => bytes / 2 ** 20;
  report(`RSS, 1000 policies + ${ours.liveFlows / 1000}k live flows`, mb(ours.rss), mb(baseline.rss), "MB", "< 100 MB");
  console.log(
    `  delta +${mb(ours.rss - baseline.rss).toFixed(1)} MB (target < 100 MB): JS heap +${mb(ours.heapUsed - baseline.heapUsed).toFixed(1)} MB, ` +
      `array buffers +${mb(ours.arrayBuffers - baseline.arrayBuffers).toFixed(1)} MB (the flow table says ${mb(ours.tableBytes).toFixed(1)} MB); ` +
      `smallest of ${ROUNDS} fresh processes each`,
  );
  console.log(
    `  for scale: node alone ${mb(bare([])).toFixed(0)} MB, node under tsx's loader (as the sidecar runs) ${mb(bare(process.execArgv)).toFixed(0)} MB, ` +
      `before importing anything`,
  );
}
