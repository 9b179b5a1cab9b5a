/**
 * Test helper: a collector-like writer in its own process. `tsx snapshot-writer.ts FILE` writes one
 * snapshot row for every policy in the database per transaction, timestamps 1, 2, 3..., as fast as SQLite
 * lets it, until stdin closes. It prints "writing" once the first transaction committed. A reader that
 * sees a timestamp with fewer rows than there are policies saw a torn transaction.
 */
import { openDatabase } from "../db/client";
import { listPolicies } from "../policies";
import { storePolicyStats } from "../traffic/stats/snapshots";

const { db, close } = openDatabase(process.argv[2]!);
const stats = listPolicies(db).map((p) => ({
  policy_id: p.policy_id,
  packets_matched: 1,
  bytes_matched: 100,
  active_flows: 1,
}));
let at = 1;
let running = true;
process.stdin.on("close", () => (running = false)).resume();

function step(): void {
  if (!running) return close();
  storePolicyStats(db, { at, stats });
  if (at === 1) process.stdout.write("writing\n");
  at += 1;
  setImmediate(step);
}
step();
