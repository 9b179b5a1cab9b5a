import { loadavg } from "node:os";
import { listPathHealth } from "@patronus/core/path-metrics";
import { seedDemoNetwork } from "@patronus/core/seed";
import { recordPathMetrics } from "@patronus/core/sites";
import { createTestDb, msMedian, report } from "@patronus/core/testing";
import type { User } from "@patronus/core/users";
import { print } from "graphql";
import { pathRanges, pathVariables, type PathRangeKey } from "../components/path-ranges";
import { PathDetailDocument } from "../graphql/graphql";
import { graphqlClient } from "./graphql/test-client";
import { readFirstPath } from "./path-first";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
/** The demo feed's default pace (PATRONUS_DEMO_METRICS_INTERVAL_MS): a year is 1,051,200 samples. */
const YEAR_STEP_MS = 30_000;
const ROUNDS = 7;
const TARGET_MS = 50;
const viewer = { id: 1, email: "bench@example.com", role: "viewer" } as User;

/**
 * How long the path page's first read (path-first.ts) holds the web server's thread: it runs in-thread,
 * as the API's path_metric_history does. Beside it, the same PathDetail query through the real Apollo
 * server, which the chart sent before. On the demo seed (a day of 5-minute samples per path) and on one
 * path with a year of samples every 30 s. Issue 13: no database work may hold the loop over 50 ms.
 */
export async function run(): Promise<void> {
  const t = createTestDb();
  try {
    seedDemoNetwork(t.db, { now: NOW });
    const [demo, year] = listPathHealth(t.db).map((p) => p.path_id);
    const started = performance.now();
    fillYear(t.db, year!);
    console.log(
      `a year of 30 s samples on path ${year}: ${Math.round(performance.now() - started)} ms to write; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const execute = graphqlClient(t.db);
    for (const [label, pathId] of [
      ["demo day", demo!],
      ["year-sized", year!],
    ] as const) {
      for (const range of Object.keys(pathRanges) as PathRangeKey[]) {
        const read = msMedian(
          () => undefined,
          () => readFirstPath(t.db, { pathId, range, now: NOW }),
          ROUNDS,
        );
        const query = await asyncMedian(() =>
          execute(print(PathDetailDocument), { user: viewer, variables: pathVariables(pathId, range, NOW) }),
        );
        report(`path page first read, ${label}, ${range}`, read, query, "ms", `< ${TARGET_MS} ms in-thread`);
        const answer = readFirstPath(t.db, { pathId, range, now: NOW })!;
        console.log(
          `  ${answer.data.path_metric_history.buckets.length} buckets, ${Math.round(JSON.stringify(answer).length / 1000)} kB in the page`,
        );
      }
    }
  } finally {
    t.destroy();
  }
}

/** Samples every 30 s for the year before NOW, written in day-sized batches through core's insert. */
function fillYear(db: Parameters<typeof recordPathMetrics>[0], pathId: number): void {
  for (let day = NOW - 365 * DAY; day < NOW; day += DAY) {
    const rows = [];
    for (let at = day; at < day + DAY; at += YEAR_STEP_MS) {
      const wave = Math.sin(at / 3_600_000);
      rows.push({
        path_id: pathId,
        timestamp: at,
        latency_ms: 20 + 5 * wave,
        jitter_ms: 1 + wave * wave,
        packet_loss_pct: 0.1,
        bandwidth_mbps: 900,
        mtu: 1500,
        score: 90,
      });
    }
    recordPathMetrics(db, rows);
  }
}

async function asyncMedian(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}
