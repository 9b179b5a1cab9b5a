import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@patronus/core/db";
import { report } from "@patronus/core/testing";
import { benchHistoryDb, NOW } from "@patronus/core/traffic/stats/bench-history-db";
import { createHistoryPool, readInThread } from "./history-pool";
import type { HistoryRequest } from "./history-protocol";

const DAY = 86_400_000;

/**
 * The longest a trivial request to a real HTTP server in this process waits while a history view loads
 * (issue 13: no database work may hold the event loop over 50 ms), with the read on a reader thread
 * beside the same read in-thread, on the shared 1,000-policy bench database (core's bench-history-db.ts).
 */
export async function run(): Promise<void> {
  const shared = benchHistoryDb();
  const handle = openDatabase(shared.file);
  const server = await listen();
  const pool = createHistoryPool({ file: shared.file, timeoutMs: 600_000 });
  try {
    // The thread boots (tsx compiles core) before anything is timed.
    await pool.read({ kind: "totals", params: { from: NOW - DAY, to: NOW } });
    for (const [label, range] of [
      ["30 d", 30 * DAY],
      ["1 y", 365 * DAY],
    ] as const) {
      for (const kind of ["totals", "with_policies"] as const) {
        const request: HistoryRequest = { kind, params: { from: NOW - range, to: NOW } };
        const inThread = await stallDuring(server, () =>
          Promise.resolve().then(() => readInThread(handle.db, request)),
        );
        const onThread = await stallDuring(server, () => pool.read(request));
        const what = kind === "totals" ? "totals" : "totals + by_policy";
        report(`longest request wait, ${label} ${what}`, onThread.stallMs, inThread.stallMs, "ms", "< 50 ms");
        console.log(`  (baseline: the read in-thread; the read took ${onThread.readMs.toFixed(0)} ms on its thread)`);
      }
    }
  } finally {
    await pool.close();
    server.close();
    handle.close();
  }
}

function listen(): Promise<Server> {
  const server = createServer((_, res) => res.end("ok"));
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** GETs one after another while `load` runs; the slowest answer is the longest the event loop was held. */
async function stallDuring(server: Server, load: () => Promise<unknown>): Promise<{ stallMs: number; readMs: number }> {
  const { port } = server.address() as AddressInfo;
  let loading = true;
  let stallMs = 0;
  const probe = (async () => {
    while (loading) {
      const sent = performance.now();
      await new Promise<void>((resolve, reject) =>
        get({ port, host: "127.0.0.1", path: "/", agent: false }, (res) => res.resume().on("end", resolve)).on(
          "error",
          reject,
        ),
      );
      stallMs = Math.max(stallMs, performance.now() - sent);
    }
  })();
  // Let the probe's first request go out before the read starts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  await load();
  const readMs = performance.now() - started;
  loading = false;
  await probe;
  return { stallMs, readMs };
}
