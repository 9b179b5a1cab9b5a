import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Round } from "./race-worker";

const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const worker = fileURLToPath(new URL("./race-worker.ts", import.meta.url));

/**
 * Runs `task` in `processes` processes, released together once per round; returns each round's outcomes.
 * A race that shows only now and then needs many rounds to show reliably, hence rounds, not one run.
 */
export function race(processes: number, task: "migrate" | "delete-site", rounds: Round[]): string[][] {
  const run = spawnSync(tsx, [worker, String(processes), task, JSON.stringify(rounds)], { encoding: "utf8" });
  if (run.status !== 0 || run.stderr) throw new Error(`race worker failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}
